using Microsoft.EntityFrameworkCore;
using SesBot.Core.Conversations;
using SesBot.Core.Dialogs;
using SesBot.Core.Domain;
using SesBot.Core.Identity;
using SesBot.Core.Tests.Support;

namespace SesBot.Core.Tests.Persistence;

/// <summary>The channel-side tables of the core on real SQLite: dialog state, conversation addresses, channel users.</summary>
public sealed class ChannelStateTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2027, 3, 15, 10, 0, 0, TimeSpan.Zero);
    private SqliteTestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        await using var db = _database.CreateContext();
        db.Resellers.Add(new Reseller(TestData.ResellerId, "Northwind"));
        await db.SaveChangesAsync();
    }

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

    [Fact]
    public async Task ConversationAddress_RefreshAfterBlocked_ClearsBlockAndRoundTrips()
    {
        await using (var db = _database.CreateContext())
        {
            var address = new ConversationAddress("teams", "a:1", ConversationScope.Personal, """{"serviceUrl":"https://smba"}""", Now)
            {
                UserKey = "29:1",
                TenantKey = "tenant",
            };
            address.MarkBlocked(Now.AddDays(1));
            db.ConversationAddresses.Add(address);
            await db.SaveChangesAsync();
        }

        await using (var db = _database.CreateContext())
        {
            var address = await db.ConversationAddresses.SingleAsync();
            Assert.Equal(Now.AddDays(1), address.BlockedAt);
            Assert.Equal(ConversationScope.Personal, address.Scope);
            address.Refresh("""{"serviceUrl":"https://smba2"}""", Now.AddDays(2));
            await db.SaveChangesAsync();
        }

        await using (var db = _database.CreateContext())
        {
            var address = await db.ConversationAddresses.SingleAsync();
            Assert.Null(address.BlockedAt);
            Assert.Equal(Now.AddDays(2), address.UpdatedAt);
            Assert.Contains("smba2", address.ReferenceJson, StringComparison.Ordinal);
            Assert.Equal("29:1", address.UserKey);
        }
    }

    [Fact]
    public async Task ConversationAddress_SameConversationTwice_RejectedByUniqueIndex()
    {
        await using var db = _database.CreateContext();
        db.ConversationAddresses.Add(new ConversationAddress("slack", "C1", ConversationScope.TeamChannel, "{}", Now));
        db.ConversationAddresses.Add(new ConversationAddress("slack", "C1", ConversationScope.TeamChannel, "{}", Now));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task ChannelUser_ResellerUser_RoundTripsAndBecomesActor()
    {
        await using (var db = _database.CreateContext())
        {
            db.ChannelUsers.Add(new ChannelUser("teams", "tenant-1", "aad-1", "Alice", Role.ResellerUser, TestData.ResellerId) { Email = "alice@northwind.com" });
            await db.SaveChangesAsync();
        }

        await using (var db = _database.CreateContext())
        {
            var actor = (await db.ChannelUsers.SingleAsync()).ToActor();

            Assert.Equal(new Actor("teams:tenant-1:aad-1", "Alice", Role.ResellerUser, TestData.ResellerId), actor);
            Assert.False(actor.IsSupport);
        }
    }

    [Fact]
    public async Task ChannelUser_UnknownReseller_RejectedByForeignKey()
    {
        await using var db = _database.CreateContext();
        db.ChannelUsers.Add(new ChannelUser("slack", "T1", "U1", "Eve", Role.ResellerUser, "r-nope"));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public void ChannelUser_ResellerUserWithoutReseller_Throws() =>
        Assert.Throws<DomainException>(() => new ChannelUser("slack", "T1", "U1", "Eve", Role.ResellerUser, null));

    [Theory]
    [InlineData(Role.SupportAgent, true)]
    [InlineData(Role.Admin, true)]
    [InlineData(Role.ResellerUser, false)]
    public void Actor_Role_IsSupportOnlyForSupportAndAdmin(Role role, bool expected) =>
        Assert.Equal(expected, new Actor("x", "X", role, "r-1").IsSupport);
}
