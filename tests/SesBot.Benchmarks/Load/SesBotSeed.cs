using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SesBot.Core;
using SesBot.Core.Domain;
using SesBot.Core.Gateways.Simulated;
using SesBot.Core.Persistence;

namespace SesBot.Benchmarks.Load;

/// <summary>
/// A SesBot SQLite database for the load benchmark, made with SesBot.Core's DbContext and migrations: the demo data
/// (whose Alex Wilber is the reseller user the flows play) plus customers of his reseller, each with customer-owned
/// AWS accounts with billing data, so every flow can end in a real removal from the payer organization; then the
/// simulated cloud rows the bot's first start in local mode would add.
/// </summary>
internal static class SesBotSeed
{
    public const int AccountsPerCustomer = 4;
    private const int CustomersPerBatch = 500;

    public static async Task<IReadOnlyList<SeededAccount>> CreateAsync(string databasePath, int accounts)
    {
        var services = new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddSesBotDatabase(DatabaseProvider.Sqlite, $"Data Source={databasePath}")
            .BuildServiceProvider();
        var seeded = new List<SeededAccount>(accounts);
        try
        {
            var now = TimeProvider.System.GetUtcNow();
            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
                await db.Database.MigrateAsync();
                DemoData.AddTo(db, now);
                await db.SaveChangesAsync();
            }

            // In batches, each in its own context: a change tracker holding every row would make each save slower.
            var thisMonth = new DateOnly(now.Year, now.Month, 1);
            var customers = (accounts + AccountsPerCustomer - 1) / AccountsPerCustomer;
            for (var first = 0; first < customers; first += CustomersPerBatch)
            {
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
                for (var c = first; c < Math.Min(customers, first + CustomersPerBatch); c++)
                {
                    db.Customers.Add(NewCustomer(c, accounts, seeded, now, thisMonth));
                }

                await db.SaveChangesAsync();
            }

            // What the bot's first start in local mode adds (the simulated organization and Partner Center): the cold
            // starts measure a bot starting on a database it has run on before, as a restarted deployment does.
            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
                var simulated = new SimulatedCloudSeed(db, TimeProvider.System, NullLogger<SimulatedCloudSeed>.Instance);
                await simulated.SeedAsync(aws: true, azure: true, CancellationToken.None);
            }
        }
        finally
        {
            await services.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }

        return seeded;
    }

    private static Customer NewCustomer(int c, int accounts, List<SeededAccount> seeded, DateTimeOffset now, DateOnly thisMonth)
    {
        var customer = new Customer($"c-bench-{c:D6}", DemoData.NorthwindResellerId, $"Bench Customer {c:D6} Ltd");
        for (var a = 0; a < AccountsPerCustomer && seeded.Count < accounts; a++)
        {
            var index = seeded.Count;
            var account = customer.AddAccount(new CloudAccount(
                $"a-bench-{index:D7}", customer.Id, CloudProvider.Aws,
                (300_000_000_000L + index).ToString(CultureInfo.InvariantCulture),
                $"Bench workload {index}", AccountOrigin.CustomerOwned, now.AddMonths(-3)));
            account.AddBillingRecord(thisMonth.AddMonths(-1), 120m, "USD");
            account.AddBillingRecord(thisMonth, 60m, "USD");
            seeded.Add(new SeededAccount(customer.Id, account.Id));
        }

        return customer;
    }
}
