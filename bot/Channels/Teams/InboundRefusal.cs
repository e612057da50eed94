using SesBot.Bot.Channels.Teams.Auth;

namespace SesBot.Bot.Channels.Teams;

/// <summary>
/// A refused inbound request: the status and a short JSON body, <c>{"error":"…","message":"…"}</c>. The texts are
/// fixed: never the sender's input, never internal details (those go to the log).
/// </summary>
public sealed record InboundRefusal(int StatusCode, string Error, string Message) : IResult
{
    public static readonly InboundRefusal Unauthorized = new(StatusCodes.Status401Unauthorized, "unauthorized", "The request carries no valid Bot Framework token.");

    public static readonly InboundRefusal Forbidden = new(StatusCodes.Status403Forbidden, "forbidden", "The token does not allow this activity on this endpoint.");

    public static readonly InboundRefusal NotTeams = new(StatusCodes.Status403Forbidden, "not_teams", "This endpoint serves Microsoft Teams activities only.");

    public static readonly InboundRefusal LocalModeProxied = new(StatusCodes.Status403Forbidden, "local_mode", "Local mode serves tools on this host only, not requests through a proxy or from a web page.");

    public static readonly InboundRefusal LocalModeServiceUrl = new(StatusCodes.Status403Forbidden, "local_mode", "Local mode answers only to a loopback http(s) serviceUrl.");

    public static readonly InboundRefusal Unavailable = new(StatusCodes.Status503ServiceUnavailable, "unavailable", "Tokens cannot be verified right now; try again later.");

    public static readonly InboundRefusal BadRequest = new(StatusCodes.Status400BadRequest, "bad_request", "The body is not a valid activity.");

    public static readonly InboundRefusal InvalidText = new(StatusCodes.Status400BadRequest, "invalid_text", "The body contains text that is not valid Unicode.");

    public static readonly InboundRefusal TooLarge = new(StatusCodes.Status413PayloadTooLarge, "too_large", "The body is larger than this endpoint accepts.");

    public static readonly InboundRefusal UnsupportedMediaType = new(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type", "The body must be application/json.");

    public static readonly InboundRefusal TooManyRequests = new(StatusCodes.Status429TooManyRequests, "too_many_requests", "Too many requests; try again after the time in Retry-After.");

    /// <summary>The refusal for a failed authentication or authorization step.</summary>
    public static InboundRefusal For(InboundAuthResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Status switch
        {
            InboundAuthStatus.Unauthorized => Unauthorized,
            InboundAuthStatus.NotTeams => NotTeams,
            InboundAuthStatus.Forbidden => Forbidden,
            InboundAuthStatus.Unavailable => Unavailable,
            _ => throw new ArgumentException("The request was not refused.", nameof(result)),
        };
    }

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCode;
        httpContext.Response.Headers.CacheControl = "no-store";
        return httpContext.Response.WriteAsJsonAsync(
            new Dictionary<string, string>(StringComparer.Ordinal) { ["error"] = Error, ["message"] = Message },
            httpContext.RequestAborted);
    }
}
