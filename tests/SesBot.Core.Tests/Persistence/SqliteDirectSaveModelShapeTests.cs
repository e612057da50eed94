using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using SesBot.Core.Domain;
using SesBot.Core.Persistence;
using SesBot.Core.Tests.Support;

namespace SesBot.Core.Tests.Persistence;

/// <summary>
/// The direct writer on owned parts, navigations and model shapes beyond SesBot's own (entity splitting, cascade
/// timings, more than 64 columns): each unit of work runs against two files, one written directly and one by EF Core,
/// and the rows, the change tracker and what the save returned or threw are compared.
/// </summary>
public sealed class SqliteDirectSaveModelShapeTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2027, 3, 15, 10, 30, 0, TimeSpan.Zero);
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly string[] Tables = ["RemovalRequests", "AuditEvents", "Customers", "CloudAccounts", "BillingRecords"];

    private DirectAndEfFiles _files = null!;
    private ServiceProvider _direct = null!;
    private ServiceProvider _ef = null!;

    public async Task InitializeAsync()
    {
        _files = await DirectAndEfFiles.CreateAsync("sesbot-direct-shapes-");
        (_direct, _ef) = (_files.Direct, _files.Ef);
    }

    public async Task DisposeAsync() => await _files.DisposeAsync();

    // ---- Owned parts and navigations written directly, or refused, as EF Core would write them. ----

    /// <summary>Guard: a part replaced on a modified owner (old part Deleted, new Added) goes to EF Core, same rows.</summary>
    [Fact]
    public async Task OwnedPartReplaced_OnAModifiedOwner_SameRows()
    {
        Dictionary<bool, List<string>> trackers = [];
        foreach (var (services, direct) in new[] { (_direct, true), (_ef, false) })
        {
            await SeedAsync(services);
            await SaveAsync(services, direct, db => db.RemovalRequests.Add(Removal("R-2")));

            await using var scope = services.CreateAsyncScope();
            var db = Context(scope, direct);
            var request = await db.RemovalRequests.SingleAsync(Ct);
            request.RecordBillingImpact(Impact(At.AddDays(3)));
            db.Entry(request).Property(r => r.LastNote).CurrentValue = "Impact recomputed";
            await db.SaveChangesAsync(Ct);
            Assert.False(((SqliteSesBotDbContext)db).LastSaveWasDirect);
            trackers[direct] = Tracker(db);
        }

        await AssertSameRowsAsync();
        Assert.Equal(trackers[false], trackers[true]);
    }

    /// <summary>Guard: an update of owned columns with value converters (DateTimeOffset as ticks, DateOnly?, decimal) written directly.</summary>
    [Fact]
    public async Task OwnedPartWithConvertedValues_ModifiedWithItsOwner_SameRows()
    {
        Dictionary<bool, List<string>> trackers = [];
        foreach (var (services, direct) in new[] { (_direct, true), (_ef, false) })
        {
            await SeedAsync(services);
            await SaveAsync(services, direct, db => db.RemovalRequests.Add(Removal("R-3")));

            await using var scope = services.CreateAsyncScope();
            var db = Context(scope, direct);
            var request = await db.RemovalRequests.SingleAsync(Ct);
            db.Entry(request).Property(r => r.LastNote).CurrentValue = "Corrected";
            var impact = db.Entry(request).Reference(r => r.BillingImpact).TargetEntry!;
            impact.Property(nameof(BillingImpact.PeriodEnd)).CurrentValue = At.AddDays(2).ToOffset(TimeSpan.FromHours(2));
            impact.Property(nameof(BillingImpact.LastDay)).CurrentValue = null;
            impact.Property(nameof(BillingImpact.FractionOfMonth)).CurrentValue = 0.1234m;
            await db.SaveChangesAsync(Ct);
            Assert.Equal(direct, ((SqliteSesBotDbContext)db).LastSaveWasDirect);
            trackers[direct] = Tracker(db);
        }

        await AssertSameRowsAsync();
        Assert.Equal(trackers[false], trackers[true]);
    }

    /// <summary>Guard: a billing record added through a tracked, modified account's collection (store-generated key, FK fix-up).</summary>
    [Fact]
    public async Task DependentsAddedThroughTrackedPrincipals_SameRowsAndTracker()
    {
        Dictionary<bool, List<string>> trackers = [];
        foreach (var (services, direct) in new[] { (_direct, true), (_ef, false) })
        {
            await SeedAsync(services);
            await using var scope = services.CreateAsyncScope();
            var db = Context(scope, direct);
            var account = await db.CloudAccounts.Include(a => a.BillingRecords).SingleAsync(a => a.Id == "a-owned", Ct);
            account.Touch();
            account.AddBillingRecord(new DateOnly(2025, 9, 1), 12.5m, "eur");
            await db.SaveChangesAsync(Ct);
            Assert.Equal(direct, ((SqliteSesBotDbContext)db).LastSaveWasDirect);
            trackers[direct] = Tracker(db);
        }

        await AssertSameRowsAsync();
        Assert.Equal(trackers[false], trackers[true]);
    }

    /// <summary>Guard: the UInt128 column mask, owner columns past bit 64 and owned columns (enum as string, ticks) after them.</summary>
    [Fact]
    public async Task MoreThan64Columns_OwnedColumnsPastBit64_SameRowsAndTracker()
    {
        var (ef, direct) = await ProbeAsync("wide", "Wide", async db =>
        {
            var wide = new Wide { Id = 1, Part = new Part { Name = "p", Color = Color.Green, When = At } };
            db.Add(wide);
            for (var i = 0; i < WideColumns; i++)
            {
                db.Entry(wide).Property(Wide.Column(i)).CurrentValue = i;
            }

            await db.SaveChangesAsync(Ct);
            Assert.Equal(db.Direct, db.LastSaveWasDirect);

            // Bits 0, 62-65 and 69 of the owner, then the owned part's columns (bits 72 and up), with the concurrency token.
            foreach (var i in (int[])[0, 62, 63, 64, 65, WideColumns - 1])
            {
                db.Entry(wide).Property(Wide.Column(i)).CurrentValue = 1000 + i;
            }

            db.Entry(wide).Property(w => w.Version).CurrentValue = 1;
            var part = db.Entry(wide).Reference(w => w.Part).TargetEntry!;
            part.Property(nameof(Part.Color)).CurrentValue = Color.Blue;
            part.Property(nameof(Part.When)).CurrentValue = At.AddHours(5).ToOffset(TimeSpan.FromHours(-3));
            await db.SaveChangesAsync(Ct);
            Assert.Equal(db.Direct, db.LastSaveWasDirect);
        });

        Assert.Equal(ef, direct);
    }

    // ---- Shapes the direct writer leaves to EF Core (each failed before its guard). ----

    /// <summary>
    /// An entity split over two tables (SplitToTable) is EF Core's to save (the eligibility test once threw "Sequence
    /// contains more than one element" on its two table mappings).
    /// </summary>
    [Fact]
    public async Task EntitySplitting_LeftToEfCore_NotAnException()
    {
        var (ef, direct) = await ProbeAsync("split", "Holder", async db =>
        {
            db.Add(new Holder { Id = 1, Note = "a" });
            await db.SaveChangesAsync(Ct);
        });

        Assert.Equal(ef, direct);
    }

    /// <summary>
    /// With orphans deleted at SaveChanges (CascadeTiming.OnSaveChanges), a child removed from its parent's collection is
    /// Modified until the save, where EF Core deletes it: such a context saves through EF Core (a direct save once
    /// updated the row instead).
    /// </summary>
    [Fact]
    public async Task OrphanDeletedAtSaveChanges_DirectSaveDeletesItToo()
    {
        var (ef, direct) = await ProbeAsync("cascade", "Child", SeverAtSaveChangesAsync);

        Assert.Equal(ef, direct);
    }

    /// <summary>
    /// The same with a Restrict relationship: EF Core refuses the save (InvalidOperationException, the association was
    /// severed), and so does the save of such a context (a direct save once wrote the old foreign key and accepted it).
    /// </summary>
    [Fact]
    public async Task RequiredRelationshipSeveredUntilSaveChanges_DirectSaveRefusesItToo()
    {
        var (ef, direct) = await ProbeAsync("restrict", "Child", SeverAtSaveChangesAsync);

        Assert.Equal(ef, direct);
    }

    /// <summary>
    /// A child leaves its parent's collection (a required relationship) while the context defers cascades and orphans to
    /// SaveChanges (CascadeTiming.OnSaveChanges): EF Core deletes it there (cascade) or refuses the save (restrict).
    /// </summary>
    private static async Task SeverAtSaveChangesAsync(ProbeContext db)
    {
        var parent = new Parent { Id = 1, Children = [new Child { Id = 1, Name = "a" }, new Child { Id = 2, Name = "b" }] };
        db.Add(parent);
        await db.SaveChangesAsync(Ct);
        db.ChangeTracker.DeleteOrphansTiming = CascadeTiming.OnSaveChanges;
        db.ChangeTracker.CascadeDeleteTiming = CascadeTiming.OnSaveChanges;
        var child = parent.Children[0];
        parent.Children.Remove(child);
        child.Name = "orphan";
        await db.SaveChangesAsync(Ct);
    }

    private const int WideColumns = 70;

    /// <summary>
    /// Runs the work against two fresh databases of a probe model, once saving as SqliteSesBotDbContext does and once by
    /// EF Core alone; describes each outcome (what the work threw, the table's rows, the change tracker).
    /// </summary>
    private static async Task<(string Ef, string Direct)> ProbeAsync(string scenario, string table, Func<ProbeContext, Task> work)
    {
        Dictionary<bool, string> outcomes = [];
        foreach (var direct in (bool[])[true, false])
        {
            await using var connection = new SqliteConnection("Data Source=:memory:");
            await connection.OpenAsync(Ct);
            await using var db = new ProbeContext(new DbContextOptionsBuilder<ProbeContext>().UseSqlite(connection)
                .ReplaceService<IModelCacheKeyFactory, ProbeModelKeys>().Options, scenario, direct);
            await db.Database.EnsureCreatedAsync(Ct);
            string result;
            try
            {
                await work(db);
                result = "saved";
            }
            catch (Exception ex)
            {
                result = ex.GetType().Name + ": " + ex.Message;
            }

            string tracker;
            try
            {
                tracker = string.Join("\n", Tracker(db));
            }
            catch (InvalidOperationException ex)
            {
                tracker = "tracker: " + ex.Message;
            }

            outcomes[direct] = result + "\n" + string.Join("\n", await RowsAsync(connection, table)) + "\n" + tracker;
        }

        return (outcomes[false], outcomes[true]);
    }

    public enum Color
    {
        Red,
        Green,
        Blue,
    }

    public sealed class Wide
    {
        public long Id { get; set; }

        public int Version { get; set; }

        public Part? Part { get; set; }

        public static string Column(int i) => "C" + i.ToString("00", CultureInfo.InvariantCulture);
    }

    public sealed class Holder
    {
        public int Id { get; set; }

        public string? Note { get; set; }
    }

    public sealed class Part
    {
        public string? Name { get; set; }

        public Color Color { get; set; }

        public DateTimeOffset When { get; set; }
    }

    public sealed class Parent
    {
        public int Id { get; set; }

        public List<Child> Children { get; set; } = [];
    }

    public sealed class Child
    {
        public int Id { get; set; }

        public int ParentId { get; set; }

        public string? Name { get; set; }
    }

    /// <summary>A context of a small model of its own that saves as SqliteSesBotDbContext does (direct when it can).</summary>
    private sealed class ProbeContext(DbContextOptions<ProbeContext> options, string scenario, bool direct) : DbContext(options)
    {
        public string Scenario { get; } = scenario;

        public bool Direct { get; } = direct;

        public bool LastSaveWasDirect { get; private set; }

        public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
        {
            ChangeTracker.DetectChanges();
            var rows = Direct && Database.CurrentTransaction is null ? SqliteDirectSave.Plan(this, []) : null;
            LastSaveWasDirect = rows is { Count: > 0 };
            return !LastSaveWasDirect
                ? await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken)
                : await SqliteDirectSave.SaveAsync(this, rows!, [], [], acceptAllChangesOnSuccess, () => base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken), cancellationToken);
        }

        protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            switch (Scenario)
            {
                case "wide":
                    modelBuilder.Entity<Wide>(b =>
                    {
                        b.Property(w => w.Id).ValueGeneratedNever();
                        b.Property(w => w.Version).IsConcurrencyToken();
                        for (var i = 0; i < WideColumns; i++)
                        {
                            b.Property<int?>(Wide.Column(i));
                        }

                        b.OwnsOne(w => w.Part, p => p.Property(x => x.Color).HasConversion<string>());
                    });
                    break;
                case "restrict" or "cascade":
                    modelBuilder.Entity<Parent>(b =>
                    {
                        b.Property(x => x.Id).ValueGeneratedNever();
                        b.HasMany(x => x.Children).WithOne().HasForeignKey(c => c.ParentId)
                            .OnDelete(Scenario == "cascade" ? DeleteBehavior.Cascade : DeleteBehavior.Restrict);
                    });
                    modelBuilder.Entity<Child>().Property(x => x.Id).ValueGeneratedNever();
                    break;
                case "split":
                    modelBuilder.Entity<Holder>(b =>
                    {
                        b.Property(h => h.Id).ValueGeneratedNever();
                        b.Property<string?>("Extra");
                        b.SplitToTable("HolderNotes", t => t.Property(h => h.Note));
                    });
                    break;
                default:
                    throw new InvalidOperationException(Scenario);
            }
        }
    }

    /// <summary>One model per probe scenario.</summary>
    private sealed class ProbeModelKeys : IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime) => (context.GetType(), ((ProbeContext)context).Scenario, designTime);
    }

    private static RemovalRequest Removal(string id) =>
        new RemovalRequest(id, "key-" + id, RemovalOption.AwsRemoveFromPayer, TestData.Requester, TestData.ResellerId, TestData.CustomerId, "a-owned", At)
            .WithDetails(reason: "Moving on", billingImpact: Impact(At));

    private static BillingImpact Impact(DateTimeOffset removal) =>
        new(new DateTimeOffset(removal.Year, removal.Month, 1, 0, 0, 0, TimeSpan.Zero), removal, new DateOnly(removal.Year, removal.Month, 1),
            DateOnly.FromDateTime(removal.UtcDateTime), removal.Day, 31, decimal.Round(removal.Day / 31m, 4));

    /// <summary>A reseller, its customer and two accounts with billing rows (inserted in order: by EF Core).</summary>
    private static Task SeedAsync(ServiceProvider services) => SaveAsync(services, direct: false, db =>
    {
        db.Resellers.Add(new Reseller(TestData.ResellerId, "Northwind"));
        var contoso = new Customer(TestData.CustomerId, TestData.ResellerId, "Contoso Ltd");
        contoso.AddAccount(TestData.Aws(AccountOrigin.DistributorAssigned, billedMonths: 3, id: "a-assigned", number: "111111111111"));
        contoso.AddAccount(TestData.Aws(AccountOrigin.CustomerOwned, billedMonths: 2, id: "a-owned", number: "222222222222", linkedAt: At.AddDays(-11)));
        db.Customers.Add(contoso);
    });

    private async Task AssertSameRowsAsync()
    {
        foreach (var table in Tables)
        {
            Assert.Equal(await RowsAsync(_ef, table), await RowsAsync(_direct, table));
        }
    }

    /// <summary>Every tracked entry: its type, state and each property's current and original value (* modified, ~ temporary).</summary>
    private static List<string> Tracker(DbContext db) =>
        [.. db.ChangeTracker.Entries().Select(e => $"{e.Metadata.DisplayName()} {e.State}: " + string.Join(", ", e.Properties.Select(p =>
            $"{p.Metadata.Name}={Text(p.CurrentValue)}/{Text(p.OriginalValue)}{(p.IsModified ? "*" : string.Empty)}{(p.IsTemporary ? "~" : string.Empty)}")))
            .Order(StringComparer.Ordinal)];

    private static string Text(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null";

    private static SesBotDbContext Context(AsyncServiceScope scope, bool direct) => DirectAndEfFiles.Context(scope, direct);

    private static async Task SaveAsync(ServiceProvider services, bool direct, Action<SesBotDbContext> work)
    {
        await using var scope = services.CreateAsyncScope();
        var db = Context(scope, direct);
        work(db);
        await db.SaveChangesAsync(Ct);
    }

    private static Task<List<string>> RowsAsync(ServiceProvider services, string table) => DirectAndEfFiles.RowsAsync(services, table);

    private static Task<List<string>> RowsAsync(SqliteConnection connection, string table) => DirectAndEfFiles.RowsAsync(connection, table);
}
