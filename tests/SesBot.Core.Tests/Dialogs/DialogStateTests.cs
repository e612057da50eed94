using Microsoft.EntityFrameworkCore;
using SesBot.Core.Dialogs;
using SesBot.Core.Tests.Support;

namespace SesBot.Core.Tests.Dialogs;

/// <summary>Dialog state on real SQLite: durable, versioned, one per user and conversation.</summary>
public sealed class DialogStateTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2027, 3, 15, 10, 0, 0, TimeSpan.Zero);
    private SqliteTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await SqliteTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task DialogState_SavedAndReloaded_RoundTripsWithVersion()
    {
        await using (var db = _database.CreateContext())
        {
            var state = new DialogState("teams", "conv-1", "user-1", Now);
            state.Save("RemoveAccount", "ChooseAccount", 2, """{"customerId":"c-1"}""", Now.AddMinutes(1));
            db.DialogStates.Add(state);
            await db.SaveChangesAsync();
        }

        await using (var db = _database.CreateContext())
        {
            var state = await db.DialogStates.SingleAsync();
            Assert.Equal("RemoveAccount", state.DialogName);
            Assert.Equal("ChooseAccount", state.Step);
            Assert.Equal(2, state.SchemaVersion);
            Assert.Equal("""{"customerId":"c-1"}""", state.DataJson);
            Assert.Equal(1, state.Version);
            Assert.Equal(Now.AddMinutes(1), state.UpdatedAt);
        }
    }

    [Fact]
    public async Task DialogState_TwoTurnsSaveTheSameState_SecondThrowsConcurrencyException()
    {
        await using (var db = _database.CreateContext())
        {
            db.DialogStates.Add(new DialogState("slack", "C1", "U1", Now));
            await db.SaveChangesAsync();
        }

        await using var first = _database.CreateContext();
        await using var second = _database.CreateContext();
        (await first.DialogStates.SingleAsync()).Save("RemoveAccount", "ChooseCustomer", 1, "{}", Now);
        (await second.DialogStates.SingleAsync()).Save("RemoveAccount", "Cancelled", 1, "{}", Now);

        await first.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }

    [Fact]
    public async Task DialogState_SecondStateForSameUserAndConversation_RejectedByUniqueIndex()
    {
        await using var db = _database.CreateContext();
        db.DialogStates.Add(new DialogState("teams", "conv-1", "user-1", Now));
        db.DialogStates.Add(new DialogState("teams", "conv-1", "user-1", Now));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }
}
