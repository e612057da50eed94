namespace SesBot.Bot.Channels.Teams.Auth;

/// <summary>The outcome of authenticating a Bot Framework request; each maps to one HTTP status.</summary>
public enum InboundAuthStatus
{
    /// <summary>The request may be processed (a validated token, or anonymous loopback traffic in local mode).</summary>
    Authenticated,

    /// <summary>401: no usable token, or the token is not valid.</summary>
    Unauthorized,

    /// <summary>403: the token is valid, but not for this activity (serviceurl claim, key without endorsements).</summary>
    Forbidden,

    /// <summary>403: not a Teams activity (channelId other than <c>msteams</c>, or a key not endorsed for it).</summary>
    NotTeams,

    /// <summary>503: the signing keys could not be fetched, so nothing can be verified. The sender may retry.</summary>
    Unavailable,
}
