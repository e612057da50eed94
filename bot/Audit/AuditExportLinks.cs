using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using SesBot.Core.Audit;
using SesBot.Core.Domain;

namespace SesBot.Bot.Audit;

/// <summary>
/// Signed, expiring download links for the audit log (admins only): <c>{PublicBaseUrl}/exports/audit/{token}</c>.
/// The token is the filter and the admin's id, encrypted and signed by ASP.NET Core Data Protection's time-limited
/// protector (purpose <see cref="Purpose"/>), with keys persisted so links survive a restart.
/// </summary>
/// <remarks>
/// The expiry people see is checked against the injected <see cref="TimeProvider"/>. Data Protection's own time limit
/// reads the system clock (it takes no <see cref="TimeProvider"/>) and throws the same exception for an expired token
/// as for a forged one, so it is set <see cref="ExpiredLinkGrace"/> later, as a hard backstop: until then an expired
/// link answers 410, afterwards it is simply unknown (404).
/// </remarks>
public sealed class AuditExportLinks
{
    public const string Purpose = "SesBot.AuditExport.v1";
    public const string RoutePrefix = "/exports/audit/";

    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(7);
    public static readonly TimeSpan ExpiredLinkGrace = TimeSpan.FromDays(7);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly ITimeLimitedDataProtector _protector;
    private readonly TimeProvider _clock;
    private readonly IOptions<PublicUrlOptions> _options;
    private readonly IServer? _server;
    private readonly ILogger<AuditExportLinks> _logger;

    public AuditExportLinks(
        IDataProtectionProvider dataProtection, TimeProvider clock, IOptions<PublicUrlOptions> options, ILogger<AuditExportLinks> logger, IServer? server = null)
    {
        ArgumentNullException.ThrowIfNull(dataProtection);
        _protector = dataProtection.CreateProtector(Purpose).ToTimeLimitedDataProtector();
        _clock = clock;
        _options = options;
        _server = server;
        _logger = logger;
    }

    /// <summary>A link to download the audit events matching the filter, valid for <paramref name="lifetime"/>; null when the actor is not an admin.</summary>
    public AuditExportLink? Create(Actor actor, AuditFilter filter, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lifetime, MaxLifetime);
        if (actor.Role != Role.Admin)
        {
            Log.AuditExportLinkRefused(_logger, actor.Id, actor.Role);
            return null;
        }

        var now = _clock.GetUtcNow();
        var ticket = new AuditExportTicket(
            AuditExportTicket.CurrentVersion, actor.Id, filter.ResellerId, filter.From?.ToUniversalTime(), filter.To?.ToUniversalTime(), filter.AccountId,
            now, now + lifetime);
        var token = _protector.Protect(JsonSerializer.Serialize(ticket, Json), ticket.ExpiresAt + ExpiredLinkGrace);
        Log.AuditExportLinkCreated(_logger, actor.Id, ticket.ExpiresAt);
        return new AuditExportLink(new Uri(BaseUrl().TrimEnd('/') + RoutePrefix + token), ticket.ExpiresAt);
    }

    /// <summary>Reads a token from a link: invalid (never signed by us, or altered), expired, or valid with its ticket.</summary>
    internal AuditLinkCheck Check(string token)
    {
        AuditExportTicket? ticket;
        try
        {
            ticket = JsonSerializer.Deserialize<AuditExportTicket>(_protector.Unprotect(token, out _), Json);
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or JsonException)
        {
            return new AuditLinkCheck(AuditLinkStatus.Invalid);
        }

        if (ticket is null || ticket.Version != AuditExportTicket.CurrentVersion || string.IsNullOrEmpty(ticket.ActorId))
        {
            return new AuditLinkCheck(AuditLinkStatus.Invalid);
        }

        return _clock.GetUtcNow() >= ticket.ExpiresAt
            ? new AuditLinkCheck(AuditLinkStatus.Expired, ticket)
            : new AuditLinkCheck(AuditLinkStatus.Valid, ticket);
    }

    /// <summary>The configured public address, else the first address the server listens on (a wildcard host becomes localhost).</summary>
    private string BaseUrl()
    {
        if (!string.IsNullOrWhiteSpace(_options.Value.PublicBaseUrl))
        {
            return _options.Value.PublicBaseUrl;
        }

        var first = _server?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? HostExtensions.DefaultAddress;
        var address = first.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal);
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri))
        {
            return HostExtensions.DefaultAddress;
        }

        var host = uri.Host is "0.0.0.0" or "[::]" ? "localhost" : uri.Host;
        return new UriBuilder(uri.Scheme, host, uri.Port).Uri.GetLeftPart(UriPartial.Authority);
    }
}
