using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SesBot.Core.Domain;
using SesBot.Core.Persistence;
using SesBot.Core.Tests.Support;
using SesBot.Core.Workflow;

namespace SesBot.Core.Tests.Persistence;

/// <summary>The same persistence on a real PostgreSQL server: its own migrations, round trip, concurrency, unique keys, search.</summary>
[Trait("Category", "PostgreSQL")]
public sealed class PostgresPersistenceTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 18, 10, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Migrate_ThenDemoData_RoundTripsEveryKindOfAccount()
    {
        var connection = await MigratedWithDemoDataAsync();

        await using var db = PostgresServer.CreateContext(connection);
        Assert.Equal(2, await db.Resellers.CountAsync());
        Assert.True(await db.Customers.CountAsync() >= 6);
        var accounts = await db.CloudAccounts.Include(a => a.BillingRecords).ToListAsync();
        Assert.Contains(accounts, a => a.Provider == CloudProvider.Aws && a.Origin == AccountOrigin.DistributorAssigned && a.HasBillingData);
        Assert.Contains(accounts, a => a.Provider == CloudProvider.Aws && a.Origin == AccountOrigin.CustomerOwned && !a.HasBillingData);
        Assert.Contains(accounts, a => a.Provider == CloudProvider.Azure && a.HasBillingData);
        var lab = accounts.Single(a => a.Id == "a-contoso-lab");
        Assert.Equal(TimeSpan.Zero, lab.LinkedAt.Offset);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task Workflow_TransferWithContactAndPayerRemovalWithImpact_AreStoredAndReadBack()
    {
        var connection = await MigratedWithDemoDataAsync();
        var clock = new FakeTimeProvider(Now);
        var alex = new Actor("alex", "Alex", Role.ResellerUser, DemoData.NorthwindResellerId);

        string transferId, payerId;
        await using (var db = PostgresServer.CreateContext(connection))
        {
            var service = new RemovalRequestService(db, clock);
            var transfer = await service.SubmitAsync(new SubmitRemovalRequest("k-transfer", alex, RemovalOption.AwsTransferOwnership, "a-contoso-prod", Contact: Contacts.ValidUs()));
            var payer = await service.SubmitAsync(new SubmitRemovalRequest("k-payer", alex, RemovalOption.AwsRemoveFromPayer, "a-adventure-web"));
            Assert.Equal(OutcomeKind.Ok, transfer.Kind);
            Assert.Equal(OutcomeKind.Ok, payer.Kind);
            await db.SaveChangesAsync(); // the turn's one commit
            transferId = transfer.Request!.Id;
            payerId = payer.Request!.Id;
        }

        await using var read = PostgresServer.CreateContext(connection);
        var stored = await read.RemovalRequests.SingleAsync(r => r.Id == transferId);
        Assert.NotNull(stored.Contact);
        Assert.StartsWith("+1", stored.Contact!.ContactPhone, StringComparison.Ordinal);
        var impact = (await read.RemovalRequests.SingleAsync(r => r.Id == payerId)).BillingImpact;
        Assert.NotNull(impact);
        Assert.Equal(30, impact!.DaysInMonth);
        Assert.Equal(18, impact.LinkedDays);
        Assert.Equal(["Submitted"], await read.AuditEvents.Where(e => e.EntityId == transferId).Select(e => e.Action).ToListAsync());
    }

    [Fact]
    public async Task SaveChanges_TwoContextsApplyToSameRequest_SecondThrowsConcurrencyException()
    {
        var connection = await MigratedWithDemoDataAsync();
        var clock = new FakeTimeProvider(Now);
        var alex = new Actor("alex", "Alex", Role.ResellerUser, DemoData.NorthwindResellerId);
        var support = new Actor("sam", "Sam", Role.SupportAgent);
        string id;
        await using (var db = PostgresServer.CreateContext(connection))
        {
            id = (await new RemovalRequestService(db, clock).SubmitAsync(
                new SubmitRemovalRequest("k-1", alex, RemovalOption.AzureSuspend, "z-tailspin-prod", Reason: "Project ended."))).Request!.Id;
            await db.SaveChangesAsync();
        }

        await using var first = PostgresServer.CreateContext(connection);
        await using var second = PostgresServer.CreateContext(connection);
        var one = await first.RemovalRequests.SingleAsync(r => r.Id == id);
        var two = await second.RemovalRequests.SingleAsync(r => r.Id == id);
        one.Apply(RequestTrigger.Accept, support, clock);
        two.Apply(RequestTrigger.Cancel, alex, clock);
        await first.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }

    [Fact]
    public async Task SubmitAsync_TwoOpenRequestsForOneAccount_UniqueIndexKeepsOne()
    {
        var connection = await MigratedWithDemoDataAsync();
        await using var db = PostgresServer.CreateContext(connection);
        db.RemovalRequests.Add(new RemovalRequest("R-PGAAA1", "k-a", RemovalOption.AwsRemoveFromPayer, new Actor("alex", "Alex", Role.ResellerUser, DemoData.NorthwindResellerId), DemoData.NorthwindResellerId, "c-adventure", "a-adventure-web", Now));
        await db.SaveChangesAsync();

        await using var other = PostgresServer.CreateContext(connection);
        other.RemovalRequests.Add(new RemovalRequest("R-PGAAA2", "k-b", RemovalOption.AwsSelfUnlink, new Actor("patti", "Patti", Role.ResellerUser, DemoData.NorthwindResellerId), DemoData.NorthwindResellerId, "c-adventure", "a-adventure-web", Now));

        await Assert.ThrowsAsync<DbUpdateException>(() => other.SaveChangesAsync());
    }

    [Fact]
    public async Task SearchCustomers_IsCaseInsensitiveAndScopedToTheReseller()
    {
        var connection = await MigratedWithDemoDataAsync();
        await using var db = PostgresServer.CreateContext(connection);
        var catalog = new ResellerCatalog(db);

        var page = await catalog.SearchCustomersAsync(new Actor("alex", "Alex", Role.ResellerUser, DemoData.NorthwindResellerId), "WO", 0, 25);

        Assert.Equal(["Adventure Works Cycles"], page.Customers.Select(c => c.Name));
    }

    private async Task<string> MigratedWithDemoDataAsync()
    {
        var connection = await server.CreateDatabaseAsync();
        await using var db = PostgresServer.CreateContext(connection);
        await new DatabaseInitializer(db, new FakeTimeProvider(Now)).InitializeAsync(migrate: true, seedDemoData: true);
        return connection;
    }
}
