using System.Collections.Frozen;
using System.Net;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SesBot.Bot.Channels.Teams.Auth;

/// <summary>
/// Authenticates requests from the Bot Connector to <c>POST /api/messages</c> as the Bot Framework spec says
/// (FACTS §A.1), in two steps because two checks need the activity:
/// <list type="number">
/// <item><see cref="AuthenticateAsync"/> before the body is read: Bearer JWT, RS256/384/512, issuer, audience = app id,
/// lifetime with 5 minutes of skew, signature by a key from the published JWKS. Failure: 401 (503 if no keys can be had).</item>
/// <item><see cref="AuthorizeActivity"/> after the body is parsed: the <c>serviceurl</c> claim equals the activity's
/// serviceUrl, and the signing key is endorsed for the activity's channelId. Failure: 403.</item>
/// </list>
/// Local mode (no credential of any kind configured, and the server listening on loopback only: see
/// <see cref="LocalModeGuard"/>): a request without an Authorization header is accepted from a loopback address only,
/// as anonymous. A request that carries a token is still checked; with no app id it always fails with 401, as there is
/// no audience a token could match. There is deliberately no switch that turns validation off.
/// Either way the activity must come from Teams: its <c>channelId</c> is <c>msteams</c> (403 otherwise).
/// Refusals are logged through <see cref="InboundRefusalLog"/> (at most one warning per address per minute).
/// </summary>
public sealed class BotFrameworkAuthenticator
{
    /// <summary>The authentication type of the identity given to anonymous local-mode requests.</summary>
    public const string AnonymousAuthenticationType = "anonymous";

    public const string AuthenticationType = "BotFramework";

    /// <summary>The claim carrying the service URL the token was issued for (lower case, as the Connector sends it).</summary>
    public const string ServiceUrlClaim = "serviceurl";

    /// <summary>The only channel this endpoint serves.</summary>
    public const string TeamsChannel = "msteams";

    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    internal static readonly FrozenSet<string> AllowedAlgorithms =
        new[] { SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512 }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The claim naming the app a token was issued to (Emulator-style tokens; Connector tokens may lack it).</summary>
    public const string AppIdClaim = "appid";

    private readonly TeamsOptions _options;
    private readonly BotFrameworkSigningKeys _keys;
    private readonly LocalModeGuard _localMode;
    private readonly AuthenticatedCallers _callers;
    private readonly InboundRefusalLog _refusals;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    internal BotFrameworkAuthenticator(
        IOptions<TeamsOptions> options,
        BotFrameworkSigningKeys keys,
        LocalModeGuard localMode,
        AuthenticatedCallers callers,
        InboundRefusalLog refusals,
        TimeProvider clock,
        ILogger<BotFrameworkAuthenticator> logger)
    {
        _options = options.Value;
        _keys = keys;
        _localMode = localMode;
        _callers = callers;
        _refusals = refusals;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>Step one, before the body is parsed: checks the Authorization header (or, in local mode, its absence).</summary>
    public async Task<InboundAuthResult> AuthenticateAsync(string? authorizationHeader, IPAddress? remoteAddress, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(authorizationHeader))
        {
            var local = _localMode.AllowsAnonymous;
            if (local && IsLoopback(remoteAddress))
            {
                Log.InboundAnonymousAccepted(_logger, remoteAddress);
                return InboundAuthResult.Anonymous();
            }

            return Reject(InboundAuthStatus.Unauthorized, local
                ? "No Authorization header, and the request is not from a loopback address (local mode)"
                : "No Authorization header", remoteAddress);
        }

        if (!TryGetBearerToken(authorizationHeader, out var token))
        {
            return Reject(InboundAuthStatus.Unauthorized, "The Authorization scheme is not Bearer", remoteAddress);
        }

        JsonWebToken jwt;
        try
        {
            jwt = _handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return Reject(InboundAuthStatus.Unauthorized, "The token is not a well-formed JWT", remoteAddress);
        }

        if (jwt.IsEncrypted)
        {
            return Reject(InboundAuthStatus.Unauthorized, "Encrypted tokens are not accepted", remoteAddress);
        }

        if (!AllowedAlgorithms.Contains(jwt.Alg))
        {
            return Reject(InboundAuthStatus.Unauthorized, "The token's signing algorithm is not RS256, RS384 or RS512", remoteAddress);
        }

        if (string.IsNullOrEmpty(jwt.Kid))
        {
            return Reject(InboundAuthStatus.Unauthorized, "The token names no signing key (kid)", remoteAddress);
        }

        if (_options.IsLocalMode)
        {
            // The audience must be the bot's app id; in local mode there is none, so no token can be valid.
            return Reject(InboundAuthStatus.Unauthorized, "A token was sent, but no Teams:AppId is configured (local mode), so its audience cannot be valid", remoteAddress);
        }

        var keys = await _keys.GetAsync(jwt.Kid, cancellationToken);
        if (keys is null)
        {
            return Reject(InboundAuthStatus.Unavailable, "The signing keys could not be fetched", remoteAddress);
        }

        if (keys.Algorithms is { } published && !published.Contains(jwt.Alg))
        {
            return Reject(InboundAuthStatus.Unauthorized, "The token's signing algorithm is not one the metadata document supports", remoteAddress);
        }

        if (!keys.Keys.TryGetValue(jwt.Kid, out var key))
        {
            return Reject(InboundAuthStatus.Unauthorized, "The token is signed with an unknown key", remoteAddress);
        }

        var validation = await _handler.ValidateTokenAsync(jwt, CreateParameters(key.Key));
        if (!validation.IsValid)
        {
            return Reject(InboundAuthStatus.Unauthorized, Describe(validation.Exception), remoteAddress);
        }

        var serviceUrl = jwt.TryGetPayloadValue<string>(ServiceUrlClaim, out var claim) ? claim : null;
        var appId = jwt.TryGetPayloadValue<string>(AppIdClaim, out var app) ? app : null;
        if ((appId ?? serviceUrl) is { Length: > 0 } caller)
        {
            _callers.Remember(token, caller, jwt.ValidTo == DateTime.MinValue ? _clock.GetUtcNow() : new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero));
        }

