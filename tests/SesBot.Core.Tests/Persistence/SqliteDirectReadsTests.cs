using System.Collections;
using System.Data.Common;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SesBot.Core.Domain;
using SesBot.Core.Outbox;
using SesBot.Core.Persistence;
using SesBot.Core.Support;
using SesBot.Core.Tests.Support;
using SesBot.Core.Workflow;

namespace SesBot.Core.Tests.Persistence;

/// <summary>
/// The hot reads written by hand (<see cref="SqliteDirectReads"/>) against the EF Core queries they stand in for, on
/// the same rows: the demo data, changed so that every column of a customer, an account and a billing row holds
/// something other than its default somewhere (a removed customer, a tenant id, a suspended, a departed and a deleted
/// account, an ended billing transfer, touched versions, open requests). Each service call is made twice, once with the
/// reads written by hand and once with EF Core's, and the results are compared field by field, private fields
/// included.
/// </summary>
public sealed partial class SqliteDirectReadsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 9, 30, 0, TimeSpan.Zero);
    private static readonly Actor Alex = new("u-alex", "Alex", Role.ResellerUser, DemoData.NorthwindResellerId);
    private static readonly Actor Fabrikam = new("u-fab", "Fay", Role.ResellerUser, DemoData.FabrikamResellerId);
    private SqliteTestDatabase _database = null!;
    private List<string> _accountIds = [];
    private List<string> _customerIds = [];

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        await using (var db = _database.CreateContext())
        {
            await new DatabaseInitializer(db, new FakeTimeProvider(Now)).InitializeAsync(migrate: false, seedDemoData: true);
        }

        await using (var db = _database.CreateContext())
        {
            var accounts = await db.CloudAccounts.Include(a => a.BillingRecords).ToDictionaryAsync(a => a.Id);
            var customers = await db.Customers.ToDictionaryAsync(c => c.Id);
            accounts["z-tailspin-dev"].MarkSuspended(Now.AddDays(-3));
            accounts["a-wingtip-sandbox"].MarkDeparted(Now.AddHours(-5));
            accounts["a-contoso-lab"].MarkDeleted(Now.AddMinutes(-40));
            accounts["a-coho-org"].EndBillingTransfer(new DateTimeOffset(2026, 12, 31, 23, 59, 59, TimeSpan.Zero));
            accounts["a-adventure-web"].Touch();
            accounts["a-adventure-web"].Touch();
            customers["c-tailspin"].AzureTenantId = "4a3b2c1d-0e9f-4a7b-8c6d-5e4f3a2b1c0d";
            customers["c-tailspin"].Touch();
            customers["c-lucerne"].MarkRemoved(Now.AddDays(-1));
            await db.SaveChangesAsync();
        }

        var service = (SesBotDbContext db) => new RemovalRequestService(db, new FakeTimeProvider(Now));
        await using (var db = _database.CreateContext())
        {
            Assert.Equal(OutcomeKind.Ok, (await service(db).SubmitAsync(new SubmitRemovalRequest("k-open-1", Alex, RemovalOption.AwsRemoveFromPayer, "a-adventure-data"))).Kind);
            await db.SaveChangesAsync();
        }

        await using (var db = _database.CreateContext())
        {
            Assert.Equal(OutcomeKind.Ok, (await service(db).SubmitAsync(
                new SubmitRemovalRequest("k-open-2", Alex, RemovalOption.AzureSuspend, "z-contoso-analytics", Reason: "Project ended"))).Kind);
            await db.SaveChangesAsync();
        }

        await using (var db = _database.CreateContext())
        {
            _accountIds = await db.CloudAccounts.Select(a => a.Id).OrderBy(id => id).ToListAsync();
            _customerIds = await db.Customers.Select(c => c.Id).OrderBy(id => id).ToListAsync();
            // One conversation with a pending message among finished ones, one with a message being sent, one with finished ones only.
            var pending = new OutboxMessage("test.kind", "k-unsent", "msteams:conv-unsent", "{}", Now);
            var sent = new OutboxMessage("test.kind", "k-sent", "msteams:conv-unsent", "{}", Now);
            sent.Sent(null, Now);
            var sending = new OutboxMessage("test.kind", "k-sending", "msteams:conv-sending", "{}", Now);
            sending.Claimed(Now.AddMinutes(2));
            var done = new OutboxMessage("test.kind", "k-done", "msteams:conv-done", "{}", Now);
            done.Sent(null, Now);
            var failed = new OutboxMessage("test.kind", "k-failed", "msteams:conv-done", "{}", Now);
            failed.Fail("gone", Now);
            var attention = new OutboxMessage("test.kind", "k-attention", "msteams:conv-done", "{}", Now);
            attention.NeedsAttention("ambiguous", Now);
            db.OutboxMessages.AddRange(pending, sent, sending, done, failed, attention);
            await db.SaveChangesAsync();
        }
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task ACustomerWithItsAccounts_IsWhatEfCoreReads_ForEveryCustomerAndReseller()
    {
        foreach (var actor in new[] { Alex, Fabrikam })
        {
            foreach (var id in _customerIds.Append("c-missing"))
            {
                var (direct, ef) = await BothAsync(db => new ResellerCatalog(db).FindCustomerAsync(actor, id));

                Assert.Equal(ef, direct);
            }
        }

        // Some of those had accounts with billing rows, and some were another reseller's (null both ways).
        var (contoso, _) = await BothAsync(db => new ResellerCatalog(db).FindCustomerAsync(Alex, "c-contoso"));
        Assert.Contains("._billingRecords[0].<Amount>k__BackingField=", contoso, StringComparison.Ordinal);
        var (theirs, _) = await BothAsync(db => new ResellerCatalog(db).FindCustomerAsync(Fabrikam, "c-contoso"));
        Assert.Equal("=null\n", theirs);
    }

    [Fact]
    public async Task ThePagesOfCustomers_AreWhatEfCoreReads()
    {
        foreach (var actor in new[] { Alex, Fabrikam })
        {
            foreach (var (skip, take) in new[] { (0, 10), (0, 2), (2, 2), (4, 3), (50, 10), (-3, 2) })
            {
                var (direct, ef) = await BothAsync(db => new ResellerCatalog(db).SearchCustomersAsync(actor, text: null, skip, take));

                Assert.Equal(ef, direct);
            }
        }

        var (fabrikam, _) = await BothAsync(db => new ResellerCatalog(db).SearchCustomersAsync(Fabrikam, null, 0, 10));
        Assert.DoesNotContain("Lucerne", fabrikam, StringComparison.Ordinal); // removed
    }

    [Fact]
    public async Task TheOpenRequestsOfACustomersAccounts_AreWhatEfCoreReads()
    {
        foreach (var actor in new[] { Alex, Fabrikam })
        {
            foreach (var id in _customerIds)
            {
                var (direct, ef) = await BothAsync(async db => (await new ResellerCatalog(db).OpenRequestsByAccountAsync(actor, id)).OrderBy(p => p.Key, StringComparer.Ordinal).ToList());

                Assert.Equal(ef, direct);
            }
        }

        var (adventure, _) = await BothAsync(db => new ResellerCatalog(db).OpenRequestsByAccountAsync(Alex, "c-adventure"));
        Assert.Contains("a-adventure-data", adventure, StringComparison.Ordinal);
        Assert.Contains("AwsRemoveFromPayer", adventure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAccountsOptions_AreWhatEfCoreReads_ForEveryAccountAndReseller()
    {
        foreach (var actor in new[] { Alex, Fabrikam })
        {
            foreach (var id in _accountIds.Append("a-missing"))
            {
                var (direct, ef) = await BothAsync(db => new RemovalRequestService(db, new FakeTimeProvider(Now)).GetAccountOptionsAsync(actor, id));

                Assert.Equal(ef, direct);
            }
        }

        // The account with an open request shows it; the ended transfer and the suspension are read as stored.
        var (open, _) = await BothAsync(db => new RemovalRequestService(db, new FakeTimeProvider(Now)).GetAccountOptionsAsync(Alex, "a-adventure-data"));
        Assert.Matches(@"\.<OpenRequest>k__BackingField\.<RequestId>k__BackingField=R-", open);
        var (ended, _) = await BothAsync(db => new RemovalRequestService(db, new FakeTimeProvider(Now)).GetAccountOptionsAsync(Alex, "a-coho-org"));
        Assert.Contains("<BillingTransferEndsAt>k__BackingField=12/31/2026 23:59:59 +00:00", ended, StringComparison.Ordinal);
        var (suspended, _) = await BothAsync(db => new RemovalRequestService(db, new FakeTimeProvider(Now)).GetAccountOptionsAsync(Alex, "z-tailspin-dev"));
        Assert.Contains("<State>k__BackingField=Suspended", suspended, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASubmissionWithAKeyUsedBefore_IsStillFound()
    {
        foreach (var key in new[] { "k-open-1", "k-open-2", "k-never-used" })
        {
            var (direct, ef) = await BothAsync(async db =>
            {
                var result = await new RemovalRequestService(db, new FakeTimeProvider(Now)).SubmitAsync(new SubmitRemovalRequest(key, Alex, RemovalOption.AwsRemoveFromPayer, "a-missing"));
                return (result.Kind, result.Request?.Id, result.Message);
            });

            Assert.Equal(ef, direct);
        }

        var (used, _) = await BothAsync(async db => (await new RemovalRequestService(db, new FakeTimeProvider(Now)).SubmitAsync(
            new SubmitRemovalRequest("k-open-1", Alex, RemovalOption.AwsRemoveFromPayer, "a-adventure-data"))).Kind);
        Assert.Equal("=Duplicate\n", used);
    }

    [Fact]
    public async Task ASubjectReadToBeChanged_IsTrackedAsEfCoreTracksIt_ForEveryAccountAndOption()
    {
        var n = 0;
        foreach (var id in _accountIds)
        {
            foreach (var (option, reason) in new[] { (RemovalOption.AwsRemoveFromPayer, (string?)null), (RemovalOption.AzureSuspend, "Project ended") })
            {
                // Not saved: both runs see the same rows.
                var key = $"k-tracked-{n++}";
                var (direct, ef) = await BothAsync(async db =>
                {
                    var result = await new RemovalRequestService(db, new FakeTimeProvider(Now)).SubmitAsync(new SubmitRemovalRequest(key, Alex, option, id, Reason: reason));
                    return $"{result.Kind} {result.Message}\n{Tracked(db)}";
                });

                Assert.Equal(ef, direct);
            }
        }

        var (submitted, _) = await BothAsync(async db =>
        {
            var result = await new RemovalRequestService(db, new FakeTimeProvider(Now)).SubmitAsync(new SubmitRemovalRequest("k-tracked-web", Alex, RemovalOption.AwsRemoveFromPayer, "a-adventure-web"));
            return $"{result.Kind}\n{Tracked(db)}";
        });
        Assert.StartsWith("=Ok\n", submitted, StringComparison.Ordinal);
        Assert.Matches(@"CloudAccount a-adventure-web Modified .*; Version=3 \(was 2, modified\)", submitted);
        Assert.Contains("BillingRecord 23 Unchanged", submitted, StringComparison.Ordinal);
        Assert.Matches("Customer c-adventure Unchanged .* accounts a-adventure-web\n", submitted); // the account joined its customer's accounts
    }

    [Fact]
    public async Task ASubjectAlreadyTracked_IsTheTrackedOne()
    {
        var (direct, ef) = await BothAsync(async db =>
        {
            var account = await db.CloudAccounts.FirstAsync(a => a.Id == "a-adventure-web");
            var result = await new RemovalRequestService(db, new FakeTimeProvider(Now)).SubmitAsync(new SubmitRemovalRequest("k-tracked-again", Alex, RemovalOption.AwsRemoveFromPayer, "a-adventure-web"));
            return $"{result.Kind} version {account.Version}\n{Tracked(db)}";
        });

        Assert.Equal(ef, direct);
        Assert.StartsWith("=Ok version 3\n", direct, StringComparison.Ordinal); // the instance tracked before was touched
    }

    [Theory]
    [InlineData("customer")]
    [InlineData("billing row")]
    [InlineData("other account of the customer")]
    public async Task ASubjectWithOneOfItsRowsAlreadyTracked_IsTrackedAsEfCoreTracksIt(string alreadyTracked)
    {
        var (direct, ef) = await BothAsync(async db =>
        {
            _ = alreadyTracked switch
            {
                "customer" => (object)await db.Customers.FirstAsync(c => c.Id == "c-adventure"),
                "billing row" => await db.BillingRecords.FirstAsync(r => r.CloudAccountId == "a-adventure-web"),
                _ => await db.CloudAccounts.FirstAsync(a => a.Id == "a-adventure-data"),
            };
            var result = await new RemovalRequestService(db, new FakeTimeProvider(Now)).SubmitAsync(new SubmitRemovalRequest($"k-{alreadyTracked}", Alex, RemovalOption.AwsRemoveFromPayer, "a-adventure-web"));
            return $"{result.Kind} {result.Message}\n{Tracked(db)}";
        });

        Assert.Equal(ef, direct);
        Assert.StartsWith("=Ok \n", direct, StringComparison.Ordinal);
    }

    /// <summary>What the context tracks: each entry's type, key and state, and each property's value, original value and whether it is modified.</summary>
    private static string Tracked(SesBotDbContext db)
    {
        db.ChangeTracker.DetectChanges();
        var lines = db.ChangeTracker.Entries().Select(e =>
        {
            var key = string.Join(",", e.Metadata.FindPrimaryKey()!.Properties.Select(p => e.Property(p.Name).CurrentValue));
            var values = e.Properties.Select(p => e.State == EntityState.Added
                ? $"{p.Metadata.Name}={p.CurrentValue}"
                : $"{p.Metadata.Name}={p.CurrentValue} (was {p.OriginalValue}{(p.IsModified ? ", modified" : string.Empty)})");
            // What the entity's collections hold, by id (their order is not part of either path's answer).
            var held = e.Entity switch
            {
                Customer c => " accounts " + string.Join(",", c.Accounts.Select(a => a.Id).Order(StringComparer.Ordinal)),
                CloudAccount a => " billing " + string.Join(",", a.BillingRecords.Select(r => r.Id).Order()),
                _ => string.Empty,
            };
            return $"{e.Metadata.ClrType.Name} {key} {e.State} {string.Join("; ", values)}{held}";
        });

        // Request ids are random.
        return RequestId().Replace(string.Join("\n", lines.Order(StringComparer.Ordinal)), "R-??????");
    }

    [GeneratedRegex("R-[A-Z0-9]{6}")]
    private static partial Regex RequestId();

    [Fact]
    public async Task TwoReadsOfOneStatementAtOnce_EachReadTheirOwnRows()
    {
        // The statements are shared by every context, and an EF Core command keeps the reader of its last run: were
        // the shared command run, the second run would take over the first one's reader. Here both runs have executed
        // before either reads its first row.
        var path = Path.Combine(Path.GetTempPath(), $"sesbot-direct-reads-{Guid.NewGuid():N}.db");
        try
        {
            await using (var source = _database.CreateContext())
            await using (var target = new SqliteConnection($"Data Source={path}"))
            {
                await target.OpenAsync();
                var connection = (SqliteConnection)source.Database.GetDbConnection();
                await source.Database.OpenConnectionAsync();
                connection.BackupDatabase(target);
            }

            var meeting = new ReadsMeet(parties: 2);
            SqliteSesBotDbContext Context() => new(new DbContextOptionsBuilder<SqliteSesBotDbContext>().UseSqlite($"Data Source={path}").AddInterceptors(meeting).Options);
            await using var first = Context();
            await using var second = Context();

            var reads = await Task.WhenAll(
                Task.Run(() => first.DirectReads!.AccountSubjectAsync("a-contoso-prod", "no-such-key", CancellationToken.None)),
                Task.Run(() => second.DirectReads!.AccountSubjectAsync("z-tailspin-prod", "no-such-key", CancellationToken.None)));

            Assert.Equal(2, meeting.Met);
            Assert.Equal(("a-contoso-prod", "c-contoso"), (reads[0]?.Account.Id, reads[0]?.Customer.Id));
            Assert.Equal(("z-tailspin-prod", "c-tailspin"), (reads[1]?.Account.Id, reads[1]?.Customer.Id));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Fact]
    public async Task TheSupportChannel_IsWhatEfCoreReads_ConfiguredThenChosen()
    {
        var options = Options.Create(new SupportOptions { Channel = "msteams", ChannelConversationId = "19:configured@thread.tacv2" });
        var support = (SesBotDbContext db) => new SupportChannels(db, options, new FakeTimeProvider(Now));

        var (configured, efConfigured) = await BothAsync(db => support(db).CurrentAsync());
        Assert.Equal(efConfigured, configured);
        Assert.Contains("=Configuration", configured, StringComparison.Ordinal);

        await using (var db = _database.CreateContext())
        {
            var admin = new Actor("u-ada", "Ada <Admin>", Role.Admin);
            Assert.Equal(OutcomeKind.Ok, (await support(db).UseAsync(admin, "msteams", "19:chosen@thread.tacv2", "Support desk")).Kind);
            await db.SaveChangesAsync();
        }

        var (chosen, efChosen) = await BothAsync(db => support(db).CurrentAsync());
        Assert.Equal(efChosen, chosen);
        Assert.Contains("=19:chosen@thread.tacv2", chosen, StringComparison.Ordinal);
        Assert.Contains("=Ada <Admin>", chosen, StringComparison.Ordinal);
        Assert.Contains("=12/05/2026 09:30:00 +00:00", chosen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheUnsentCheck_ReadsTheConversationsPendingMessages()
    {
        await using var db = _database.CreateContext();
        var direct = db.DirectReads!;

        Assert.True(await direct.HasUnsentAsync("msteams:conv-unsent", CancellationToken.None));
        Assert.True(await direct.HasUnsentAsync("msteams:conv-sending", CancellationToken.None));
        Assert.False(await direct.HasUnsentAsync("msteams:conv-done", CancellationToken.None)); // sent, failed, a person's to look at
        Assert.False(await direct.HasUnsentAsync("msteams:conv-quiet", CancellationToken.None));
        Assert.Equal(
            ["msteams:conv-sending", "msteams:conv-unsent"],
            await db.OutboxMessages.Where(m => m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Sending).Select(m => m.OrderingKey).Distinct().OrderBy(k => k).ToListAsync());
        Assert.True(await direct.RequestKeyUsedAsync("k-open-2", CancellationToken.None));
        Assert.False(await direct.RequestKeyUsedAsync("k-open-3", CancellationToken.None));
    }

    [Fact]
    public async Task TheReadsWrittenByHand_AreTheOnesThatRun_AndTheToggleTurnsThemOff()
    {
        var recorder = new CommandRecorder();
        await using (var db = _database.CreateContext(recorder))
        {
            await new ResellerCatalog(db).SearchCustomersAsync(Alex, null, 0, 10);
            await new ResellerCatalog(db).FindCustomerAsync(Alex, "c-contoso");
            await new ResellerCatalog(db).OpenRequestsByAccountAsync(Alex, "c-contoso");
            await new RemovalRequestService(db, new FakeTimeProvider(Now)).GetAccountOptionsAsync(Alex, "a-contoso-prod");
        }

        Assert.NotEmpty(recorder.Commands);
        Assert.All(recorder.Commands, c => Assert.Contains(c.Text, SqliteDirectReads.Sql));

        recorder.Commands.Clear();
        await using (var db = _database.CreateContext(recorder))
        {
            db.ReadsDirectly = false;
            Assert.Null(db.DirectReads);
            await new ResellerCatalog(db).FindCustomerAsync(Alex, "c-contoso");
        }

        Assert.NotEmpty(recorder.Commands);
        Assert.All(recorder.Commands, c => Assert.DoesNotContain(c.Text, SqliteDirectReads.Sql));
    }

    [Theory]
    [InlineData(typeof(CloudAccount), SqliteDirectReads.AccountColumns)]
    [InlineData(typeof(Customer), SqliteDirectReads.CustomerColumns)]
    [InlineData(typeof(BillingRecord), SqliteDirectReads.BillingColumns)]
    public async Task EveryColumnOfTheTable_IsRead(Type entity, string columns)
    {
        await using var db = _database.CreateContext();
        var type = db.Model.FindEntityType(entity)!;
        List<string> mapped = [.. type.GetProperties().Select(p => p.GetColumnName()).Order(StringComparer.Ordinal)];

        List<string> read = [.. QuotedName().Matches(columns).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal)];

        Assert.Equal(mapped, read);
    }

    [Fact]
    public async Task EveryStatement_SearchesAnIndex_NeverScansATable()
    {
        await using var db = _database.CreateContext();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        foreach (var sql in SqliteDirectReads.Sql)
        {
            var parameters = Regex.Matches(sql, @"@\w+").Select(m => m.Value).Distinct(StringComparer.Ordinal)
                .Select(name => (name, (object?)(name is "@take" or "@skip" ? 1 : "x")));
            var plan = await CommandRecorder.PlanAsync(connection, sql, parameters);

            Assert.NotEmpty(plan);
            Assert.DoesNotContain(plan, line => line.StartsWith("SCAN", StringComparison.Ordinal) && line != "SCAN CONSTANT ROW");
        }
    }

    /// <summary>The call's result, made with the reads written by hand and with EF Core's, each as <see cref="Dump"/>.</summary>
    private async Task<(string Direct, string Ef)> BothAsync<T>(Func<SqliteSesBotDbContext, Task<T>> call)
    {
        string direct;
        await using (var db = _database.CreateContext())
        {
            Assert.NotNull(db.DirectReads);
            direct = Dump(await call(db));
        }

        await using (var db = _database.CreateContext())
        {
            db.ReadsDirectly = false;
            return (direct, Dump(await call(db)));
        }
    }

    /// <summary>
    /// Every field of the value (private ones too), recursively through SesBot's own types and collections, one
    /// <c>path=value</c> line each; billing rows in id order (their order is not part of either query's answer).
    /// </summary>
    private static string Dump(object? value)
    {
        var text = new StringBuilder();
        Write(value, string.Empty, new HashSet<object>(ReferenceEqualityComparer.Instance));
        return text.ToString();

        void Write(object? item, string path, HashSet<object> seen)
        {
            if (item is null)
            {
                text.Append(path).Append("=null\n");
                return;
            }

            var type = item.GetType();
            if (type.IsPrimitive || type.IsEnum || item is string or decimal or DateTimeOffset or DateTime or DateOnly or TimeSpan or Guid)
            {
                text.Append(path).Append('=').Append(Convert.ToString(item, CultureInfo.InvariantCulture)).Append('\n');
                return;
            }

            if (!type.IsValueType && !seen.Add(item))
            {
                text.Append(path).Append("=(again)\n");
                return;
            }

            if (item is IEnumerable items)
            {
                var list = items.Cast<object?>().ToList();
                if (list.Count > 0 && list.All(i => i is BillingRecord))
                {
                    list = [.. list.Cast<BillingRecord>().OrderBy(r => r.Id)];
                }

                text.Append(path).Append(".Count=").Append(list.Count).Append('\n');
                for (var i = 0; i < list.Count; i++)
                {
                    Write(list[i], $"{path}[{i}]", seen);
                }

                return;
            }

            for (var declaring = type; declaring is not null && declaring != typeof(object); declaring = declaring.BaseType)
            {
                foreach (var field in declaring.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    Write(field.GetValue(item), $"{path}.{field.Name}", seen);
                }
            }
        }
    }

    [GeneratedRegex("\"([A-Za-z]+)\"")]
    private static partial Regex QuotedName();

    /// <summary>Holds the first read of the first <c>parties</c> readers until that many have executed.</summary>
    private sealed class ReadsMeet(int parties) : DbCommandInterceptor
    {
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrived;

        public int Met => Math.Min(Volatile.Read(ref _arrived), parties);

        public override ValueTask<DbDataReader> ReaderExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            var arrived = Interlocked.Increment(ref _arrived);
            if (arrived > parties)
            {
                return ValueTask.FromResult(result);
            }

            if (arrived == parties)
            {
                _all.SetResult();
            }

            return ValueTask.FromResult<DbDataReader>(new HeldReader(result, _all.Task));
        }
    }

    /// <summary>A reader whose first read waits for a task; everything else is the inner reader's.</summary>
    private sealed class HeldReader(DbDataReader inner, Task held) : DbDataReader
    {
        public override int Depth => inner.Depth;

        public override int FieldCount => inner.FieldCount;

        public override bool HasRows => inner.HasRows;

        public override bool IsClosed => inner.IsClosed;

        public override int RecordsAffected => inner.RecordsAffected;

        public override object this[int ordinal] => inner[ordinal];

        public override object this[string name] => inner[name];

        public override async Task<bool> ReadAsync(CancellationToken cancellationToken)
        {
            await held.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
            return await inner.ReadAsync(cancellationToken);
        }

        public override bool Read()
        {
            held.Wait(TimeSpan.FromSeconds(10));
            return inner.Read();
        }

        public override bool NextResult() => inner.NextResult();

        public override bool GetBoolean(int ordinal) => inner.GetBoolean(ordinal);

        public override byte GetByte(int ordinal) => inner.GetByte(ordinal);

        public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => inner.GetBytes(ordinal, dataOffset, buffer, bufferOffset, length);

        public override char GetChar(int ordinal) => inner.GetChar(ordinal);

        public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => inner.GetChars(ordinal, dataOffset, buffer, bufferOffset, length);

        public override string GetDataTypeName(int ordinal) => inner.GetDataTypeName(ordinal);

        public override DateTime GetDateTime(int ordinal) => inner.GetDateTime(ordinal);

        public override decimal GetDecimal(int ordinal) => inner.GetDecimal(ordinal);

        public override double GetDouble(int ordinal) => inner.GetDouble(ordinal);

        public override IEnumerator GetEnumerator() => ((IEnumerable)inner).GetEnumerator();

        public override Type GetFieldType(int ordinal) => inner.GetFieldType(ordinal);

        public override T GetFieldValue<T>(int ordinal) => inner.GetFieldValue<T>(ordinal);

        public override float GetFloat(int ordinal) => inner.GetFloat(ordinal);

        public override Guid GetGuid(int ordinal) => inner.GetGuid(ordinal);

        public override short GetInt16(int ordinal) => inner.GetInt16(ordinal);

        public override int GetInt32(int ordinal) => inner.GetInt32(ordinal);

        public override long GetInt64(int ordinal) => inner.GetInt64(ordinal);

        public override string GetName(int ordinal) => inner.GetName(ordinal);

        public override int GetOrdinal(string name) => inner.GetOrdinal(name);

        public override string GetString(int ordinal) => inner.GetString(ordinal);

        public override object GetValue(int ordinal) => inner.GetValue(ordinal);

        public override int GetValues(object[] values) => inner.GetValues(values);

        public override bool IsDBNull(int ordinal) => inner.IsDBNull(ordinal);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
