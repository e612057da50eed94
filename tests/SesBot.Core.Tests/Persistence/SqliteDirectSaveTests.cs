using Microsoft.Data.Sqlite;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SesBot.Core.Conversations;
using SesBot.Core.Dialogs;
using SesBot.Core.Domain;
using SesBot.Core.Identity;
using SesBot.Core.Outbox;
using SesBot.Core.Persistence;
using SesBot.Core.Tests.Support;
using SesBot.Core.Workflow;
using Microsoft.Extensions.Time.Testing;

namespace SesBot.Core.Tests.Persistence;

/// <summary>
/// The direct writer of simple saves must leave the database exactly as EF Core's update pipeline would: the same
/// units of work run against two files, one written directly and one by EF Core, and every row is compared, value and
/// storage type.
/// </summary>
public sealed class SqliteDirectSaveTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 12, 5, 6, 0, 0, TimeSpan.FromHours(1));
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly string[] Tables = ["DialogStates", "ConversationAddresses", "InboundDeliveries", "OutboxMessages", "OutboxAttempts", "ChannelUsers"];

    private DirectAndEfFiles _files = null!;
    private ServiceProvider _direct = null!;
    private ServiceProvider _ef = null!;

    public async Task InitializeAsync()
    {
        _files = await DirectAndEfFiles.CreateAsync("sesbot-direct-");
        (_direct, _ef) = (_files.Direct, _files.Ef);
    }

    public async Task DisposeAsync() => await _files.DisposeAsync();

    [Fact]
    public async Task SameUnitsOfWork_DirectAndEfCore_LeaveTheSameRows()
    {
        foreach (var (services, direct) in new[] { (_direct, true), (_ef, false) })
        {
            // 1: a conversation's first turn: everything inserted, one message claimed with the commit.
            await SaveAsync(services, direct, db =>
            {
                var state = new DialogState("msteams", "conv-1", "user-1", At);
                state.Save("removal", "choose-customer", 3, """{"customer":null}""", At);
                db.DialogStates.Add(state);
                db.ConversationAddresses.Add(new ConversationAddress("msteams", "conv-1", ConversationScope.Personal, """{"id":"conv-1"}""", At) { TenantKey = "t-1" });
                db.InboundDeliveries.Add(new InboundDelivery("msteams", "conv-1", "a-1", At));
                var claimed = new OutboxMessage("teams.reply", "k-1", "msteams:conv-1", """{"text":"hi"}""", At);
                claimed.Claimed(At.AddMinutes(2));
                db.OutboxMessages.AddRange(claimed, new OutboxMessage("teams.reply", "k-2", "msteams:conv-1", "{}", At.AddSeconds(1)));
                db.ChannelUsers.Add(new ChannelUser("msteams", "t-1", "user-1", "Alex Doe", Role.SupportAgent, null) { Email = "alex@example.com" });
            });

            // 2: the next turn: updates (the concurrency token moves on), a sent message, a blocked conversation.
            await SaveAsync(services, direct, async db =>
            {
                var state = await db.DialogStates.SingleAsync(Ct);
                state.Save("removal", "choose-account", 3, """{"customer":"c-1","note":"ünïcode ✓"}""", At.AddMinutes(1));
                (await db.OutboxMessages.SingleAsync(m => m.IdempotencyKey == "k-1", Ct)).Sent("""{"id":"r-1"}""", At.AddMinutes(1));
                (await db.ConversationAddresses.SingleAsync(Ct)).MarkBlocked(At.AddMinutes(1));
                db.InboundDeliveries.Add(new InboundDelivery("msteams", "conv-1", "a-2", At.AddMinutes(1)) { ResponseJson = """{"type":"AdaptiveCard"}""" });
            });

            // 3: an update from a stale read is refused, and nothing of its save is kept.
            await using (var scope = services.CreateAsyncScope())
            {
                var db = Context(scope, direct);
                var stale = await db.DialogStates.SingleAsync(Ct);
                await using (var other = services.CreateAsyncScope())
                {
                    var racing = Context(other, direct);
                    (await racing.DialogStates.SingleAsync(Ct)).Save("removal", "raced", 3, "{}", At.AddMinutes(2));
                    await racing.SaveChangesAsync(Ct);
                }

                stale.Save("removal", "stale", 3, "{}", At.AddMinutes(3));
                db.InboundDeliveries.Add(new InboundDelivery("msteams", "conv-1", "a-stale", At.AddMinutes(3)));
                var conflict = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync(Ct));
                Assert.Same(stale, Assert.Single(conflict.Entries).Entity); // the entry concerned, as EF Core names it
                Assert.Equal(direct, ((SqliteSesBotDbContext)db).LastSaveWasDirect);
            }

            // 4: a delivery recorded twice is refused as a write error (the turn pipeline's "already handled").
            await using (var scope = services.CreateAsyncScope())
            {
                var db = Context(scope, direct);
                db.OutboxMessages.Add(new OutboxMessage("teams.reply", "k-dup", "msteams:conv-1", "{}", At));
                db.InboundDeliveries.Add(new InboundDelivery("msteams", "conv-1", "a-1", At.AddMinutes(4)));
                var error = await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
                Assert.IsType<SqliteException>(error.InnerException);
            }
        }

        foreach (var table in Tables)
        {
            Assert.Equal(await RowsAsync(_ef, table), await RowsAsync(_direct, table));
        }

        Assert.Equal(2, (await RowsAsync(_direct, "InboundDeliveries")).Count); // neither refused save left a row
    }

    [Fact]
    public async Task SubmissionsAndASupportStep_DirectAndEfCore_LeaveTheSameRows()
    {
        var now = new DateTimeOffset(2027, 3, 15, 10, 30, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(now);
        foreach (var (services, direct) in new[] { (_direct, true), (_ef, false) })
        {
            await SaveAsync(services, direct, db =>
            {
                db.Resellers.Add(new Reseller(TestData.ResellerId, "Northwind"));
                var contoso = new Customer(TestData.CustomerId, TestData.ResellerId, "Contoso Ltd");
                contoso.AddAccount(TestData.Aws(AccountOrigin.DistributorAssigned, billedMonths: 3, id: "a-assigned", number: "111111111111"));
                contoso.AddAccount(TestData.Aws(AccountOrigin.CustomerOwned, billedMonths: 2, id: "a-owned", number: "222222222222", linkedAt: now.AddDays(-11)));
                db.Customers.Add(contoso);
            }, expectDirect: false); // a customer with its accounts and billing rows: inserted in order, by EF Core

            // A transfer of ownership: the request with its owned contact, the account's version, the audit rows.
            var transfer = await SubmitAsync(services, direct, clock, new SubmitRemovalRequest(
                "key-1", TestData.Requester, RemovalOption.AwsTransferOwnership, "a-assigned", null, Contacts.ValidUs(), null, null, null, null, "en"));

            // A removal from the payer: the request with its owned billing impact.
            await SubmitAsync(services, direct, clock, new SubmitRemovalRequest(
                "key-2", TestData.Requester, RemovalOption.AwsRemoveFromPayer, "a-owned", null, null, "Moving on", null, null, null, "en"));

            // Support accepts the first: an update of the request's own columns, its owned parts unchanged.
            await using var scope = services.CreateAsyncScope();
            var db = Context(scope, direct);
            var accepted = await new RemovalRequestService(db, clock).ApplyAsync(new ApplyRequestTrigger(transfer, RequestTrigger.Accept, TestData.SupportAgent));
            Assert.Equal(OutcomeKind.Ok, accepted.Kind);
            await db.SaveChangesAsync(Ct);
            Assert.Equal(direct, ((SqliteSesBotDbContext)db).LastSaveWasDirect);

            // A column of the request and one of its owned contact change together: one update of the shared row.
            var request = await db.RemovalRequests.SingleAsync(r => r.Id == transfer, Ct);
            db.Entry(request).Property(r => r.LastNote).CurrentValue = "Contact moved";
            db.Entry(request).Reference(r => r.Contact).TargetEntry!.Property(nameof(TransferContact.City)).CurrentValue = "Porto";
            await db.SaveChangesAsync(Ct);
            Assert.Equal(direct, ((SqliteSesBotDbContext)db).LastSaveWasDirect);

            // Only the owned part changes: its owner's row is otherwise unchanged, so EF Core writes it.
            db.Entry(request).Reference(r => r.Contact).TargetEntry!.Property(nameof(TransferContact.City)).CurrentValue = "Faro";
            await db.SaveChangesAsync(Ct);
            Assert.False(((SqliteSesBotDbContext)db).LastSaveWasDirect);
        }

        foreach (var table in (string[])["RemovalRequests", "AuditEvents", "CloudAccounts", "BillingRecords"])
        {
            // Request ids are random: each file's are named by their order.
            Assert.Equal(await RowsAsync(_ef, table, await RequestIdsAsync(_ef)), await RowsAsync(_direct, table, await RequestIdsAsync(_direct)));
        }

        Assert.Contains(await RowsAsync(_direct, "RemovalRequests"), r => r.Contains("ContactCompanyName=TEXT:", StringComparison.Ordinal));
        Assert.Contains(await RowsAsync(_direct, "RemovalRequests"), r => r.Contains("ImpactLinkedDays=INTEGER:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithASaveInterceptor_LeftToEfCore_WhichCallsIt()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var interceptor = new BeforeFirstSave(() => Task.CompletedTask);
        await using var db = database.CreateContext(interceptor);
        db.InboundDeliveries.Add(new InboundDelivery("msteams", "conv-1", "a-1", At));

        await db.SaveChangesAsync(Ct);

        Assert.False(db.LastSaveWasDirect);
        Assert.True(interceptor.Called);
    }

    [Fact]
    public async Task Insert_StoreGeneratedKey_IsOnTheEntityAfterwards_AndItIsTrackedAsSaved()
    {
        await using var scope = _direct.CreateAsyncScope();
        var db = Context(scope, direct: true);
        var first = new InboundDelivery("msteams", "conv-1", "a-1", At);
        var second = new InboundDelivery("msteams", "conv-1", "a-2", At);
        db.InboundDeliveries.AddRange(first, second);

        Assert.Equal(2, await db.SaveChangesAsync(Ct));

        Assert.True(((SqliteSesBotDbContext)db).LastSaveWasDirect);
        Assert.True(first.Id > 0);
        Assert.Equal(first.Id + 1, second.Id);
        Assert.All(db.ChangeTracker.Entries(), e => Assert.Equal(EntityState.Unchanged, e.State));
        second.ResponseJson = "{}";
        await db.SaveChangesAsync(Ct); // the entity is known under its real key: an update, not a second insert
        Assert.Equal("{}", await db.InboundDeliveries.AsNoTracking().Where(d => d.Id == second.Id).Select(d => d.ResponseJson).SingleAsync(Ct));
    }

    [Fact]
    public async Task RowReferringToARowOfTheSameSave_LeftToEfCore()
    {
        await using var scope = _direct.CreateAsyncScope();
        var db = Context(scope, direct: true);
        var message = new OutboxMessage("teams.reply", "k-1", "msteams:conv-1", "{}", At);
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync(Ct);
        Assert.True(((SqliteSesBotDbContext)db).LastSaveWasDirect);

        // An attempt of a message already stored: simple rows, written directly.
        message.Claimed(At.AddMinutes(1));
        db.OutboxAttempts.Add(new OutboxAttempt(message.Id, 1, At, TimeSpan.FromMilliseconds(12), "sent", null));
        message.Sent(null, At);
        await db.SaveChangesAsync(Ct);
        Assert.True(((SqliteSesBotDbContext)db).LastSaveWasDirect);
    }

    [Fact]
    public async Task UpdateOfAValueUnderAUniqueIndex_LeftToEfCore()
    {
        await using var scope = _direct.CreateAsyncScope();
        var db = Context(scope, direct: true);
        var pending = ChannelUser.PendingByEmail("msteams", "t-1", "alex@example.com", "Alex Doe", Role.SupportAgent, null);
        db.ChannelUsers.Add(pending);
        await db.SaveChangesAsync(Ct);
        Assert.True(((SqliteSesBotDbContext)db).LastSaveWasDirect);

        db.Entry(pending).Property(u => u.UserKey).CurrentValue = "aad-object-id"; // (Channel, TenantKey, UserKey) is unique
        await db.SaveChangesAsync(Ct);

        Assert.False(((SqliteSesBotDbContext)db).LastSaveWasDirect);
        Assert.Equal("aad-object-id", await db.ChannelUsers.AsNoTracking().Select(u => u.UserKey).SingleAsync(Ct));
    }

    [Fact]
    public async Task InsideACallersTransaction_LeftToEfCore_AFailedSaveLeavesNothingOfItself()
    {
        await using var scope = _direct.CreateAsyncScope();
        var db = Context(scope, direct: true);
        db.InboundDeliveries.Add(new InboundDelivery("msteams", "conv-1", "a-1", At));
        await db.SaveChangesAsync(Ct);
        db.ChangeTracker.Clear();

        await using (var transaction = await db.Database.BeginTransactionAsync(Ct))
        {
            db.InboundDeliveries.AddRange(new InboundDelivery("msteams", "conv-1", "a-fresh", At), new InboundDelivery("msteams", "conv-1", "a-1", At));
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
            Assert.False(((SqliteSesBotDbContext)db).LastSaveWasDirect);
            await transaction.CommitAsync(Ct); // the caller goes on with its own work
        }

        Assert.Equal(["a-1"], await db.InboundDeliveries.AsNoTracking().Select(d => d.DeliveryKey).ToListAsync(Ct));
    }

    [Fact]
    public async Task DirectSave_OneTransactionOfItsOwn_LoggedAndClosed_ConnectionLeftAsItWas()
    {
        var log = new TransactionLog();
        await using var services = LoggingTo(log);
        await using var scope = services.CreateAsyncScope();
        var db = Context(scope, direct: true);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        db.InboundDeliveries.AddRange(new InboundDelivery("msteams", "conv-1", "a-1", At), new InboundDelivery("msteams", "conv-1", "a-2", At));

        await db.SaveChangesAsync(Ct);

        Assert.True(((SqliteSesBotDbContext)db).LastSaveWasDirect);
        Assert.Equal(["began", "committed"], log.Events);
        Assert.Equal(System.Data.ConnectionState.Closed, connection.State); // EF Core's own connection, opened for the save only
        Assert.Equal(2, await db.InboundDeliveries.CountAsync(Ct));
    }

    [Fact]
    public async Task DirectSave_OnAConnectionTheCallerOpened_LeavesItOpen_AndTheCallersCloseClosesIt()
    {
        await using var scope = _direct.CreateAsyncScope();
        var db = Context(scope, direct: true);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(Ct);
        db.InboundDeliveries.Add(new InboundDelivery("msteams", "conv-1", "a-1", At));

        await db.SaveChangesAsync(Ct);

        Assert.True(((SqliteSesBotDbContext)db).LastSaveWasDirect);
        Assert.Equal(System.Data.ConnectionState.Open, connection.State);
        await db.Database.CloseConnectionAsync(); // EF Core counts opens: one open, one close
        Assert.Equal(System.Data.ConnectionState.Closed, connection.State);
    }

    [Fact]
    public async Task DirectSave_RowRefusedOnATurnConnection_RolledBack_TheConnectionIsLentAgain()
    {
        await using (var seed = _direct.CreateAsyncScope())
        {
            var first = Context(seed, direct: true);
            first.InboundDeliveries.Add(new InboundDelivery("msteams", "conv-1", "a-1", At));
            await first.SaveChangesAsync(Ct);
        }

        var connections = _direct.GetRequiredService<SqliteTurnConnections>();
        SqliteConnection lent;
        await using (var scope = _direct.CreateAsyncScope())
        {
            var db = Context(scope, direct: true);
            await using var lease = await connections.AttachAsync(db, Ct);
            lent = lease.Connection;
            db.InboundDeliveries.AddRange(new InboundDelivery("msteams", "conv-1", "a-fresh", At), new InboundDelivery("msteams", "conv-1", "a-1", At));

            await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));

            Assert.NotEqual(0, SQLitePCL.raw.sqlite3_get_autocommit(lent.Handle));
        }

        await using (var next = _direct.CreateAsyncScope())
        {
            var db = Context(next, direct: true);
            await using var lease = await connections.AttachAsync(db, Ct);
            Assert.Same(lent, lease.Connection); // idle, so lent again rather than dropped
            db.InboundDeliveries.Add(new InboundDelivery("msteams", "conv-1", "a-2", At));
            await db.SaveChangesAsync(Ct);
            Assert.True(((SqliteSesBotDbContext)db).LastSaveWasDirect);
        }

        await using var read = _direct.CreateAsyncScope();
        Assert.Equal(["a-1", "a-2"], await Context(read, direct: true).InboundDeliveries.AsNoTracking().OrderBy(d => d.Id).Select(d => d.DeliveryKey).ToListAsync(Ct));
    }

    [Fact]
    public async Task DirectSave_RowRefused_RolledBackBeforeEfCoreRunsItAgain_NothingOfItKept()
    {
        var log = new TransactionLog();
        await using var services = LoggingTo(log);
        await using (var seed = services.CreateAsyncScope())
        {
            var first = Context(seed, direct: true);
            first.InboundDeliveries.Add(new InboundDelivery("msteams", "conv-1", "a-1", At));
            await first.SaveChangesAsync(Ct);
        }

        log.Events.Clear();
        await using var scope = services.CreateAsyncScope();
        var db = Context(scope, direct: true);
        db.InboundDeliveries.AddRange(new InboundDelivery("msteams", "conv-1", "a-fresh", At), new InboundDelivery("msteams", "conv-1", "a-1", At));

        await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct)); // the second row breaks the unique index

        Assert.Equal(["began", "rolled back"], log.Events); // then EF Core's own attempt, which fails in its words
        db.ChangeTracker.Clear();
        Assert.Equal(["a-1"], await db.InboundDeliveries.AsNoTracking().Select(d => d.DeliveryKey).ToListAsync(Ct));
    }

    [Fact]
    public async Task DirectSave_CancelledBetweenItsRows_RolledBack_NoTransactionLeftOnTheConnection()
    {
        var log = new TransactionLog();
        using var cancel = new CancellationTokenSource();
        await using var services = LoggingTo(log, new CancelAfterFirstWrite(cancel));
        await using var scope = services.CreateAsyncScope();
        var db = Context(scope, direct: true);
        await db.Database.OpenConnectionAsync(Ct); // kept open, to look at it afterwards
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        db.InboundDeliveries.AddRange(new InboundDelivery("msteams", "conv-1", "a-1", At), new InboundDelivery("msteams", "conv-1", "a-2", At));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => db.SaveChangesAsync(cancel.Token));

        Assert.True(((SqliteSesBotDbContext)db).LastSaveWasDirect);
        Assert.Equal(["began", "rolled back"], log.Events); // the first row had been written
        Assert.NotEqual(0, SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle));
        Assert.Equal(0, await db.InboundDeliveries.CountAsync(Ct));
    }

    /// <summary>A database like the direct one, its direct-save transaction events going to <paramref name="log"/>.</summary>
    private ServiceProvider LoggingTo(TransactionLog log, params IInterceptor[] interceptors)
    {
        using var scope = _direct.CreateScope();
        var path = ((SqliteConnection)scope.ServiceProvider.GetRequiredService<SesBotDbContext>().Database.GetDbConnection()).DataSource;
        return new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(log))
            .AddSesBotDatabase(DatabaseProvider.Sqlite, $"Data Source={path}")
            .ConfigureDbContext<SqliteSesBotDbContext>(o => o.AddInterceptors(interceptors))
            .BuildServiceProvider();
    }

    /// <summary>Cancels the save's token once its first row is written.</summary>
    private sealed class CancelAfterFirstWrite(CancellationTokenSource cancel) : DbCommandInterceptor
    {
        public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
        {
            cancel.Cancel();
            return ValueTask.FromResult(result);
        }
    }

    /// <summary>The direct save's transaction events, in order.</summary>
    private sealed class TransactionLog : ILoggerProvider, ILogger
    {
        public List<string> Events { get; } = [];

        public ILogger CreateLogger(string categoryName) => categoryName == "SesBot.Core.Persistence.SqliteDirectSave" ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Events)
            {
                Events.Add(eventId.Id switch { 1 => "began", 2 => "committed", 3 => "rolled back", _ => eventId.ToString() });
            }
        }

        public void Dispose()
        {
        }
    }

    private static SesBotDbContext Context(AsyncServiceScope scope, bool direct) => DirectAndEfFiles.Context(scope, direct);

    private static async Task SaveAsync(ServiceProvider services, bool direct, Func<SesBotDbContext, Task> work, bool expectDirect = true)
    {
        await using var scope = services.CreateAsyncScope();
        var db = Context(scope, direct);
        await work(db);
        await db.SaveChangesAsync(Ct);
        Assert.Equal(direct && expectDirect, ((SqliteSesBotDbContext)db).LastSaveWasDirect);
    }

    private static Task SaveAsync(ServiceProvider services, bool direct, Action<SesBotDbContext> work, bool expectDirect = true)
        => SaveAsync(services, direct, db =>
        {
            work(db);
            return Task.CompletedTask;
        }, expectDirect);

    /// <summary>A submission as a turn makes it: the service, then one save; returns the new request's id.</summary>
    private static async Task<string> SubmitAsync(ServiceProvider services, bool direct, TimeProvider clock, SubmitRemovalRequest command)
    {
        await using var scope = services.CreateAsyncScope();
        var db = Context(scope, direct);
        var result = await new RemovalRequestService(db, clock).SubmitAsync(command, Ct);
        Assert.Equal(OutcomeKind.Ok, result.Kind);
        await db.SaveChangesAsync(Ct);
        Assert.Equal(direct, ((SqliteSesBotDbContext)db).LastSaveWasDirect);
        return result.Request!.Id;
    }

    private static async Task<List<string>> RequestIdsAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SesBotDbContext>().RemovalRequests.AsNoTracking()
            .OrderBy(r => r.IdempotencyKey).Select(r => r.Id).ToListAsync(Ct);
    }

    /// <summary>Every row of the table, each column as its storage type and value (the given ids named by their order).</summary>
    private static async Task<List<string>> RowsAsync(ServiceProvider services, string table, List<string> ids)
    {
        var rows = await RowsAsync(services, table);
        return [.. rows.Select(r => ids.Select((id, i) => (id, i)).Aggregate(r, (row, x) => row.Replace(x.id, $"R-#{x.i}", StringComparison.Ordinal)))];
    }

    private static Task<List<string>> RowsAsync(ServiceProvider services, string table) => DirectAndEfFiles.RowsAsync(services, table);
}
