namespace SesBot.Bot.Audit;

/// <summary>What a presented download token turned out to be.</summary>
internal enum AuditLinkStatus
{
    /// <summary>Not a token SesBot signed for audit exports (tampered, truncated, another purpose, keys lost).</summary>
    Invalid,

    /// <summary>Signed by SesBot, but past its expiry.</summary>
    Expired,

    Valid,
}
