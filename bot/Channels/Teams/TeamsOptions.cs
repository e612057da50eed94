using System.ComponentModel.DataAnnotations;

namespace SesBot.Bot.Channels.Teams;

/// <summary>The <c>Teams</c> configuration section: the Azure Bot registration SesBot runs as.</summary>
public sealed class TeamsOptions
{
    public const string Section = "Teams";

    public const string BotFrameworkOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    public const string BotFrameworkIssuer = "https://api.botframework.com";

    public const string BotFrameworkScope = "https://api.botframework.com/.default";

    /// <summary>The Microsoft App ID of the bot. Empty: local mode (no inbound token required from loopback, no outbound token).</summary>
    public string? AppId { get; set; }

    /// <summary>The client secret. A secret: environment variable or user secrets only.</summary>
    public string? AppPassword { get; set; }

    /// <summary>The bot's home tenant; required for <see cref="TeamsAppType.SingleTenant"/>.</summary>
    public string? TenantId { get; set; }

    public TeamsAppType AppType { get; set; } = TeamsAppType.SingleTenant;

    /// <summary>Where the inbound token signing keys are published.</summary>
    [Required]
    [Url]
    public string OpenIdMetadataUrl { get; set; } = BotFrameworkOpenIdMetadataUrl;

    /// <summary>
    /// The login authority host for outbound tokens (the tenant or <c>botframework.com</c> is appended). https only
    /// (http for a loopback host, as for <see cref="OpenIdMetadataUrl"/>): the client secret is sent there.
    /// </summary>
    [Required]
    [Url]
    public string AuthorityHost { get; set; } = "https://login.microsoftonline.com";

    /// <summary>How often the signing keys are fetched again at the latest (the spec asks for at least daily).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan SigningKeysRefreshInterval { get; set; } = TimeSpan.FromHours(12);

    /// <summary>A token signed with an unknown key triggers an early fetch, but no sooner than this after the last one.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SigningKeysMinimumRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary><c>Teams:RateLimit</c>: per-caller limits of the inbound endpoint.</summary>
    public TeamsRateLimitOptions RateLimit { get; set; } = new();

    /// <summary>
    /// No app id: no inbound token can be valid and replies go without a token. Whether requests WITHOUT a token are
    /// accepted is decided by <see cref="LocalModeGuard"/> (no credential of any kind, loopback listeners only).
    /// </summary>
    public bool IsLocalMode => string.IsNullOrWhiteSpace(AppId);
}
