using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SesBot.Core;
using SesBot.Core.Conversations;
using SesBot.Core.Persistence;

namespace SesBot.Bot.Tests;

public sealed class InboundDeliveryPrunerTests : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sesbot-pruner-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider _services;

    public InboundDeliveryPrunerTests()
    {
        var services = new ServiceCollection();
        services.AddSesBotDatabase(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_directory, "sesbot.db")}");
        services.AddSingleton<TimeProvider>(_clock);
        services.AddScoped<DeliveryLedger>();
        services.AddScoped<DatabaseWrites>();
        _services = services.BuildServiceProvider();
    }

    [Fact]
    public async Task PruneOnce_DeliveriesPastRetention_AreForgottenAndRecentOnesKept()
    {
        await using (var scope = _services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SesBotDbContext>().Database.MigrateAsync();
        }

        await RecordAsync("old-1");
        await RecordAsync("old-2");
        _clock.Advance(InboundDeliveryPruner.Retention + TimeSpan.FromHours(1));
        await RecordAsync("new-1");
        var pruner = new InboundDeliveryPruner(_services.GetRequiredService<IServiceScopeFactory>(), _clock, NullLogger<InboundDeliveryPruner>.Instance);

        var removed = await pruner.PruneOnceAsync(CancellationToken.None);

        Assert.Equal(2, removed);
        await using var check = _services.CreateAsyncScope();
        var left = await check.ServiceProvider.GetRequiredService<SesBotDbContext>().InboundDeliveries.Select(d => d.DeliveryKey).ToListAsync();
        Assert.Equal(["new-1"], left);
        Assert.True(await RecordAsync("old-1"), "a forgotten delivery key is new again");
        Assert.False(await RecordAsync("new-1"), "a delivery still remembered conflicts");
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<bool> RecordAsync(string key)
    {
        await using var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<DeliveryLedger>().Record("msteams", "a:1", key);
        try
        {
            await scope.ServiceProvider.GetRequiredService<SesBotDbContext>().SaveChangesAsync();
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }
}
