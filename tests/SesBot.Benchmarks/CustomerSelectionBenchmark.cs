using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SesBot.Bot.Cards;
using SesBot.Bot.Channels.Teams;
using SesBot.Bot.Dialogs;
using SesBot.Core;
using SesBot.Core.Domain;
using SesBot.Core.Persistence;
using SesBot.Core.Workflow;

namespace SesBot.Benchmarks;

/// <summary>
/// Customer selection at scale: how long the reseller waits for a page of customers or a typeahead answer, and how
/// big the card gets, with many customers in SQLite. Prints numbers; asserts nothing.
/// </summary>
internal static class CustomerSelectionBenchmark
{
    private const int Rounds = 200;

    public static async Task<int> RunAsync(string[] args)
    {
        var customersPerReseller = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;

        var directory = Directory.CreateTempSubdirectory("sesbot-bench-").FullName;
        var services = new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddSesBotDatabase(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(directory, "bench.db")}")
            .AddScoped<ResellerCatalog>()
            .BuildServiceProvider();

        try
        {
            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
                await db.Database.MigrateAsync();
                db.Resellers.AddRange(new Reseller("r-a", "Reseller A"), new Reseller("r-b", "Reseller B"));
                var words = new[] { "Alpine", "Boreal", "Cobalt", "Delta", "Ember", "Fjord", "Granite", "Harbor", "Indigo", "Juniper", "Kestrel", "Lumen" };
                for (var i = 0; i < customersPerReseller; i++)
                {
                    foreach (var reseller in new[] { "r-a", "r-b" })
                    {
                        var name = $"{words[i % words.Length]} {words[(i / words.Length) % words.Length]} {i:D5} Ltd";
                        db.Customers.Add(new Customer($"{reseller}-c{i:D5}", reseller, name));
                    }
                }

                await db.SaveChangesAsync();
            }

            var actor = new Actor("bench", "Bench", Role.ResellerUser, "r-a");
            Console.WriteLine($"customers: {customersPerReseller:N0} per reseller, 2 resellers, SQLite; {Rounds} rounds per case");
            Console.WriteLine($"{"case",-34} {"p50 ms",8} {"p95 ms",8} {"max ms",8} {"alloc KB/op",12}");
            foreach (var (name, text, skip) in new (string, string?, int)[]
            {
                ("first page, no search", null, 0),
                ("search 'ember' (1 in 12 match)", "ember", 0),
                ("search '04321' (1 match)", "04321", 0),
                ("search 'zzz' (no match)", "zzz", 0),
                ("page 40 of a broad search", "ltd", 975),
            })
            {
                await MeasureAsync(name, async () =>
                {
                    await using var scope = services.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<ResellerCatalog>().SearchCustomersAsync(actor, text, skip, 25);
                });
            }

            // The card a reseller gets: bounded by the page size whatever the number of customers.
            await using (var scope = services.CreateAsyncScope())
            {
                var page = await scope.ServiceProvider.GetRequiredService<ResellerCatalog>().SearchCustomersAsync(actor, null, 0, 25);
                var state = new FlowState { FlowId = Guid.NewGuid().ToString("N"), Kind = FlowKind.RemoveAccount, Step = FlowStep.SelectCustomer };
                var card = new TeamsReplyRenderer().ToCard(RemovalCards.CustomerPicker(state, page));
                var json = SesBot.Bot.Channels.Teams.AdaptiveCards.AdaptiveCardSerializer.Serialize(card);
                Console.WriteLine($"customer picker card: {Encoding.UTF8.GetByteCount(json):N0} bytes (Teams limit ~80 KB recommended), {page.Customers.Count} choices, more: {page.HasMore}");
            }
        }
        finally
        {
            await services.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }

        return 0;
    }

    private static async Task MeasureAsync(string name, Func<Task> operation)
    {
        for (var i = 0; i < 10; i++)
        {
            await operation(); // warm up: JIT, query compilation, page cache
        }

        var timings = new double[Rounds];
        var totalBefore = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < Rounds; i++)
        {
            var watch = Stopwatch.StartNew();
            await operation();
            timings[i] = watch.Elapsed.TotalMilliseconds;
        }

        var allocatedKb = (GC.GetTotalAllocatedBytes(precise: true) - totalBefore) / 1024.0 / Rounds;
        Array.Sort(timings);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-34} {timings[Rounds / 2],8:F2} {timings[(int)(Rounds * 0.95)],8:F2} {timings[^1],8:F2} {allocatedKb,12:F1}"));
    }
}
