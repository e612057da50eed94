using Microsoft.EntityFrameworkCore;
using SesBot.Core.Domain;
using SesBot.Core.Identity;
using SesBot.Core.Tests.Support;

namespace SesBot.Core.Tests.Identity;

/// <summary>Channel users on real SQLite, and the actors they become.</summary>
public sealed class ChannelUserTests : IAsyncLifetime
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
