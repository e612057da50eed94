using Microsoft.EntityFrameworkCore;
using SesBot.Core.Conversations;
using SesBot.Core.Tests.Support;

namespace SesBot.Core.Tests.Conversations;

/// <summary>Conversation addresses on real SQLite.</summary>
public sealed class ConversationAddressTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2027, 3, 15, 10, 0, 0, TimeSpan.Zero);
    private SqliteTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await SqliteTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

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
}