        Log.InboundTokenAccepted(_logger, jwt.Kid);
        return InboundAuthResult.Authenticated(validation.ClaimsIdentity, jwt.Kid, serviceUrl, key.Endorsements);
    }

    /// <summary>
    /// Step two, after the body is parsed: the activity must be a Teams one (<c>channelId</c> <c>msteams</c>), the token
    /// must have been issued for its service URL, and its signing key must be endorsed for <c>msteams</c>. A failed
    /// <paramref name="token"/> is returned as is; an anonymous (local mode) one needs only the channel.
    /// </summary>
    public InboundAuthResult AuthorizeActivity(InboundAuthResult token, string? channelId, string? serviceUrl, IPAddress? remoteAddress = null)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (!token.Succeeded)
        {
            return token;
        }

        if (!string.Equals(channelId, TeamsChannel, StringComparison.Ordinal))
        {
            return Reject(InboundAuthStatus.NotTeams, "The activity's channelId is not msteams; this endpoint serves Teams only", remoteAddress);
        }

        if (token.IsAnonymous)
        {
            return token;
        }

        if (token.Endorsements is not null && !token.Endorsements.Contains(TeamsChannel))
        {
            return Reject(InboundAuthStatus.NotTeams, "The signing key is not endorsed for msteams", remoteAddress);
        }

        var reason = token.ServiceUrlClaim is null ? "Missing serviceurl claim"
            : !string.Equals(token.ServiceUrlClaim, serviceUrl, StringComparison.OrdinalIgnoreCase) ? "serviceurl claim mismatch"
            : token.Endorsements is null ? "Could not validate endorsement key: the signing key has no endorsements"
            : null;
        return reason is null ? token : Reject(InboundAuthStatus.Forbidden, reason, remoteAddress);
    }

    private TokenValidationParameters CreateParameters(SecurityKey key) => new()
    {
        ValidateIssuer = true,
        ValidIssuer = TeamsOptions.BotFrameworkIssuer,
        ValidateAudience = true,
        ValidAudience = _options.AppId,
        RequireAudience = true,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        LifetimeValidator = ValidateLifetime,
        ClockSkew = ClockSkew,
        RequireSignedTokens = true,
        IssuerSigningKey = key,
        TryAllIssuerSigningKeys = false,
        ValidAlgorithms = AllowedAlgorithms,
        AuthenticationType = AuthenticationType,
    };

    /// <summary>Lifetime against the injected clock: an expiry is required; both ends get the 5-minute skew.</summary>
    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        if (expires is null)
        {
            return false;
        }

        var now = _clock.GetUtcNow().UtcDateTime;
        return (notBefore is null || notBefore.Value <= now + ClockSkew) && expires.Value >= now - ClockSkew;
    }

    private static string Describe(Exception? exception) => exception switch
    {
        SecurityTokenInvalidLifetimeException or SecurityTokenExpiredException or SecurityTokenNotYetValidException or SecurityTokenNoExpirationException
            => "The token is expired, not yet valid, or has no expiry",
        SecurityTokenInvalidAudienceException => "The token's audience is not this bot's app id",
        SecurityTokenInvalidIssuerException => "The token's issuer is not the Bot Framework",
        SecurityTokenInvalidAlgorithmException => "The token's signing algorithm is not allowed",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "The token's signature is not valid",
        null => "The token is not valid",
        _ => $"The token is not valid ({exception.GetType().Name})",
    };

    internal static bool TryGetBearerToken(string header, out string token)
    {
        const string Scheme = "Bearer ";
        token = string.Empty;
        var trimmed = header.Trim();
        if (!trimmed.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        token = trimmed[Scheme.Length..].Trim();
        return token.Length > 0;
    }

    internal static bool IsLoopback(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    private InboundAuthResult Reject(InboundAuthStatus status, string reason, IPAddress? remoteAddress)
    {
        var result = InboundAuthResult.Fail(status, reason);
        _refusals.Write(result.StatusCode, reason, remoteAddress);
        return result;
    }
}
