using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SesBot.Core.Gateways.Simulated;
using SesBot.Core.Persistence;
using SesBot.Core.Tests.Support;

namespace SesBot.Core.Tests.Persistence;

/// <summary>The simulated cloud's seed on a real PostgreSQL server: its quick "anything missing?" statement and the seed itself.</summary>
[Trait("Category", "PostgreSQL")]
public sealed class PostgresSimulatedSeedTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 18, 10, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Seed_DemoDataThenAgain_EveryAccountOnceThenNothing()
    {
        var clock = new FakeTimeProvider(Now);
        var connection = await server.CreateDemoDatabaseAsync(clock);

        int first;
        await using (var db = PostgresServer.CreateContext(connection))
        {
            first = await new SimulatedCloudSeed(db, clock, NullLogger<SimulatedCloudSeed>.Instance).SeedAsync(aws: true, azure: true, CancellationToken.None);
        }

        await using var check = PostgresServer.CreateContext(connection);
        var again = await new SimulatedCloudSeed(check, clock, NullLogger<SimulatedCloudSeed>.Instance).SeedAsync(aws: true, azure: true, CancellationToken.None);
        var accounts = await check.CloudAccounts.CountAsync();
        var rows = await check.Set<SimulatedAwsAccount>().CountAsync() + await check.Set<SimulatedAzureSubscription>().CountAsync();
        Assert.Equal(accounts, rows);
        Assert.Equal(rows + await check.Set<SimulatedBillingTransfer>().CountAsync(), first);
        Assert.Equal(0, again);
    }
}
