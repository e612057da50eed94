using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SesBot.Bot.Audit;
using SesBot.Core.Audit;
using SesBot.Core.Domain;
using SesBot.Core.Persistence;

namespace SesBot.Bot.Tests.Audit;

/// <summary>Signed, expiring audit download links against the real bot on Kestrel (127.0.0.1), over real HTTP.</summary>
public sealed class AuditExportEndpointTests : IAsyncLifetime
{
    private const string Header = "Time (UTC),Event id,Request,Request kind,Reseller id,Reseller,Customer id,Customer,Provider,Account,Event,From status,To status,Actor,Actor role,Actor id,Note,Details\r\n";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sesbot-audit-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = AuditExportHost.ClockBeforeMidnight();
    private AuditExportHost _host = null!;
    private Actor _admin = null!;

    public async Task InitializeAsync()
    {
        _host = await AuditExportHost.StartAsync(_folder, _clock);
        _admin = await _host.ActorAsync(AuditExportHost.AdminActorId);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Download_ValidAdminLink_StreamsTheCsv()
    {
        var link = _host.Links.Create(_admin, AuditFilter.Everything, TimeSpan.FromMinutes(15));
        Assert.NotNull(link);
        using var client = _host.CreateClient();

        using var response = await client.GetAsync(link.Url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(AuditExportEndpoint.FileName(_clock.GetUtcNow()), response.Content.Headers.ContentDisposition?.FileName);
        Assert.Matches(@"^sesbot-audit-\d{4}-\d{2}-\d{2}\.csv$", response.Content.Headers.ContentDisposition?.FileName);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.StartsWith(Header, text, StringComparison.Ordinal);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(await _host.CountAuditEventsAsync() + 1, lines.Length);
        Assert.Contains("R-FABR01", text, StringComparison.Ordinal);
        Assert.Contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_NoHostedServiceReadsTheKeyRing_ItIsReadByTheFirstLink()
    {
        // Nothing at start that can wait: the key ring is read when a link is made or checked (the other tests here).
        Assert.DoesNotContain(
            _host.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>(),
            s => s.GetType().FullName == "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService");
    }

    [Fact]
    public async Task Create_WithoutPublicBaseUrl_PointsAtTheKestrelAddress()
    {
        using var client = _host.CreateClient();

        var link = _host.Links.Create(_admin, AuditFilter.Everything, TimeSpan.FromMinutes(1));

        Assert.NotNull(link);
        Assert.Equal(client.BaseAddress!.GetLeftPart(UriPartial.Authority), link.Url.GetLeftPart(UriPartial.Authority));
        Assert.Equal("127.0.0.1", link.Url.Host);
        Assert.StartsWith("/exports/audit/", link.Url.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(_clock.GetUtcNow().AddMinutes(1), link.ExpiresAt);
    }

    [Fact]
    public async Task Create_WithPublicBaseUrl_UsesItAndTheTokenStillOpensHere()
    {
        var links = new AuditExportLinks(
            _host.Services.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>(),
            _clock,
            Microsoft.Extensions.Options.Options.Create(new PublicUrlOptions { PublicBaseUrl = "https://sesbot.contoso.com/bot/" }),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<AuditExportLinks>.Instance);

        var link = links.Create(_admin, AuditFilter.Everything, TimeSpan.FromMinutes(5))!;

        Assert.StartsWith("https://sesbot.contoso.com/bot/exports/audit/", link.Url.AbsoluteUri, StringComparison.Ordinal);
        using var client = _host.CreateClient();
        using var response = await client.GetAsync(new Uri(link.Url.AbsolutePath["/bot".Length..], UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Download_ResellerFilter_OnlyThatResellersEvents()
    {
        var link = _host.Links.Create(_admin, new AuditFilter(ResellerId: DemoData.FabrikamResellerId), TimeSpan.FromMinutes(15));
        using var client = _host.CreateClient();

        var text = await client.GetStringAsync(link!.Url);

        var rows = text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.Equal(await _host.CountAuditEventsAsync(DemoData.FabrikamResellerId), rows.Count);
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Contains("," + DemoData.FabrikamResellerId + ",Fabrikam IT Services,", r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Download_TamperedToken_Is404()
    {
        var link = _host.Links.Create(_admin, AuditFilter.Everything, TimeSpan.FromMinutes(15))!;
        var token = link.Url.AbsolutePath["/exports/audit/".Length..];
        var middle = token.Length / 2;
        var tampered = token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..];
        using var client = _host.CreateClient();

        using var altered = await client.GetAsync(new Uri("/exports/audit/" + tampered, UriKind.Relative));
        using var truncated = await client.GetAsync(new Uri("/exports/audit/" + token[..^4], UriKind.Relative));
        using var garbage = await client.GetAsync(new Uri("/exports/audit/not-a-token", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, altered.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, truncated.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, garbage.StatusCode);
        Assert.Empty(await altered.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Download_TokenOfAnotherPurpose_Is404()
    {
        var provider = _host.Services.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>();
        var other = Microsoft.AspNetCore.DataProtection.DataProtectionAdvancedExtensions.Protect(
            Microsoft.AspNetCore.DataProtection.DataProtectionAdvancedExtensions.ToTimeLimitedDataProtector(
                Microsoft.AspNetCore.DataProtection.DataProtectionCommonExtensions.CreateProtector(provider, "SesBot.SomethingElse")),
            "{\"v\":1,\"actor\":\"" + AuditExportHost.AdminActorId + "\",\"issued\":\"2026-01-01T00:00:00Z\",\"expires\":\"2099-01-01T00:00:00Z\"}",
            TimeSpan.FromHours(1));
        using var client = _host.CreateClient();

        using var response = await client.GetAsync(new Uri("/exports/audit/" + other, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Download_ExpiredLink_Is410WithAShortJsonBody()
    {
        var link = _host.Links.Create(_admin, AuditFilter.Everything, TimeSpan.FromMinutes(15))!;
        using var client = _host.CreateClient();
        _clock.Advance(TimeSpan.FromMinutes(15));

        using var response = await client.GetAsync(link.Url);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("link_expired", body.RootElement.GetProperty("error").GetString());
        Assert.Contains("expired", body.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_OneMinuteBeforeExpiry_StillWorks()
    {
        var link = _host.Links.Create(_admin, AuditFilter.Everything, TimeSpan.FromMinutes(15))!;
        using var client = _host.CreateClient();
        _clock.Advance(TimeSpan.FromMinutes(14));

        using var response = await client.GetAsync(link.Url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Download_ExpiredLongerThanTheGrace_IsUnknown404()
    {
        // Data Protection's own limit (expiry + grace) reads the system clock: a link made 30 days ago is dead to it.
        await _host.DisposeAsync();
        var monthAgo = new FakeTimeProvider(DateTimeOffset.UtcNow - TimeSpan.FromDays(30));
        _host = await AuditExportHost.StartAsync(_folder, monthAgo, seedRequests: false);
        var link = _host.Links.Create(await _host.ActorAsync(AuditExportHost.AdminActorId), AuditFilter.Everything, TimeSpan.FromHours(1))!;
        monthAgo.Advance(TimeSpan.FromDays(30));
        using var client = _host.CreateClient();

        using var response = await client.GetAsync(link.Url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Download_AdminNoLongerAdmin_Is403()
    {
        var link = _host.Links.Create(_admin, AuditFilter.Everything, TimeSpan.FromMinutes(15))!;
        await _host.SetRoleAsync("00000000-0000-0000-0000-0000000000023", Role.SupportAgent);
        using var client = _host.CreateClient();

        using var response = await client.GetAsync(link.Url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("not_allowed", body.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Download_LinkOfAnAdminSesBotDoesNotKnow_Is403()
    {
        var stranger = new Actor("msteams:" + DemoData.PlaygroundTenantId + ":not-in-the-directory", "Stranger", Role.Admin);
        var link = _host.Links.Create(stranger, AuditFilter.Everything, TimeSpan.FromMinutes(15))!;
        using var client = _host.CreateClient();

        using var response = await client.GetAsync(link.Url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData(AuditExportHost.SupportActorId)]
    [InlineData(AuditExportHost.ResellerActorId)]
    public async Task Create_NotAnAdmin_GetsNoLink(string actorId)
    {
        var actor = await _host.ActorAsync(actorId);

        Assert.Null(_host.Links.Create(actor, AuditFilter.Everything, TimeSpan.FromMinutes(15)));
    }

    [Fact]
    public async Task Download_AfterARestart_TheLinkStillWorks()
    {
        var link = _host.Links.Create(_admin, AuditFilter.Everything, TimeSpan.FromMinutes(15))!;
        var expected = await _host.CountAuditEventsAsync();
        await _host.DisposeAsync();
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(_folder, "keys"), "key-*.xml"));

        _host = await AuditExportHost.StartAsync(_folder, _clock, seedRequests: false);
        using var client = _host.CreateClient();
        var restarted = new UriBuilder(link.Url) { Port = client.BaseAddress!.Port }.Uri;
        using var response = await client.GetAsync(restarted);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(expected + 1, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
