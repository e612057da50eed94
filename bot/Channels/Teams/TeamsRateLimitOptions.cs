using System.ComponentModel.DataAnnotations;

namespace SesBot.Bot.Channels.Teams;

/// <summary>
/// <c>Teams:RateLimit</c>: how many requests one caller may make to the inbound endpoint per window (fixed windows,
/// no queue; beyond it, 429 with <c>Retry-After</c>). A caller is the token's <c>appid</c> (else its <c>serviceurl</c>)
/// claim once its token has been validated, else the remote address. The defaults are generous: the Bot Connector
/// sends all of a region's traffic with one service URL.
/// </summary>
public sealed class TeamsRateLimitOptions
{
    [Range(1, 1_000_000)]
    public int PermitLimit { get; set; } = 600;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(10);
}
