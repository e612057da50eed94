using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SesBot.Core.Domain;
using SesBot.Core.Gateways;
using SesBot.Core.Gateways.Aws;
using SesBot.Core.Gateways.Azure;
using SesBot.Core.Gateways.Simulated;
using SesBot.Core.Persistence;
using SesBot.Core.Tests.Execution;
using SesBot.Core.Tests.Support;

namespace SesBot.Core.Tests.Gateways.Simulated;

/// <summary>
/// Local mode's simulated organization, billing transfers and Partner Center are seeded from SES's accounts up front
/// (real SQLite, the demo data), so a demo account's behaviour is in the table before anyone has checked it.
/// </summary>
public sealed class SimulatedCloudSeedTests : IAsyncLifetime
{
    private const string OrdinaryAccount = "345678901234"; // Adventure Works Web
    private ExecutionHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await ExecutionHarness.StartAsync(seed: db => DemoData.AddTo(db, DateTimeOffset.UtcNow));

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Seed_DemoData_EveryAccountHasItsScenarioRowBeforeAnyRead()
    {
        var added = await SeedAsync(aws: true, azure: true);

        var (awsIds, azureIds, members, transfers, subscriptions) = await _harness.ReadAsync(async db => (
            await db.CloudAccounts.Where(a => a.Provider == CloudProvider.Aws).Select(a => a.ExternalId).OrderBy(x => x).ToListAsync(),
            await db.CloudAccounts.Where(a => a.Provider == CloudProvider.Azure).Select(a => a.ExternalId).OrderBy(x => x).ToListAsync(),
            await db.Set<SimulatedAwsAccount>().ToDictionaryAsync(m => m.AccountId),
            await db.Set<SimulatedBillingTransfer>().ToListAsync(),
            await db.Set<SimulatedAzureSubscription>().ToDictionaryAsync(s => s.SubscriptionId)));
        Assert.Equal(awsIds, members.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(azureIds, subscriptions.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(awsIds.Count + azureIds.Count + transfers.Count, added);
        Assert.All(members.Values, m => Assert.Equal(0, m.RemoveCalls));
        Assert.Equal("ConstraintViolation:MEMBER_ACCOUNT_PAYMENT_INSTRUMENT_REQUIRED", members[SimulatedScenarios.PaymentInstrumentAccount].Failure);
        Assert.Equal("ConstraintViolation:ACCOUNT_CANNOT_LEAVE_WITHOUT_PHONE_VERIFICATION", members[SimulatedScenarios.PhoneVerificationAccount].Failure);
        Assert.Equal("guardduty.amazonaws.com", members[SimulatedScenarios.DelegatedAdministratorAccount].DelegatedServices);
        Assert.Equal(AwsAccountFacts.Created, members[SimulatedScenarios.RecentlyCreatedAccount].JoinedMethod);
        Assert.False(members[SimulatedScenarios.NotMemberAccount].IsMember);
        Assert.False(members["890123456789"].IsMember); // Coho Winery: billed through a transfer, never a member of the payer's organization
        Assert.True(members[OrdinaryAccount].IsMember);
        var transfer = Assert.Single(transfers);
        Assert.Equal(("rt-coho7x2k9m4q", BillingTransferFacts.Accepted), (transfer.TransferId, transfer.Status));
        Assert.Equal(nameof(PartnerCenterErrorKind.Forbidden), subscriptions[SimulatedScenarios.ForbiddenSubscription].Failure);
        Assert.Equal(PartnerCenterSubscriptionStatus.Suspended, subscriptions[SimulatedScenarios.SuspendedSubscription].Status);
    }

    [Fact]
    public async Task Seed_FailureSetByHandBeforeTheFirstCheck_RemovalProducesThatError()
    {
        await SeedAsync(aws: true, azure: true);

        // docs/aws.md §6, word for word: an operator chooses the error a demo account produces, before anyone looked at it.
        var changed = await _harness.ReadAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE SimulatedAwsAccounts SET Failure = 'ConstraintViolation:ACCOUNT_CANNOT_LEAVE_WITHOUT_EULA' WHERE AccountId = '345678901234';"));
        var aws = _harness.Services.GetRequiredService<IAwsOrganizationGateway>();
        var ex = await Assert.ThrowsAsync<AwsOrganizationsException>(() => aws.RemoveAccountAsync(OrdinaryAccount, CancellationToken.None));

        Assert.Equal(1, changed);
        Assert.Equal(AwsErrorKind.ConstraintViolation, ex.Kind);
        Assert.Equal("ACCOUNT_CANNOT_LEAVE_WITHOUT_EULA", ex.Error.Reason);
        Assert.NotEqual(AwsErrorTexts.GenericCustomerText, ex.Error.Guidance.CustomerText);
        Assert.True(await aws.IsMemberAsync(OrdinaryAccount, CancellationToken.None));
    }

    [Fact]
    public async Task Seed_AgainAfterChanges_AddsNothingAndKeepsWhatHappened()
    {
        await SeedAsync(aws: true, azure: true);
        var aws = _harness.Services.GetRequiredService<IAwsOrganizationGateway>();
        await aws.RemoveAccountAsync(OrdinaryAccount, CancellationToken.None);
        await _harness.ReadAsync(db => db.Set<SimulatedAwsAccount>().Where(a => a.AccountId == "123456789012")
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Failure, "TooManyRequests")));

        var added = await SeedAsync(aws: true, azure: true);

        Assert.Equal(0, added);
        var rows = await _harness.ReadAsync(db => db.Set<SimulatedAwsAccount>().ToDictionaryAsync(m => m.AccountId));
        Assert.False(rows[OrdinaryAccount].IsMember);
        Assert.Equal(1, rows[OrdinaryAccount].RemoveCalls);
        Assert.Equal("TooManyRequests", rows["123456789012"].Failure);
    }

