using System.Globalization;
using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;
using SesBot.Core.Http;

namespace SesBot.Core.Gateways.Azure;

/// <summary>
/// The retry rules of the Partner Center client, one Polly pipeline inside the typed client: total timeout → retry →
/// per-attempt timeout.
/// <list type="bullet">
/// <item>A read (GET) is retried on 408, 429, 5xx gateway and service errors, timeouts and dropped connections.</item>
/// <item>A change (PATCH) is retried only after 429: Partner Center throttled it, so it was not carried out. Any other
/// failure of a PATCH (a timeout, a dropped connection, a 5xx) is final; when no answer came, the outcome is unknown
/// and the caller reads the resource to learn it. The PATCH is never replayed blindly.</item>
/// <item>A 429 waits its <c>Retry-After</c> (seconds or an HTTP date, capped at <see cref="PartnerCenterOptions.MaxRetryAfter"/>);
/// everything else a jittered exponential backoff.</item>
/// </list>
/// Each retry re-sends the same request message, so it keeps its <c>MS-RequestId</c>, as Partner Center asks of a retry.
/// </summary>
internal static class PartnerCenterResilience
{
    public const string PipelineName = "partner-center";

    public static readonly HttpRequestOptionsKey<string> OperationKey = new("SesBot.PartnerCenter.Operation");

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, PartnerCenterOptions options, TimeProvider time, ILogger logger)
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
                ShouldRetryAfterHeader = false, // RetryAfterDelay reads it, with a cap and HTTP dates
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context.GetRequestMessage()?.Method)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfterDelay(args.Outcome.Result, options.MaxRetryAfter, time)),
                OnRetry = args =>
                {
                    var request = args.Context.GetRequestMessage();
                    var operation = request is not null && request.Options.TryGetValue(OperationKey, out var name) ? name : "call";
                    var cause = args.Outcome.Result is { } response
                        ? ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture)
                        : args.Outcome.Exception?.GetType().Name;
                    Log.PartnerCenterRetrying(logger, operation, cause, args.AttemptNumber + 1, args.RetryDelay);
                    return default;
                },
            });
        }

        builder.AddTimeout(options.AttemptTimeout);
    }

    /// <summary>Whether this outcome may be tried again for a request with this method (see the class remarks).</summary>
    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpMethod? method)
    {
        var read = method == HttpMethod.Get || method == HttpMethod.Head;
        if (outcome.Result is { } response)
        {
            return response.StatusCode switch
            {
                HttpStatusCode.TooManyRequests => true,
                HttpStatusCode.RequestTimeout or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
                    or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => read,
                _ => false,
            };
        }

        return read && outcome.Exception is HttpRequestException or TimeoutRejectedException or IOException;
    }

    /// <summary>The wait a 429 asks for, capped; <see langword="null"/> lets the backoff decide.</summary>
    public static TimeSpan? RetryAfterDelay(HttpResponseMessage? response, TimeSpan cap, TimeProvider time) =>
        RetryAfterHeader.ThrottledDelay(response, cap, time);

    /// <summary>The <c>Retry-After</c> of an answer as a wait from now (never negative), if it has one.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time) => RetryAfterHeader.Wait(response, time);
}
