using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SesBot.Core.Domain;
using SesBot.Core.Tests.Support;
using SesBot.Core.Workflow;

namespace SesBot.Core.Tests.Persistence;

public sealed class SesBotDbContextTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2027, 3, 15, 10, 30, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Now);
    private SqliteTestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        await using var db = _database.CreateContext();
        db.Resellers.Add(new Reseller(TestData.ResellerId, "Northwind"));
        var customer = new Customer(TestData.CustomerId, TestData.ResellerId, "Contoso Ltd");
        customer.AddAccount(TestData.Aws(AccountOrigin.CustomerOwned, billedMonths: 3, linkedAt: new DateTimeOffset(2027, 3, 4, 9, 0, 0, TimeSpan.FromHours(-5))));
        customer.AddAccount(TestData.Azure());
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task MigrateAsync_EmptyDatabase_AppliesEveryMigrationAndModelMatches()
    {
        await using var database = await SqliteTestDatabase.CreateMigratedAsync();
        await using var db = database.CreateContext();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges());
        Assert.Empty(await db.RemovalRequests.ToListAsync());
    }

    [Fact]
    public async Task SaveChanges_ResellerCustomerAccountsBilling_RoundTrip()
    {
        await using var db = _database.CreateContext();

        var reseller = await db.Resellers.SingleAsync();
        var customer = await db.Customers.Include(c => c.Accounts).ThenInclude(a => a.BillingRecords).SingleAsync();

        Assert.Equal("Northwind", reseller.Name);
        Assert.Equal("Contoso Ltd", customer.Name);
        Assert.Null(customer.RemovedAt);
        Assert.Equal(2, customer.Accounts.Count);
        var aws = customer.Accounts.Single(a => a.Provider == CloudProvider.Aws);
        Assert.Equal(TestData.AwsNumber, aws.ExternalId);
        Assert.Equal(AccountOrigin.CustomerOwned, aws.Origin);
        Assert.Equal(AccountState.Active, aws.State);
        Assert.Equal(new DateTimeOffset(2027, 3, 4, 14, 0, 0, TimeSpan.Zero), aws.LinkedAt);
        Assert.Equal(TimeSpan.Zero, aws.LinkedAt.Offset);
        Assert.Equal(
            [(new DateOnly(2025, 1, 1), 100m), (new DateOnly(2025, 2, 1), 101m), (new DateOnly(2025, 3, 1), 102m)],
            aws.BillingRecords.OrderBy(r => r.Month).Select(r => (r.Month, r.Amount)));
        Assert.All(aws.BillingRecords, r => Assert.Equal("USD", r.Currency));
        Assert.True(aws.HasBillingData);
        var azure = customer.Accounts.Single(a => a.Provider == CloudProvider.Azure);
        Assert.Equal(TestData.AzureSubscription, azure.ExternalId);
        Assert.False(azure.HasBillingData);
    }

    [Fact]
    public async Task SaveChanges_RequestWithContactImpactAndAudit_RoundTrip()
    {
        var contact = TransferContactValidator.Validate(Contacts.ValidUs()).Contact!;
        var impact = BillingImpactCalculator.Calculate(new DateTimeOffset(2027, 3, 4, 14, 0, 0, TimeSpan.Zero), Now);
        await using (var db = _database.CreateContext())
        {
            var request = new RemovalRequest("R-RT0001", "key-1", RemovalOption.AwsRemoveFromPayer, TestData.Requester, TestData.ResellerId, TestData.CustomerId, "a-1", Now)
                .WithContact(contact)
                .WithDetails("moving on", "Fabrikam", null, "owner@contoso.com", "en", impact);
            db.RemovalRequests.Add(request);
            _clock.Advance(TimeSpan.FromHours(1));
            request.Apply(RequestTrigger.Accept, TestData.SupportAgent, _clock, "on it");
            await db.SaveChangesAsync();
            Assert.Empty(request.PendingAudit);
        }

        await using (var db = _database.CreateContext())
        {
            var loaded = await db.RemovalRequests.SingleAsync(r => r.Id == "R-RT0001");

            Assert.Equal(RemovalOption.AwsRemoveFromPayer, loaded.Kind);
            Assert.Equal(RequestStatus.Accepted, loaded.Status);
            Assert.Equal(1, loaded.Version);
            Assert.Equal("account:a-1", loaded.OpenSubjectKey);
            Assert.Equal(Now, loaded.CreatedAt);
            Assert.Equal(Now.AddHours(1), loaded.UpdatedAt);
            Assert.Equal(contact, loaded.Contact);
            Assert.Equal(impact, loaded.BillingImpact);
            Assert.Equal("moving on", loaded.Reason);
            Assert.Equal("Fabrikam", loaded.TargetPartnerName);
            Assert.Null(loaded.TargetPartnerTenantId);
            Assert.Equal("owner@contoso.com", loaded.EndCustomerEmail);
            Assert.Equal("en", loaded.EndCustomerLanguage);
            Assert.Equal("on it", loaded.LastNote);
            Assert.Empty(loaded.PendingAudit);

            var audit = await db.AuditEvents.Where(e => e.EntityId == "R-RT0001").OrderBy(e => e.Id).ToListAsync();
            Assert.Equal(["Submitted", "Accept"], audit.Select(e => e.Action));
            Assert.Equal([TestData.Requester.Id, TestData.SupportAgent.Id], audit.Select(e => e.ActorId));
            Assert.Equal(Role.SupportAgent, audit[1].ActorRole);
            Assert.Equal("Submitted -> Accepted: on it", audit[1].Details);
            Assert.Equal(Now.AddHours(1), audit[1].At);
        }
    }

    [Fact]
    public async Task SaveChanges_RequestWithoutOwnedTypes_LoadsThemAsNull()
    {
        await using (var db = _database.CreateContext())
        {
            db.RemovalRequests.Add(new RemovalRequest("R-RT0002", "key-2", RemovalOption.AzureSuspend, TestData.Requester, TestData.ResellerId, TestData.CustomerId, "z-1", Now));
            await db.SaveChangesAsync();
        }

        await using (var db = _database.CreateContext())
        {
            var loaded = await db.RemovalRequests.SingleAsync();
            Assert.Null(loaded.Contact);
            Assert.Null(loaded.BillingImpact);
        }
    }

    [Fact]
    public async Task SaveChanges_TwoContextsApplyToSameRequest_SecondThrowsConcurrencyException()
    {
        await using (var db = _database.CreateContext())
        {
            db.RemovalRequests.Add(new RemovalRequest("R-CC0001", "key-cc", RemovalOption.AwsRemoveFromPayer, TestData.Requester, TestData.ResellerId, TestData.CustomerId, "a-1", Now));
            await db.SaveChangesAsync();
        }

        await using var first = _database.CreateContext();
        await using var second = _database.CreateContext();
        var mine = await first.RemovalRequests.SingleAsync();
        var theirs = await second.RemovalRequests.SingleAsync();
        mine.Apply(RequestTrigger.Accept, TestData.SupportAgent, _clock);
        theirs.Apply(RequestTrigger.Cancel, TestData.Requester, _clock);

        await first.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var check = _database.CreateContext();
        var stored = await check.RemovalRequests.SingleAsync();
        Assert.Equal(RequestStatus.Accepted, stored.Status);
        Assert.Equal(1, stored.Version);
        // The loser's audit event was rolled back with its update.
        Assert.Equal(["Submitted", "Accept"], await check.AuditEvents.Where(e => e.EntityId == "R-CC0001").OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
    }

    [Fact]
    public async Task SaveChanges_ModifiedAuditEvent_ThrowsAndStoresNothing()
    {
        await using (var db = _database.CreateContext())
        {
            db.AuditEvents.Add(new AuditEvent(Now, TestData.SupportAgent, "CloudAccount", "a-1", "Noted", "original"));
            await db.SaveChangesAsync();
        }

        await using (var db = _database.CreateContext())
        {
            var audit = await db.AuditEvents.SingleAsync();
            db.Entry(audit).Property(e => e.Details).CurrentValue = "rewritten";

            var error = Assert.Throws<DomainException>(() => db.SaveChanges());
            Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
            await Assert.ThrowsAsync<DomainException>(() => db.SaveChangesAsync());
        }

        await using (var db = _database.CreateContext())
        {
            Assert.Equal("original", (await db.AuditEvents.SingleAsync()).Details);
        }
    }

    [Fact]
    public async Task SaveChanges_DeletedAuditEvent_Throws()
    {
        await using (var db = _database.CreateContext())
        {
            db.AuditEvents.Add(new AuditEvent(Now, TestData.SupportAgent, "CloudAccount", "a-1", "Noted"));
            await db.SaveChangesAsync();
        }

        await using (var db = _database.CreateContext())
        {
            db.AuditEvents.Remove(await db.AuditEvents.SingleAsync());

            await Assert.ThrowsAsync<DomainException>(() => db.SaveChangesAsync());
        }

        await using (var db = _database.CreateContext())
        {
            Assert.Equal(1, await db.AuditEvents.CountAsync());
        }
    }

    [Fact]
    public async Task SaveChanges_TwoOpenRequestsForOneAccount_SecondRejectedByUniqueIndex()
    {
        await using (var db = _database.CreateContext())
        {
            db.RemovalRequests.Add(new RemovalRequest("R-OPEN01", "key-a", RemovalOption.AwsRemoveFromPayer, TestData.Requester, TestData.ResellerId, TestData.CustomerId, "a-1", Now));
            await db.SaveChangesAsync();
        }

        await using (var db = _database.CreateContext())
        {
            db.RemovalRequests.Add(new RemovalRequest("R-OPEN02", "key-b", RemovalOption.AwsSelfUnlink, TestData.Colleague, TestData.ResellerId, TestData.CustomerId, "a-1", Now));

            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await using (var db = _database.CreateContext())
        {
            Assert.Equal(["R-OPEN01"], await db.RemovalRequests.Select(r => r.Id).ToListAsync());
        }
    }

    [Fact]
    public async Task SaveChanges_NewRequestAfterEarlierOneClosed_Allowed()
    {
        await using (var db = _database.CreateContext())
        {
            var first = new RemovalRequest("R-OPEN01", "key-a", RemovalOption.AwsRemoveFromPayer, TestData.Requester, TestData.ResellerId, TestData.CustomerId, "a-1", Now);
            first.Apply(RequestTrigger.Cancel, TestData.Requester, _clock);
            db.RemovalRequests.Add(first);
            db.RemovalRequests.Add(new RemovalRequest("R-OPEN02", "key-b", RemovalOption.AwsSelfUnlink, TestData.Requester, TestData.ResellerId, TestData.CustomerId, "a-1", Now));
            await db.SaveChangesAsync();
        }

        await using (var db = _database.CreateContext())
        {
            Assert.Equal(2, await db.RemovalRequests.CountAsync());
            Assert.Equal(1, await db.RemovalRequests.CountAsync(r => r.OpenSubjectKey != null));
        }
    }

    [Fact]
    public async Task SaveChanges_SameIdempotencyKeyTwice_RejectedByUniqueIndex()
    {
        await using var db = _database.CreateContext();
        db.RemovalRequests.Add(new RemovalRequest("R-IK0001", "same", RemovalOption.AwsRemoveFromPayer, TestData.Requester, TestData.ResellerId, TestData.CustomerId, "a-1", Now));
        db.RemovalRequests.Add(new RemovalRequest("R-IK0002", "same", RemovalOption.AzureSuspend, TestData.Requester, TestData.ResellerId, TestData.CustomerId, "z-1", Now));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task SaveChanges_DuplicateAccountNumber_RejectedByUniqueIndex()
    {
        await using (var db = _database.CreateContext())
        {
            db.CloudAccounts.Add(TestData.Aws(id: "a-dup"));

            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await using var check = _database.CreateContext();
        Assert.Equal(1, await check.CloudAccounts.CountAsync(a => a.ExternalId == TestData.AwsNumber));
    }
}
