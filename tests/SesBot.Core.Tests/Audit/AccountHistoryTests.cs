using SesBot.Core.Audit;
using SesBot.Core.Domain;
using SesBot.Core.Tests.Support;

namespace SesBot.Core.Tests.Audit;

/// <summary>An account's timeline by the id a person types, never revealing another reseller's accounts.</summary>
public sealed class AccountHistoryTests : IAsyncLifetime
{
    private SqliteTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await AuditLogSeed.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    [InlineData("123456789012")]
    [InlineData(" 1234-5678-9012 ")]
    public async Task Find_OwnAwsAccountAsTyped_ReturnsItsWholeTimeline(string typed)
    {
        var timeline = await FindAsync(TestData.Requester, typed);

        Assert.NotNull(timeline);
        Assert.Equal("a-1", timeline.Account.Id);
        Assert.Equal("Northwind", timeline.Reseller.Name);
        Assert.Equal(TestData.CustomerId, timeline.Customer.Id);
        Assert.Equal(["Submitted", "Accept", "MarkRemovedFromPayer", "Departed"], timeline.Entries.Select(e => e.Action));
    }

    [Fact]
    public async Task Find_AzureSubscriptionInUpperCaseWithBraces_FindsIt()
    {
        var timeline = await FindAsync(TestData.Colleague, "{" + AuditLogSeed.AzureSubscription.ToUpperInvariant() + "}");

        Assert.NotNull(timeline);
        Assert.Equal("z-1", timeline.Account.Id);
        Assert.Equal(2, timeline.Entries.Count);
    }

    [Fact]
    public async Task Find_AnotherResellersAccount_IsNullAsIfItDidNotExist()
    {
        Assert.Null(await FindAsync(TestData.Requester, AuditLogSeed.OtherNumber));
        Assert.Null(await FindAsync(TestData.OtherResellerUser, AuditLogSeed.AwsNumber));
    }

    [Theory]
    [InlineData("999999999999")]
    [InlineData("12345")]
    [InlineData("not an account")]
    [InlineData("")]
    public async Task Find_UnknownOrMalformed_IsNull(string typed)
    {
        Assert.Null(await FindAsync(TestData.Admin, typed));
    }

    [Theory]
    [InlineData(Role.SupportAgent)]
    [InlineData(Role.Admin)]
    public async Task Find_SupportAndAdmins_SeeAnyResellersAccount(Role role)
    {
        var timeline = await FindAsync(new Actor("x", "X", role), AuditLogSeed.OtherNumber);

        Assert.NotNull(timeline);
        Assert.Equal("Fabrikam", timeline.Reseller.Name);
        Assert.Equal(["Submitted"], timeline.Entries.Select(e => e.Action));
    }

    private async Task<AccountTimeline?> FindAsync(Actor actor, string typed)
    {
        await using var db = _database.CreateContext();
        return await new AccountHistory(db, new AuditLogQuery(db)).FindAsync(actor, typed);
    }
}
