using System.Net;
using SesBot.Bot.Channels.Teams.Auth;
using SesBot.Bot.Channels.Teams.Protocol;

namespace SesBot.Bot.Channels.Teams;

/// <summary>
/// <c>POST /api/messages</c>: the Bot Framework messaging endpoint, Teams only. Rate-limited per caller
/// (<see cref="TeamsRateLimitPolicy"/>); every refusal answers with a short JSON body (<see cref="InboundRefusal"/>).
/// </summary>
public static class TeamsEndpoint
{
    public const string Route = "/api/messages";

    /// <summary>Activities are small; Teams caps a message at about 100 KB.</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapTeamsChannel(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetRequiredService<LocalMode>().IsLocal)
        {
            Log.TeamsLocalMode(endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TeamsEndpoint)));
        }

        endpoints.MapPost(Route, HandleAsync).DisableAntiforgery().RequireRateLimiting(TeamsRateLimitPolicy.Name);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext context,
        BotFrameworkAuthenticator authenticator,
        InboundRefusalLog refusals,
        TeamsActivityProcessor processor,
        ILogger<TeamsActivityProcessor> logger)
    {
        var cancellationToken = context.RequestAborted;
        var remote = context.Connection.RemoteIpAddress;

        // Authenticate before the body is read.
        var token = await authenticator.AuthenticateAsync(
            context.Request.Headers.Authorization.ToString() is { Length: > 0 } header ? header : null,
            remote,
            cancellationToken);
        if (!token.Succeeded)
        {
            return InboundRefusal.For(token);
        }

        if (token.IsAnonymous && LocalModeRequestRules.CheckRequest(context.Request, out var proxied) is { } viaProxy)
        {
            return Refuse(refusals, viaProxy, proxied, remote);
        }

        // Read, then parse.
        var (body, unread, unreadReason) = await ActivityReader.ReadAsync(context, MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return Refuse(refusals, unread!, unreadReason, remote);
        }

        var (activity, unparsed, unparsedReason) = ActivityReader.Parse(body);
        if (activity is null)
        {
            return Refuse(refusals, unparsed!, unparsedReason, remote);
        }

        // Authorize: a Teams activity, for the token's service URL and endorsed key (local mode: a loopback serviceUrl).
        var authorized = authenticator.AuthorizeActivity(token, activity.ChannelId, activity.ServiceUrl, remote);
        if (!authorized.Succeeded)
        {
            return InboundRefusal.For(authorized);
        }

        if (token.IsAnonymous && LocalModeRequestRules.CheckServiceUrl(activity.ServiceUrl, out var elsewhere) is { } notLoopback)
        {
            return Refuse(refusals, notLoopback, elsewhere, remote);
        }

        activity = TeamsIdentity.WithoutUntrustedIdentity(activity);
        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["Channel"] = activity.ChannelId,
            ["ConversationId"] = activity.Conversation?.Id,
            ["ActivityId"] = activity.Id,
            ["RequestId"] = context.TraceIdentifier,
        });

        // Answered as soon as the turn has committed; replies other than an invoke's answer go through the outbox.
        var response = await processor.ProcessAsync(activity, cancellationToken);
        if (activity.Type == ActivityTypes.Invoke)
        {
            // The invoke's answer travels in this HTTP response, always with HTTP 200.
            return response.InlineJson is { } json
                ? Results.Content(json, "application/json", System.Text.Encoding.UTF8, StatusCodes.Status200OK)
                : Results.Json(InvokeResponse.Message("Done."), ProtocolJson.Options, statusCode: StatusCodes.Status200OK);
        }

        return Results.Ok();
    }

    private static InboundRefusal Refuse(InboundRefusalLog refusals, InboundRefusal refusal, string? reason, IPAddress? remote)
    {
        refusals.Write(refusal.StatusCode, reason ?? refusal.Error, remote);
        return refusal;
    }
}
