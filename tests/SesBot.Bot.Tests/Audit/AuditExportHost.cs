using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using SesBot.Bot.Audit;
using SesBot.Core.Domain;
using SesBot.Core.Persistence;

namespace SesBot.Bot.Tests.Audit;

/// <summary>
/// The real bot (<c>Program</c>) on Kestrel at 127.0.0.1 with a SQLite file and Data Protection keys in a temporary
/// folder, demo data, a few requests moved through support, and a fake clock. Two hosts on the same folder are the bot
/// before and after a restart.
/// </summary>
internal sealed class AuditExportHost : IAsyncDisposable
{
    public const string AdminActorId = "msteams:" + DemoData.PlaygroundTenantId + ":00000000-0000-0000-0000-0000000000023";
    public const string SupportActorId = "msteams:" + DemoData.PlaygroundTenantId + ":00000000-0000-0000-0000-0000000000021";
    public const string ResellerActorId = "msteams:" + DemoData.PlaygroundTenantId + ":00000000-0000-0000-0000-0000000000020";

    private readonly WebApplicationFactory<Program> _factory;

    private AuditExportHost(string folder, FakeTimeProvider clock)
    {
        Folder = folder;
        Clock = clock;
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("urls", "http://127.0.0.1:0");
            b.UseSetting("ConnectionStrings:SesBot", $"Data Source={Path.Combine(folder, "sesbot.db")}");
            b.UseSetting(AuditExportExtensions.KeysPathKey, Path.Combine(folder, "keys"));
            b.ConfigureServices((context, services) =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(clock);
            });
        });
        _factory.UseKestrel(0);
        _factory.StartServer();
    }

    public string Folder { get; }

    public FakeTimeProvider Clock { get; }

    public IServiceProvider Services => _factory.Services;

    /// <summary>
    /// A clock at the real time, or two hours earlier when that is within two hours of midnight (UTC): the seeding moves
    /// it five minutes and the tests up to fifteen more, and the tests name "today" and "yesterday" by it, so it must not
    /// cross into the next day meanwhile.
    /// </summary>
    public static FakeTimeProvider ClockBeforeMidnight()
    {
        var now = DateTimeOffset.UtcNow;
        return new FakeTimeProvider(now.TimeOfDay >= TimeSpan.FromHours(22) ? now.AddHours(-2) : now);
    }

    public static async Task<AuditExportHost> StartAsync(string folder, FakeTimeProvider clock, bool seedRequests = true)
    {
        var host = new AuditExportHost(folder, clock);
        if (seedRequests)
        {
            await host.SeedRequestsAsync();
        }

        return host;
    }

    public HttpClient CreateClient() => _factory.CreateClient();

    public AuditExportLinks Links => Services.GetRequiredService<AuditExportLinks>();

    public async Task<Actor> ActorAsync(string actorId)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
        var users = await db.ChannelUsers.AsNoTracking().ToListAsync();
        return users.Select(u => u.ToActor()).Single(a => a.Id == actorId);
    }

    public async Task<int> CountAuditEventsAsync(string? resellerId = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
        if (resellerId is null)
        {
            return await db.AuditEvents.CountAsync();
        }

        var requests = await db.RemovalRequests.Where(r => r.ResellerId == resellerId).Select(r => r.Id).ToListAsync();
        return await db.AuditEvents.CountAsync(e => e.EntityType == nameof(RemovalRequest) && requests.Contains(e.EntityId));
    }

    /// <summary>Changes a person's role in the directory, as an SES admin would in the database.</summary>
    public async Task SetRoleAsync(string aadObjectId, Role role)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
        var changed = await db.ChannelUsers.Where(u => u.UserKey == aadObjectId).ExecuteUpdateAsync(s => s.SetProperty(u => u.Role, role));
        Assert.Equal(1, changed);
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    /// <summary>Requests of both demo resellers, one rejected with a note a spreadsheet would run.</summary>
    private async Task SeedRequestsAsync()
    {
        var alex = await ActorAsync(ResellerActorId);
        var megan = await ActorAsync(SupportActorId);
        var adele = new Actor("msteams:" + DemoData.PlaygroundTenantId + ":00000000-0000-0000-0000-0000000000022", "Adele Vance", Role.ResellerUser, DemoData.FabrikamResellerId);
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
        var payer = new RemovalRequest("R-PAYER1", "k-payer", RemovalOption.AwsRemoveFromPayer, alex, DemoData.NorthwindResellerId, "c-adventure", "a-adventure-web", Clock.GetUtcNow());
        var suspend = new RemovalRequest("R-SUSP01", "k-susp", RemovalOption.AzureSuspend, alex, DemoData.NorthwindResellerId, "c-tailspin", "z-tailspin-dev", Clock.GetUtcNow());
        var fabrikam = new RemovalRequest("R-FABR01", "k-fabr", RemovalOption.AwsRemoveFromPayer, adele, DemoData.FabrikamResellerId, "c-litware", "a-litware-owned", Clock.GetUtcNow());
        db.RemovalRequests.AddRange(payer, suspend, fabrikam);
        await db.SaveChangesAsync();
        Clock.Advance(TimeSpan.FromMinutes(5));
        payer.Apply(RequestTrigger.Accept, megan, Clock);
        suspend.Apply(RequestTrigger.Reject, megan, Clock, "=HYPERLINK(\"http://evil.example\",\"x\")");
        await db.SaveChangesAsync();
    }
}
