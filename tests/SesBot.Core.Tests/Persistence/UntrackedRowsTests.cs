using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SesBot.Core.Conversations;
using SesBot.Core.Dialogs;
using SesBot.Core.Outbox;
using SesBot.Core.Persistence;
using SesBot.Core.Tests.Support;

namespace SesBot.Core.Tests.Persistence;

/// <summary>
/// Rows a turn inserts untracked (<see cref="SesBotDbContext.Insert"/>) or carries on untracked
/// (<see cref="SesBotDbContext.AttachUntracked"/>) must end up exactly as with EF Core's Add and Attach: the same units of
/// work run against a file written directly and one written by EF Core, and every row is compared, value and storage
/// type; failures are reported as EF Core reports them, and leave nothing of their save.
/// </summary>
public sealed class UntrackedRowsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 12, 5, 14, 0, 0, TimeSpan.FromHours(1));
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly string[] Tables = ["DialogStates", "InboundDeliveries", "OutboxMessages"];

    private DirectAndEfFiles _files = null!;

    public async Task InitializeAsync() => _files = await DirectAndEfFiles.CreateAsync("sesbot-untracked-");

    public async Task DisposeAsync() => await _files.DisposeAsync();

    [Fact]
    public async Task TurnsOfUntrackedRows_DirectAndEfCore_LeaveTheSameRows_AndFailTheSameWay()
    {
        foreach (var (services, direct) in new[] { (_files.Direct, true), (_files.Ef, false) })
        {
            // 1: a first turn: its dialog state added (tracked), its delivery and a reply inserted untracked.
            DialogState state;
            await using (var scope = services.CreateAsyncScope())
            {
                var db = DirectAndEfFiles.Context(scope, direct);
                state = new DialogState("msteams", "conv-1", "user-1", At);
                state.Save("removal", "choose-customer", 3, """{"customer":null}""", At);
                db.DialogStates.Add(state);
                var delivery = new InboundDelivery("msteams", "conv-1", "a-1", At);
                var reply = new OutboxMessage("teams.reply", "k-1", "msteams:conv-1", """{"text":"hi"}""", At);
                db.Insert(delivery);
                db.Insert(reply);
                delivery.ResponseJson = """{"type":"AdaptiveCard","body":"ünïcode ✓"}"""; // set after Insert: written as it is at the save

                Assert.Equal(3, await db.SaveChangesAsync(Ct));

                Assert.Equal(direct, ((SqliteSesBotDbContext)db).LastSaveWasDirect);
                Assert.True(delivery.Id > 0);
                Assert.True(reply.Id > 0);
                Assert.Equal(reply.Id, await db.OutboxMessages.AsNoTracking().Where(m => m.IdempotencyKey == "k-1").Select(m => m.Id).SingleAsync(Ct));
                Assert.Equal(direct ? EntityState.Detached : EntityState.Unchanged, db.Entry(delivery).State); // EF Core's save tracked it
            }

            // 2: the next turn carries the state on untracked (as the dialog store does with its cached row).
            await using (var scope = services.CreateAsyncScope())
            {
                var db = DirectAndEfFiles.Context(scope, direct);
                db.AttachUntracked(state);
                state.Save("removal", "choose-account", 3, """{"customer":"c-1"}""", At.AddMinutes(1));
                db.Insert(new InboundDelivery("msteams", "conv-1", "a-2", At.AddMinutes(1)));

                Assert.Equal(2, await db.SaveChangesAsync(Ct));
                Assert.Equal(direct, ((SqliteSesBotDbContext)db).LastSaveWasDirect);

                // Saved again in the same unit of work: only what changed since the first save.
                state.Save("removal", "review", 3, """{"customer":"c-1","account":"a-1"}""", At.AddMinutes(2));
                Assert.Equal(1, await db.SaveChangesAsync(Ct));

                // Nothing changed: nothing written, and nothing opened.
                Assert.Equal(0, await db.SaveChangesAsync(Ct));
            }

            // 3: a turn that carries on a stale copy of the state: refused as EF Core refuses it, and nothing of its save kept.
            await using (var scope = services.CreateAsyncScope())
            {
                var db = DirectAndEfFiles.Context(scope, direct);
                var stale = await db.DialogStates.AsNoTracking().SingleAsync(Ct);
                await using (var other = services.CreateAsyncScope())
                {
                    var racing = DirectAndEfFiles.Context(other, direct);
                    (await racing.DialogStates.SingleAsync(Ct)).Save("removal", "raced", 3, "{}", At.AddMinutes(3));
                    await racing.SaveChangesAsync(Ct);
                }

                db.AttachUntracked(stale);
                stale.Save("removal", "stale", 3, "{}", At.AddMinutes(4));
                db.Insert(new InboundDelivery("msteams", "conv-1", "a-stale", At.AddMinutes(4)));
                db.Insert(new OutboxMessage("teams.reply", "k-stale", "msteams:conv-1", "{}", At.AddMinutes(4)));

                var conflict = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync(Ct));

                Assert.Same(stale, Assert.Single(conflict.Entries).Entity); // the entry concerned, as EF Core names it
                Assert.Equal(direct, ((SqliteSesBotDbContext)db).LastSaveWasDirect);
            }

            // 4: a delivery recorded twice is refused as a write error (the turn pipeline's "already handled").
            await using (var scope = services.CreateAsyncScope())
            {
                var db = DirectAndEfFiles.Context(scope, direct);
                db.Insert(new OutboxMessage("teams.reply", "k-dup", "msteams:conv-1", "{}", At));
                db.Insert(new InboundDelivery("msteams", "conv-1", "a-1", At.AddMinutes(5)));

                var error = await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));

                Assert.IsType<SqliteException>(error.InnerException);
            }
        }

        foreach (var table in Tables)
        {
            Assert.Equal(await DirectAndEfFiles.RowsAsync(_files.Ef, table), await DirectAndEfFiles.RowsAsync(_files.Direct, table));
        }

        Assert.Equal(["a-1", "a-2"], await KeysAsync(_files.Direct)); // neither refused save left a delivery
        Assert.Equal(["k-1"], await IdempotencyKeysAsync(_files.Direct)); // nor a message
        Assert.Contains(await DirectAndEfFiles.RowsAsync(_files.Direct, "DialogStates"), r => r.Contains("Step=TEXT:raced", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UntrackedRows_InsideACallersTransaction_TrackedAndSavedByEfCore_AsAddAndAttachWould()
    {
        var state = await SeedStateAsync();
        await using var scope = _files.Direct.CreateAsyncScope();
        var db = DirectAndEfFiles.Context(scope, direct: true);
        db.AttachUntracked(state);
        state.Save("removal", "in-a-transaction", 3, "{}", At.AddMinutes(1));
        var delivery = new InboundDelivery("msteams", "conv-1", "a-in", At);
        db.Insert(delivery);

        await using (var transaction = await db.Database.BeginTransactionAsync(Ct))
        {
            await db.SaveChangesAsync(Ct);
            await transaction.CommitAsync(Ct);
        }

        Assert.False(((SqliteSesBotDbContext)db).LastSaveWasDirect);
        Assert.Equal(EntityState.Unchanged, db.Entry(state).State);
        Assert.Equal(EntityState.Unchanged, db.Entry(delivery).State);
        Assert.True(delivery.Id > 0);
        Assert.Equal("in-a-transaction", await db.DialogStates.AsNoTracking().Select(s => s.Step).SingleAsync(Ct));
    }

    [Fact]
    public async Task AttachedUntracked_InASaveLeftToEfCore_KeepsItsStoredValuesAsOriginal_SoAStaleCopyIsStillRefused()
    {
        var state = await SeedStateAsync();
        await using (var other = _files.Direct.CreateAsyncScope())
        {
            var racing = DirectAndEfFiles.Context(other, direct: true);
            (await racing.DialogStates.SingleAsync(Ct)).Save("removal", "raced", 3, "{}", At.AddMinutes(1));
            await racing.SaveChangesAsync(Ct);
        }

        await using var scope = _files.Direct.CreateAsyncScope();
        var db = DirectAndEfFiles.Context(scope, direct: true);
        db.AttachUntracked(state);
        state.Save("removal", "stale", 3, "{}", At.AddMinutes(2));

        // A delete is EF Core's to write: the whole save goes to EF Core, the state tracked with the version it was attached with.
        db.InboundDeliveries.Remove(await db.InboundDeliveries.SingleAsync(Ct));

        var conflict = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync(Ct));

        Assert.False(((SqliteSesBotDbContext)db).LastSaveWasDirect);
        Assert.Same(state, Assert.Single(conflict.Entries).Entity);
        Assert.Equal(1, await db.InboundDeliveries.AsNoTracking().CountAsync(Ct)); // nothing of the save kept
        Assert.Equal("raced", await db.DialogStates.AsNoTracking().Select(s => s.Step).SingleAsync(Ct));
    }

    [Fact]
    public async Task AttachedUntracked_ChangedUnderItsUniqueIndex_LeftToEfCore()
    {
        var state = await SeedStateAsync();
        await using var scope = _files.Direct.CreateAsyncScope();
        var db = DirectAndEfFiles.Context(scope, direct: true);
        db.AttachUntracked(state);
        typeof(DialogState).GetProperty(nameof(DialogState.UserKey))!.SetValue(state, "user-2"); // (Channel, ConversationKey, UserKey) is unique

        await db.SaveChangesAsync(Ct);

        Assert.False(((SqliteSesBotDbContext)db).LastSaveWasDirect);
        Assert.Equal("user-2", await db.DialogStates.AsNoTracking().Select(s => s.UserKey).SingleAsync(Ct));
    }

    [Fact]
    public async Task ClaimOnCommit_OfRepliesInsertedUntracked_ClaimsThemUnlessTheirConversationHasOneUnsent()
    {
        await using var scope = _files.Direct.CreateAsyncScope();
        var db = DirectAndEfFiles.Context(scope, direct: true);
        var first = new OutboxMessage("teams.reply", "k-1", "msteams:conv-1", "{}", At);
        db.Insert(first);
        db.ClaimOnCommit([first], At.AddMinutes(2));

        await db.SaveChangesAsync(Ct);

        Assert.True(((SqliteSesBotDbContext)db).LastSaveWasDirect);
        Assert.Same(first, Assert.Single(db.ClaimedOnCommit));
        Assert.False(db.AddsOutboxMessages); // the one it wrote is claimed: nothing left for the dispatcher to find
        Assert.Equal(OutboxStatus.Sending, await db.OutboxMessages.AsNoTracking().Where(m => m.Id == first.Id).Select(m => m.Status).SingleAsync(Ct));

        // The first is still being sent: the next reply of that conversation waits for the dispatcher, in order.
        var second = new OutboxMessage("teams.reply", "k-2", "msteams:conv-1", "{}", At);
        var elsewhere = new OutboxMessage("teams.reply", "k-3", "msteams:conv-2", "{}", At);
        db.Insert(second);
        db.Insert(elsewhere);
        db.ClaimOnCommit([second, elsewhere], At.AddMinutes(2));

        await db.SaveChangesAsync(Ct);

        Assert.Same(elsewhere, Assert.Single(db.ClaimedOnCommit));
        Assert.True(db.ClaimRefused);
        Assert.True(db.AddsOutboxMessages);
        Assert.Equal(OutboxStatus.Pending, await db.OutboxMessages.AsNoTracking().Where(m => m.Id == second.Id).Select(m => m.Status).SingleAsync(Ct));
    }

    [Fact]
    public async Task KeysOfOneTable_InTheOrderEfCoreGivesThem_WhatWasAddedThenWhatWasInserted()
    {
        foreach (var (services, direct) in new[] { (_files.Direct, true), (_files.Ef, false) })
        {
            await using var scope = services.CreateAsyncScope();
            var db = DirectAndEfFiles.Context(scope, direct);
            var inserted = new OutboxMessage("teams.reply", "reply", "msteams:conv-1", "{}", At);
            var added = new OutboxMessage("teams.update", "status-card", "msteams:conv-1", "{}", At);
            db.Insert(inserted);
            db.OutboxMessages.Add(added); // the turn's own work (a status card), then its replies

            await db.SaveChangesAsync(Ct);

            Assert.Equal(direct, ((SqliteSesBotDbContext)db).LastSaveWasDirect);
            Assert.True(added.Id < inserted.Id, "the outbox sends a conversation's messages in key order");
        }
    }

    [Fact]
    public async Task InsertedRow_ChangedAfterItsSave_WrittenByTheNext_AsATrackedOneWouldBe()
    {
        foreach (var (services, direct) in new[] { (_files.Direct, true), (_files.Ef, false) })
        {
            await using (var scope = services.CreateAsyncScope())
            {
                var db = DirectAndEfFiles.Context(scope, direct);
                var delivery = new InboundDelivery("msteams", "conv-1", "a-1", At);
                db.Insert(delivery);
                await db.SaveChangesAsync(Ct);

                delivery.ResponseJson = """{"late":true}""";
                Assert.Equal(1, await db.SaveChangesAsync(Ct));
                Assert.Equal(direct, ((SqliteSesBotDbContext)db).LastSaveWasDirect);
            }
        }

        Assert.Equal(await DirectAndEfFiles.RowsAsync(_files.Ef, "InboundDeliveries"), await DirectAndEfFiles.RowsAsync(_files.Direct, "InboundDeliveries"));
        Assert.Single(await DirectAndEfFiles.RowsAsync(_files.Direct, "InboundDeliveries"));
        await using var check = _files.Direct.CreateAsyncScope();
        Assert.Equal("""{"late":true}""", await DirectAndEfFiles.Context(check, direct: true).InboundDeliveries.Select(d => d.ResponseJson).SingleAsync(Ct));
    }

    [Fact]
    public async Task SavedWithoutAcceptingChanges_LeftToEfCore_TheRowsStayAsTheChangeTrackerKeepsThem()
    {
        var state = await SeedStateAsync();
        await using var scope = _files.Direct.CreateAsyncScope();
        var db = DirectAndEfFiles.Context(scope, direct: true);
        db.AttachUntracked(state);
        state.Save("removal", "unaccepted", 3, "{}", At.AddMinutes(1));
        var delivery = new InboundDelivery("msteams", "conv-1", "a-2", At);
        db.Insert(delivery);

        await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, Ct);

        Assert.False(((SqliteSesBotDbContext)db).LastSaveWasDirect);
        Assert.Equal(EntityState.Added, db.Entry(delivery).State);
        Assert.Equal(EntityState.Modified, db.Entry(state).State);
        db.ChangeTracker.AcceptAllChanges();
        state.Save("removal", "after-accepting", 3, "{}", At.AddMinutes(2));
        await db.SaveChangesAsync(Ct); // guarded by the version the first save wrote: no false conflict
        Assert.Equal("after-accepting", await db.DialogStates.AsNoTracking().Select(s => s.Step).SingleAsync(Ct));
    }

    [Fact]
    public async Task InsertedTwice_OrAlsoAdded_OneRow()
    {
        foreach (var (services, direct) in new[] { (_files.Direct, true), (_files.Ef, false) })
        {
            await using var scope = services.CreateAsyncScope();
            var db = DirectAndEfFiles.Context(scope, direct);
            var twice = new InboundDelivery("msteams", "conv-1", "twice", At);
            var alsoAdded = new OutboxMessage("teams.reply", "also-added", "msteams:conv-1", "{}", At);
            db.Insert(twice);
            db.Insert(twice);
            db.Insert(alsoAdded);
            db.OutboxMessages.Add(alsoAdded);

            await db.SaveChangesAsync(Ct);
        }

        Assert.Equal(["twice"], await KeysAsync(_files.Direct));
        Assert.Equal(["also-added"], await IdempotencyKeysAsync(_files.Direct));
        Assert.Equal(await DirectAndEfFiles.RowsAsync(_files.Ef, "OutboxMessages"), await DirectAndEfFiles.RowsAsync(_files.Direct, "OutboxMessages"));
    }

    [Fact]
    public async Task SavedSynchronously_TrackedAndSavedByEfCore()
    {
        var state = await SeedStateAsync();
        await using var scope = _files.Direct.CreateAsyncScope();
        var db = DirectAndEfFiles.Context(scope, direct: true);
        db.AttachUntracked(state);
        state.Save("removal", "synchronously", 3, "{}", At.AddMinutes(1));
        db.Insert(new InboundDelivery("msteams", "conv-1", "a-sync", At));

        Assert.Equal(2, db.SaveChanges());

        Assert.Equal(["a-1", "a-sync"], await KeysAsync(_files.Direct));
        Assert.Equal("synchronously", await db.DialogStates.AsNoTracking().Select(s => s.Step).SingleAsync(Ct));
    }

    [Fact]
    public async Task ASendRecorded_MessageAttachedAndAttemptInserted_DirectAndEfCore_LeaveTheSameRows()
    {
        foreach (var (services, direct) in new[] { (_files.Direct, true), (_files.Ef, false) })
        {
            OutboxMessage message;
            await using (var scope = services.CreateAsyncScope())
            {
                var db = DirectAndEfFiles.Context(scope, direct);
                message = new OutboxMessage("teams.reply", "k-1", "msteams:conv-1", "{}", At);
                message.Claimed(At.AddMinutes(2));
                db.Insert(message);
                await db.SaveChangesAsync(Ct);
            }

            // As the dispatcher records a send: the message as its claim left it, and its attempt (referring to it).
            await using (var scope = services.CreateAsyncScope())
            {
                var db = DirectAndEfFiles.Context(scope, direct);
                db.AttachUntracked(message);
                message.Sent("""{"id":"activity-1"}""", At.AddMinutes(1));
                db.Insert(new OutboxAttempt(message.Id, message.Attempts, At, TimeSpan.FromMilliseconds(42), "sent", null));

                Assert.Equal(2, await db.SaveChangesAsync(Ct));
                Assert.Equal(direct, ((SqliteSesBotDbContext)db).LastSaveWasDirect);

                // Both are carried on by the unit of work (the attempt, which refers to the message, as well): nothing new to write.
                Assert.Equal(0, await db.SaveChangesAsync(Ct));
            }

            // An attempt of a message the same save adds: its key is not known before that insert, so EF Core orders the save.
            await using (var scope = services.CreateAsyncScope())
            {
                var db = DirectAndEfFiles.Context(scope, direct);
                db.OutboxMessages.Add(new OutboxMessage("teams.reply", "k-2", "msteams:conv-1", "{}", At));
                db.Insert(new OutboxAttempt(message.Id, 2, At, TimeSpan.FromMilliseconds(7), "sent", null));

                await db.SaveChangesAsync(Ct);

                Assert.False(((SqliteSesBotDbContext)db).LastSaveWasDirect);
            }
        }

        Assert.Equal(await DirectAndEfFiles.RowsAsync(_files.Ef, "OutboxMessages"), await DirectAndEfFiles.RowsAsync(_files.Direct, "OutboxMessages"));
        Assert.Equal(await DirectAndEfFiles.RowsAsync(_files.Ef, "OutboxAttempts"), await DirectAndEfFiles.RowsAsync(_files.Direct, "OutboxAttempts"));
        Assert.Equal(2, (await DirectAndEfFiles.RowsAsync(_files.Direct, "OutboxAttempts")).Count);
    }

    [Fact]
    public async Task Insert_OfSomethingThatIsNoEntity_Refused()
    {
        await using var scope = _files.Direct.CreateAsyncScope();
        var db = DirectAndEfFiles.Context(scope, direct: true);

        Assert.Throws<ArgumentException>(() => db.Insert("not a row"));
        Assert.Throws<ArgumentException>(() => db.AttachUntracked(new object()));
    }

    /// <summary>A dialog state and one delivery, stored; the state is returned untracked.</summary>
    private async Task<DialogState> SeedStateAsync()
    {
        await using var scope = _files.Direct.CreateAsyncScope();
        var db = DirectAndEfFiles.Context(scope, direct: true);
        var state = new DialogState("msteams", "conv-1", "user-1", At);
        state.Save("removal", "choose-customer", 3, "{}", At);
        db.DialogStates.Add(state);
        db.InboundDeliveries.Add(new InboundDelivery("msteams", "conv-1", "a-1", At));
        await db.SaveChangesAsync(Ct);
        db.ChangeTracker.Clear();
        return state;
    }

    private static async Task<List<string>> KeysAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await DirectAndEfFiles.Context(scope, direct: false).InboundDeliveries.OrderBy(d => d.DeliveryKey).Select(d => d.DeliveryKey).ToListAsync(Ct);
    }

    private static async Task<List<string>> IdempotencyKeysAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await DirectAndEfFiles.Context(scope, direct: false).OutboxMessages.OrderBy(m => m.IdempotencyKey).Select(m => m.IdempotencyKey).ToListAsync(Ct);
    }
}
