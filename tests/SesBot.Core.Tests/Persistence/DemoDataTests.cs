using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SesBot.Core.Domain;
using SesBot.Core.Persistence;
using SesBot.Core.Tests.Support;

namespace SesBot.Core.Tests.Persistence;

public sealed class DemoDataTests
{
    private static async Task<List<Customer>> SeedAndLoadAsync(SqliteTestDatabase database, DateTimeOffset now)
    {
        await using (var db = database.CreateContext())
        {
            await new DatabaseInitializer(db, new FakeTimeProvider(now)).InitializeAsync(migrate: true, seedDemoData: true);
        }

        await using var read = database.CreateContext();
        return await read.Customers.Include(c => c.Accounts).ThenInclude(a => a.BillingRecords).ToListAsync();
    }

    [Fact]
    public async Task InitializeAsync_EmptyDatabase_SeedsTwoResellersAndEveryKindOfAccount()
    {
        var now = new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);
        await using var database = await SqliteTestDatabase.CreateAsync();

        var customers = await SeedAndLoadAsync(database, now);

        await using var db = database.CreateContext();
        Assert.Equal(2, await db.Resellers.CountAsync());
        Assert.True(customers.Count >= 6);
        Assert.Equal(
            [DemoData.FabrikamResellerId, DemoData.NorthwindResellerId],
            customers.Select(c => c.ResellerId).Distinct().Order());
        var accounts = customers.SelectMany(c => c.Accounts).ToList();
        Assert.Contains(accounts, a => a.Provider == CloudProvider.Aws && a.Origin == AccountOrigin.DistributorAssigned && a.HasBillingData);
        Assert.Contains(accounts, a => a.Provider == CloudProvider.Aws && a.Origin == AccountOrigin.DistributorAssigned && !a.HasBillingData);
        Assert.Contains(accounts, a => a.Provider == CloudProvider.Aws && a.Origin == AccountOrigin.CustomerOwned && a.HasBillingData);
        Assert.Contains(accounts, a => a.Provider == CloudProvider.Aws && a.Origin == AccountOrigin.CustomerOwned && !a.HasBillingData);
        Assert.Contains(accounts, a => a.Provider == CloudProvider.Azure && a.HasBillingData);
        Assert.Contains(accounts, a => a.Provider == CloudProvider.Azure && !a.HasBillingData);
        var monthStart = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Contains(accounts, a => a.LinkedAt > monthStart.AddDays(1) && a.LinkedAt < now);
        Assert.All(accounts, a => Assert.Equal(AccountState.Active, a.State));
    }

    [Fact]
    public async Task InitializeAsync_AzureCustomers_EachHasTheTenantTheSimulatedPartnerCenterKeepsItUnder()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();

        var customers = await SeedAndLoadAsync(database, new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));

        var azure = customers.Where(c => c.Accounts.Any(a => a.Provider == CloudProvider.Azure)).ToList();
        Assert.True(azure.Count >= 3);
        Assert.All(azure, c => Assert.Equal(SesBot.Core.Gateways.Simulated.SimulatedScenarios.TenantOf(c.Id), c.AzureTenantId));
        Assert.Equal(azure.Count, azure.Select(c => c.AzureTenantId).Distinct().Count());
        Assert.All(customers.Except(azure), c => Assert.Null(c.AzureTenantId));
    }

    [Theory]
    [InlineData("2026-11-01T00:00:00Z")]
    [InlineData("2026-11-01T05:00:00Z")]
    [InlineData("2026-11-02T08:00:00Z")]
    [InlineData("2026-11-03T01:00:00Z")]
    [InlineData("2026-11-30T23:59:00Z")]
    [InlineData("2028-02-29T12:00:00Z")]
    public async Task InitializeAsync_AnyDayOfMonth_NoAccountLinkedInTheFuture(string nowText)
    {
        var now = DateTimeOffset.Parse(nowText, System.Globalization.CultureInfo.InvariantCulture);
        await using var database = await SqliteTestDatabase.CreateAsync();

        var customers = await SeedAndLoadAsync(database, now);

        Assert.All(customers.SelectMany(c => c.Accounts), a => Assert.True(a.LinkedAt <= now, $"{a.Id} linked {a.LinkedAt:u}, after {now:u}"));
    }

    [Fact]
    public async Task InitializeAsync_SecondRun_DoesNotSeedAgain()
    {
        var now = new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);
        await using var database = await SqliteTestDatabase.CreateAsync();
        var first = await SeedAndLoadAsync(database, now);

        var second = await SeedAndLoadAsync(database, now.AddDays(1));

        Assert.Equal(first.Count, second.Count);
    }

    [Fact]
    public async Task InitializeAsync_SeedNotAsked_LeavesDatabaseEmpty()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await using var db = database.CreateContext();

        await new DatabaseInitializer(db, new FakeTimeProvider()).InitializeAsync(migrate: true, seedDemoData: false);

        Assert.False(await db.Resellers.AnyAsync());
    }
}
