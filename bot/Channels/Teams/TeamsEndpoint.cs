using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using SesBot.Bot.Channels.Teams.Auth;
using SesBot.Bot.Channels.Teams.Protocol;

namespace SesBot.Bot.Channels.Teams;

/// <summary><c>POST /api/messages</c>: the Bot Framework messaging endpoint.</summary>
public static class TeamsEndpoint
{
    public const string Route = "/api/messages";

    /// <summary>Activities are small; Teams caps a message at about 100 KB.</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapTeamsChannel(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = endpoints.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<TeamsOptions>>().Value;
        if (options.IsLocalMode)
        {
            Log.TeamsLocalMode(endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TeamsEndpoint)));
        }

        endpoints.MapPost(Route, HandleAsync).DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext context,
        BotFrameworkAuthenticator authenticator,
        TeamsActivityProcessor processor,
        ILogger<TeamsActivityProcessor> logger)
    {
        var cancellationToken = context.RequestAborted;

        // Authenticate before the body is read.
        var token = await authenticator.AuthenticateAsync(
            context.Request.Headers.Authorization.ToString() is { Length: > 0 } header ? header : null,
            context.Connection.RemoteIpAddress,
            cancellationToken);
        if (!token.Succeeded)
        {
            return Results.StatusCode(token.StatusCode);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        Activity? activity;
        try
        {
            activity = await JsonSerializer.DeserializeAsync<Activity>(context.Request.Body, ProtocolJson.Options, cancellationToken);
        }
        catch (Exception ex) when (ex is JsonException or BadHttpRequestException)
        {
            Log.TeamsBadBody(logger, ex.Message);
            return Results.BadRequest();
        }

        if (activity?.Type is null)
        {
            Log.TeamsBadBody(logger, "no activity type");
            return Results.BadRequest();
        }

        // The token must have been issued for this activity's channel and service URL.
        var authorized = authenticator.AuthorizeActivity(token, activity.ChannelId, activity.ServiceUrl);
        if (!authorized.Succeeded)
        {
            return Results.StatusCode(authorized.StatusCode);
        }

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
}
