using System.ComponentModel.DataAnnotations;

namespace SesBot.Bot.Channels.Teams.Connector;

/// <summary>
/// The <c>Teams:Connector</c> section: how patient the outbound Bot Connector client is. The defaults follow the Teams
/// rate-limit guidance (honour <c>Retry-After</c>, otherwise a bounded, jittered exponential backoff).
/// </summary>
public sealed class ConnectorOptions
{
    public const string Section = "Teams:Connector";

    /// <summary>Retries after the first attempt.</summary>
    [Range(0, 10)]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first backoff delay when the answer carries no <c>Retry-After</c>; doubled per retry, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>No computed backoff waits longer than this.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A <c>Retry-After</c> longer than this is shortened to it.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>One HTTP attempt. A POST that times out is not replayed (the Connector may have stored it).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The whole call, retries and waits included.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:30:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Error bodies are read up to this many bytes (they only feed the error code and the log).</summary>
    [Range(1024, 1024 * 1024)]
    public int MaxErrorBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Success answers are read up to this many bytes; a larger one fails the call (the answers are small ids).</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxResponseBodyBytes { get; set; } = 256 * 1024;
}
