using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace SesBot.Bot.Channels.Teams.Auth;

/// <summary>
/// The ASP.NET Core rate limit policy of <c>POST /api/messages</c>: a fixed window per caller
/// (<see cref="TeamsRateLimitOptions"/>). The caller is the one <see cref="AuthenticatedCallers"/> knows for the
/// request's token (its appid or serviceurl claim), else the remote address. Rejections: 429, <c>Retry-After</c>, and
/// the JSON refusal body (<see cref="InboundRefusal"/>).
/// </summary>
public sealed class TeamsRateLimitPolicy : IRateLimiterPolicy<string>
{
    public const string Name = "teams-inbound";

    private readonly TeamsRateLimitOptions _options;
    private readonly AuthenticatedCallers _callers;

    public TeamsRateLimitPolicy(TeamsRateLimitOptions options, AuthenticatedCallers callers)
    {
        _options = options;
        _callers = callers;
    }

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => WriteRejectionAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return RateLimitPartition.GetFixedWindowLimiter(PartitionOf(httpContext), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = _options.PermitLimit,
            Window = _options.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    /// <summary><c>caller:</c> plus the validated token's caller, or <c>address:</c> plus the remote address.</summary>
    internal string PartitionOf(HttpContext httpContext)
    {
        var header = httpContext.Request.Headers.Authorization.ToString();
        if (BotFrameworkAuthenticator.TryGetBearerToken(header, out var token) && _callers.Find(token) is { } caller)
        {
            return "caller:" + caller;
        }

        var remote = httpContext.Connection.RemoteIpAddress;
        return "address:" + (remote is { IsIPv4MappedToIPv6: true } ? remote.MapToIPv4() : remote)?.ToString();
    }

    private static async ValueTask WriteRejectionAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.HttpContext.RequestServices.GetService<InboundRefusalLog>()?.Write(
            StatusCodes.Status429TooManyRequests, "Too many requests from this caller", context.HttpContext.Connection.RemoteIpAddress);
        await InboundRefusal.TooManyRequests.ExecuteAsync(context.HttpContext);
    }
}
