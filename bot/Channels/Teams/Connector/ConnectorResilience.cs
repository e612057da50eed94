using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;
using SesBot.Core.Http;

namespace SesBot.Bot.Channels.Teams.Connector;

/// <summary>
/// The retry rules for the Bot Connector (FACTS §B.7), as one Polly pipeline inside the typed client:
/// total timeout → retry → per-attempt timeout.
/// <list type="bullet">
/// <item>429 waits <c>Retry-After</c> (seconds or an HTTP date, capped at <see cref="ConnectorOptions.MaxRetryAfter"/>);
/// without it, and for 412/502/503/504, a jittered exponential backoff, at most <see cref="ConnectorOptions.MaxRetryAttempts"/> times.</item>
/// <item>GET and PUT are idempotent and retried on any transient failure, timeouts and dropped connections included.</item>
/// <item>A POST creates a message, so it is retried only after an answer that says it was not processed (429, 412, 503)
/// or when the connection was never made. A 502/504, a timeout or a connection lost after sending is ambiguous:
/// the POST is not replayed and the caller gets <see cref="ConnectorException.IsOutcomeUnknown"/>.</item>
/// </list>
/// </summary>
internal static class ConnectorResilience
{
    public const string PipelineName = "bot-connector";

    public static readonly HttpRequestOptionsKey<string> OperationKey = new("SesBot.Teams.Connector.Operation");

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ConnectorOptions options, TimeProvider time, ILogger logger)
    {
        builder.AddTimeout(options.TotalTimeout);
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldRetryAfterHeader = false, // RetryAfterDelay below reads it, with a cap and HTTP dates
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context.GetRequestMessage()?.Method)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfterDelay(args.Outcome.Result, options.MaxRetryAfter, time)),
                OnRetry = args =>
                {
                    var request = args.Context.GetRequestMessage();
                    var operation = request is not null && request.Options.TryGetValue(OperationKey, out var name) ? name : "call";
                    var cause = args.Outcome.Result is { } response ? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) : args.Outcome.Exception?.GetType().Name;
                    Log.ConnectorRetrying(logger, operation, cause, args.AttemptNumber + 1, args.RetryDelay);
                    return default;
                },
            });
        }

        builder.AddTimeout(options.AttemptTimeout);
    }

    /// <summary>Whether this outcome may be tried again for a request with this method (see the class remarks).</summary>
    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpMethod? method)
    {
        var idempotent = method == HttpMethod.Get || method == HttpMethod.Put || method == HttpMethod.Delete || method == HttpMethod.Head;
        if (outcome.Result is { } response)
        {
            return (int)response.StatusCode switch
            {
                429 or 412 or 503 => true, // the Connector refused the request before processing it
                502 or 504 => idempotent, // a gateway answered: the request may have reached the service
                _ => false,
            };
        }

        return outcome.Exception switch
        {
            null => false,
            var ex when NeverSent(ex) => true,
            HttpRequestException or TimeoutRejectedException or IOException => idempotent,
            _ => false,
        };
    }

    /// <summary>The connection was never made (name not resolved, refused, unreachable): no byte of the request left.</summary>
    public static bool NeverSent(Exception exception)
    {
        if (exception is not HttpRequestException http)
        {
            return false;
        }

        if (http.HttpRequestError == HttpRequestError.NameResolutionError)
        {
            return true;
        }

        return http.HttpRequestError == HttpRequestError.ConnectionError
            && http.InnerException is SocketException
            {
                SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostUnreachable or SocketError.NetworkUnreachable
                    or SocketError.HostNotFound or SocketError.TryAgain or SocketError.AddressNotAvailable,
            };
    }

    /// <summary>The wait a 429 asks for, capped; <see langword="null"/> lets the backoff decide.</summary>
    public static TimeSpan? RetryAfterDelay(HttpResponseMessage? response, TimeSpan cap, TimeProvider time) =>
        RetryAfterHeader.ThrottledDelay(response, cap, time);
}
