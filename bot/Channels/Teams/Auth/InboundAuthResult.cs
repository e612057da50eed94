using System.Security.Claims;

namespace SesBot.Bot.Channels.Teams.Auth;

/// <summary>
/// What <see cref="BotFrameworkAuthenticator"/> decided about one request. Only the authenticator creates these, so a
/// successful result always comes from a validated token (or anonymous loopback traffic in local mode).
/// </summary>
public sealed class InboundAuthResult
{
    private InboundAuthResult(InboundAuthStatus status, string? failureReason)
    {
        Status = status;
        FailureReason = failureReason;
    }

    public InboundAuthStatus Status { get; }

    public bool Succeeded => Status == InboundAuthStatus.Authenticated;

    /// <summary>The HTTP status to answer with when <see cref="Succeeded"/> is false (200 otherwise).</summary>
    public int StatusCode => Status switch
    {
        InboundAuthStatus.Authenticated => StatusCodes.Status200OK,
        InboundAuthStatus.Unauthorized => StatusCodes.Status401Unauthorized,
        InboundAuthStatus.Forbidden or InboundAuthStatus.NotTeams => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status503ServiceUnavailable,
    };

    /// <summary>Why the request was refused; safe to log (never contains the token). Null on success.</summary>
    public string? FailureReason { get; }

    /// <summary>The token's claims, or an empty identity of type <c>anonymous</c> in local mode. Null on failure.</summary>
    public ClaimsIdentity? Identity { get; private init; }

    /// <summary>True for a request accepted without a token (local mode, loopback only).</summary>
    public bool IsAnonymous { get; private init; }

    /// <summary>The <c>kid</c> of the key that signed the token.</summary>
    public string? SigningKeyId { get; private init; }

    /// <summary>The token's <c>serviceurl</c> claim, checked against the activity in step two.</summary>
    internal string? ServiceUrlClaim { get; private init; }

    /// <summary>The signing key's endorsements (channel ids); null when the key has no endorsements entry.</summary>
    internal IReadOnlySet<string>? Endorsements { get; private init; }

    internal static InboundAuthResult Anonymous() => new(InboundAuthStatus.Authenticated, null)
    {
        Identity = new ClaimsIdentity(authenticationType: BotFrameworkAuthenticator.AnonymousAuthenticationType),
        IsAnonymous = true,
    };

    internal static InboundAuthResult Authenticated(ClaimsIdentity identity, string signingKeyId, string? serviceUrlClaim, IReadOnlySet<string>? endorsements) =>
        new(InboundAuthStatus.Authenticated, null)
        {
            Identity = identity,
            SigningKeyId = signingKeyId,
            ServiceUrlClaim = serviceUrlClaim,
            Endorsements = endorsements,
        };

    internal static InboundAuthResult Fail(InboundAuthStatus status, string reason)
    {
        if (status == InboundAuthStatus.Authenticated)
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "A failure needs a failing status.");
        }

        return new(status, reason);
    }
}