    [Fact]
    public async Task Seed_AgainAfterSesGainedAccounts_AddsExactlyTheNewOnes()
    {
        var first = await SeedAsync(aws: true, azure: true);
        var joined = DateTimeOffset.UtcNow.AddDays(-20);
        await _harness.ReadAsync(async db =>
        {
            var customer = new Customer("c-later", DemoData.NorthwindResellerId, "Later Ltd");
            customer.AddAccount(TestData.Aws(AccountOrigin.CustomerOwned, id: "a-later", number: "902345678901", customerId: "c-later", linkedAt: joined));
            customer.AddAccount(TestData.Aws(AccountOrigin.BillingTransfer, id: "a-later-bt", number: "903456789012", customerId: "c-later", linkedAt: joined)
                .WithBillingTransfer("rt-later0000001", joined, "903456789012"));
            customer.AddAccount(TestData.Azure(id: "z-later", subscription: "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b", customerId: "c-later", linkedAt: joined));
            db.Customers.Add(customer);
            return await db.SaveChangesAsync();
        });

        var added = await SeedAsync(aws: true, azure: true);

        Assert.True(first > 0);
        Assert.Equal(4, added); // two members, their one transfer, one subscription
        var (members, transfer, subscription) = await _harness.ReadAsync(async db => (
            await db.Set<SimulatedAwsAccount>().Where(m => m.AccountId == "902345678901" || m.AccountId == "903456789012").OrderBy(m => m.AccountId).ToListAsync(),
            await db.Set<SimulatedBillingTransfer>().SingleAsync(t => t.TransferId == "rt-later0000001"),
            await db.Set<SimulatedAzureSubscription>().SingleAsync(x => x.SubscriptionId == "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b")));
        Assert.Equal([true, false], members.Select(m => m.IsMember)); // the transfer's account is never a member of the payer's organization
        Assert.Equal(BillingTransferFacts.Accepted, transfer.Status);
        Assert.Equal(PartnerCenterSubscriptionStatus.Active, subscription.Status);
        Assert.Equal(0, await SeedAsync(aws: true, azure: true));
    }

    [Fact]
    public async Task Seed_OnlyPartnerCenterSimulated_LeavesTheAwsTablesEmpty()
    {
        var added = await SeedAsync(aws: false, azure: true);

        var counts = await _harness.ReadAsync(async db => (
            Members: await db.Set<SimulatedAwsAccount>().CountAsync(),
            Transfers: await db.Set<SimulatedBillingTransfer>().CountAsync(),
            Subscriptions: await db.Set<SimulatedAzureSubscription>().CountAsync()));
        Assert.Equal((0, 0, added), counts);
        Assert.True(added > 0);
    }

    private async Task<int> SeedAsync(bool aws, bool azure)
    {
        await using var scope = _harness.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SimulatedCloudSeed>().SeedAsync(aws, azure, CancellationToken.None);
    }
}
