using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SesBot.Core.Domain;
using SesBot.Core.Execution;
using SesBot.Core.Gateways;
using SesBot.Core.Gateways.Aws;
using SesBot.Core.Gateways.Azure;
using SesBot.Core.Gateways.Simulated;
using SesBot.Core.Persistence;
using SesBot.Core.Tests.Execution;
using SesBot.Core.Workflow;

namespace SesBot.Core.Tests.Gateways.Simulated;

/// <summary>The simulated organization and Partner Center (local mode) on a real SQLite file seeded with the demo data.</summary>
public sealed class SimulatedGatewayTests : IAsyncLifetime
{
    private const string OrdinaryAccount = "345678901234"; // Adventure Works Web, customer-owned
    private ExecutionHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await ExecutionHarness.StartAsync(seed: db => DemoData.AddTo(db, DateTimeOffset.UtcNow));

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private IAwsOrganizationGateway Aws => _harness.Services.GetRequiredService<IAwsOrganizationGateway>();

    private IAzureSubscriptionGateway Azure => _harness.Services.GetRequiredService<IAzureSubscriptionGateway>();

    [Theory]
    [InlineData(SimulatedScenarios.PaymentInstrumentAccount, "MEMBER_ACCOUNT_PAYMENT_INSTRUMENT_REQUIRED")]
    [InlineData(SimulatedScenarios.PhoneVerificationAccount, "ACCOUNT_CANNOT_LEAVE_WITHOUT_PHONE_VERIFICATION")]
    [InlineData(SimulatedScenarios.DelegatedAdministratorAccount, "CANNOT_REMOVE_DELEGATED_ADMINISTRATOR_FROM_ORG")]
    [InlineData(SimulatedScenarios.RecentlyCreatedAccount, "WAIT_PERIOD_ACTIVE")]
    public async Task RemoveAccount_DemoScenario_RefusedWithItsReasonAndStaysMember(string accountId, string reason)
    {
        var ex = await Assert.ThrowsAsync<AwsOrganizationsException>(() => Aws.RemoveAccountAsync(accountId, CancellationToken.None));

        Assert.Equal(AwsErrorKind.ConstraintViolation, ex.Kind);
        Assert.Equal(reason, ex.Error.Reason);
        Assert.True(await Aws.IsMemberAsync(accountId, CancellationToken.None));
        Assert.Equal(1, await RemoveCallsAsync(accountId));
    }

    [Fact]
    public async Task ReadAccount_NotMemberScenario_NotMemberAndRemoveIsAccountNotFound()
    {
        var facts = await Aws.ReadAccountAsync(SimulatedScenarios.NotMemberAccount, CancellationToken.None);
        var ex = await Assert.ThrowsAsync<AwsOrganizationsException>(() => Aws.RemoveAccountAsync(SimulatedScenarios.NotMemberAccount, CancellationToken.None));

        Assert.False(facts.IsMember);
        Assert.Equal(AwsErrorKind.AccountNotFound, ex.Kind);
    }

    [Fact]
    public async Task ReadAccount_DemoAccounts_FactsFromSesAndScenarios()
    {
        var ordinary = await Aws.ReadAccountAsync(OrdinaryAccount, CancellationToken.None);
        var delegated = await Aws.ReadAccountAsync(SimulatedScenarios.DelegatedAdministratorAccount, CancellationToken.None);
        var recent = await Aws.ReadAccountAsync(SimulatedScenarios.RecentlyCreatedAccount, CancellationToken.None);
        var unknown = await Aws.ReadAccountAsync("999999999999", CancellationToken.None);

        Assert.True(Aws.IsSimulated);
        Assert.Equal(("ACTIVE", AwsAccountFacts.Invited), (ordinary.State, ordinary.JoinedMethod));
        Assert.Contains(ordinary.Tags, t => t.Key == "ses:account" && t.Value == "a-adventure-web");
        Assert.Equal(["guardduty.amazonaws.com"], delegated.DelegatedServices);
        Assert.Equal(AwsAccountFacts.Created, recent.JoinedMethod);
        Assert.False(unknown.IsMember);

        var account = await _harness.ReadAsync(db => db.CloudAccounts.SingleAsync(a => a.ExternalId == SimulatedScenarios.RecentlyCreatedAccount));
        var findings = PreflightAssessment.Assess(account, recent, DateTimeOffset.UtcNow);
        Assert.Contains(findings, f => f.Severity == PreflightSeverity.Blocker && f.Text.Contains("less than 4 days", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Severity == PreflightSeverity.Warning && f.Text.Contains("CREATED", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RemoveAccount_Ordinary_LeavesOnceSecondCallIsAccountNotFound()
    {
        await Aws.RemoveAccountAsync(OrdinaryAccount, CancellationToken.None);
        var again = await Assert.ThrowsAsync<AwsOrganizationsException>(() => Aws.RemoveAccountAsync(OrdinaryAccount, CancellationToken.None));

        Assert.False(await Aws.IsMemberAsync(OrdinaryAccount, CancellationToken.None));
        Assert.Equal(AwsErrorKind.AccountNotFound, again.Kind);
        Assert.Equal(2, await RemoveCallsAsync(OrdinaryAccount));
    }

    [Theory]
    [InlineData("AccessDenied", AwsErrorKind.AccessDenied, null)]
    [InlineData("TooManyRequests", AwsErrorKind.TooManyRequests, null)]
    [InlineData("ConcurrentModification", AwsErrorKind.ConcurrentModification, null)]
    [InlineData("MasterCannotLeaveOrganization", AwsErrorKind.MasterCannotLeaveOrganization, null)]
    [InlineData("AwsOrganizationsNotInUse", AwsErrorKind.AwsOrganizationsNotInUse, null)]
    [InlineData("ConstraintViolation:ACCOUNT_CANNOT_LEAVE_WITHOUT_EULA", AwsErrorKind.ConstraintViolation, "ACCOUNT_CANNOT_LEAVE_WITHOUT_EULA")]
    [InlineData("OutcomeUnknown", AwsErrorKind.OutcomeUnknown, null)]
    public async Task RemoveAccount_FailureColumn_ProducesThatTypedError(string failure, AwsErrorKind kind, string? reason)
    {
        await Aws.ReadAccountAsync(OrdinaryAccount, CancellationToken.None);
        await SetFailureAsync(OrdinaryAccount, failure);

        var ex = await Assert.ThrowsAsync<AwsOrganizationsException>(() => Aws.RemoveAccountAsync(OrdinaryAccount, CancellationToken.None));

        Assert.Equal(kind, ex.Kind);
        Assert.Equal(reason, ex.Error.Reason);
        Assert.True(await Aws.IsMemberAsync(OrdinaryAccount, CancellationToken.None));
    }

    [Fact]
    public async Task Execution_OutcomeUnknownAfterRemoval_ReconciledAsSucceededWithOneCall()
    {
        var alex = new Actor("alex", "Alex Wilber", Role.ResellerUser, DemoData.NorthwindResellerId);
        var agent = new Actor("megan", "Megan Bowen", Role.SupportAgent);
        await Aws.ReadAccountAsync(OrdinaryAccount, CancellationToken.None);
        await SetFailureAsync(OrdinaryAccount, "OutcomeUnknownAfterRemoval");
        string requestId;
        await using (var scope = _harness.Services.CreateAsyncScope())
        {
            var submitted = await scope.ServiceProvider.GetRequiredService<RemovalRequestService>()
                .SubmitAsync(new SubmitRemovalRequest("k-1", alex, RemovalOption.AwsRemoveFromPayer, "a-adventure-web"));
            await scope.ServiceProvider.GetRequiredService<SesBotDbContext>().SaveChangesAsync();
            requestId = submitted.Request!.Id;
        }

        var claim = await _harness.ClickAsync(requestId, agent);
        var report = await _harness.RunAsync(claim.Execution!.Id);

        Assert.True(claim.Execution.Simulated);
        Assert.Equal(CloudExecutionStatus.Succeeded, report!.Execution.Status);
        Assert.Equal(1, await RemoveCallsAsync(OrdinaryAccount));
        Assert.Equal(RequestStatus.Completed, await _harness.ReadAsync(db => db.RemovalRequests.Where(r => r.Id == requestId).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task Suspend_Azure_ActiveSuspendedAndReadBackAlreadySuspendedSendsNothingForbiddenRefused()
    {
        const string Active = "9d8c7b6a-5e4f-4a3b-2c1d-0e9f8a7b6c5d";
        var tailspin = SimulatedScenarios.TenantOf("c-tailspin");
        var lucerne = SimulatedScenarios.TenantOf("c-lucerne");

        var suspended = await Azure.SuspendAsync(tailspin, Active, CancellationToken.None);
        var already = await Azure.SuspendAsync(tailspin, SimulatedScenarios.SuspendedSubscription, CancellationToken.None);
        var forbidden = await Assert.ThrowsAsync<PartnerCenterException>(() => Azure.SuspendAsync(lucerne, SimulatedScenarios.ForbiddenSubscription, CancellationToken.None));

        Assert.Equal((SuspensionOutcome.Suspended, "active", "suspended"), (suspended.Outcome, suspended.StatusBefore, suspended.StatusAfter));
        Assert.True((await Azure.ReadAsync(tailspin, Active, CancellationToken.None)).IsSuspended);
        Assert.Equal(SuspensionOutcome.AlreadySuspended, already.Outcome);
        Assert.Equal(PartnerCenterErrorKind.Forbidden, forbidden.Kind);
        var calls = await _harness.ReadAsync(db => db.Set<SimulatedAzureSubscription>().ToDictionaryAsync(s => s.SubscriptionId, s => s.PatchCalls));
        Assert.Equal((1, 0, 1), (calls[Active], calls[SimulatedScenarios.SuspendedSubscription], calls[SimulatedScenarios.ForbiddenSubscription]));
    }

    [Fact]
    public async Task Azure_TenantOfTheDemoCustomer_FoundAnotherTenantOrNone_RefusedLikePartnerCenterAndNothingSent()
    {
        const string Subscription = "9d8c7b6a-5e4f-4a3b-2c1d-0e9f8a7b6c5d"; // Tailspin Production
        var tailspin = await _harness.ReadAsync(db => db.Customers.Where(c => c.Id == "c-tailspin").Select(c => c.AzureTenantId).SingleAsync());
        var contoso = SimulatedScenarios.TenantOf("c-contoso");

        var found = await Azure.ReadAsync(tailspin, Subscription, CancellationToken.None);
        var elsewhere = await Assert.ThrowsAsync<PartnerCenterException>(() => Azure.SuspendAsync(contoso, Subscription, CancellationToken.None));
        var none = await Assert.ThrowsAsync<PartnerCenterException>(() => Azure.ReadAsync(null, Subscription, CancellationToken.None));

        Assert.Equal(SimulatedScenarios.TenantOf("c-tailspin"), tailspin);
        Assert.Equal("active", found.Status);
        Assert.Equal(PartnerCenterErrorKind.NotFound, elsewhere.Kind);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.Contains($"subscription {Subscription} of customer {contoso}", elsewhere.Message, StringComparison.Ordinal);
        Assert.Equal(PartnerCenterErrorKind.BadRequest, none.Kind);
        Assert.Equal(0, await _harness.ReadAsync(db => db.Set<SimulatedAzureSubscription>().Where(s => s.SubscriptionId == Subscription).Select(s => s.PatchCalls).SingleAsync()));
    }

    [Fact]
    public void TenantOf_SameCustomer_SameGuidEveryTimeAndDistinctPerCustomer()
    {
        var first = SimulatedScenarios.TenantOf("c-contoso");

        Assert.Equal(first, SimulatedScenarios.TenantOf("c-contoso"));
        Assert.NotEqual(first, SimulatedScenarios.TenantOf("c-tailspin"));
        Assert.Equal(first, AzureTenant.Normalize(first));
        Assert.Equal('8', first[14]); // version 8 (RFC 9562, custom)
        Assert.Equal("c0583efb-602e-8aa2-a25b-cdc17651f4c9", first); // as docs/partner-center.md lists it
    }

    private Task<int> RemoveCallsAsync(string accountId) =>
        _harness.ReadAsync(db => db.Set<SimulatedAwsAccount>().Where(a => a.AccountId == accountId).Select(a => a.RemoveCalls).SingleAsync());

    private Task<int> SetFailureAsync(string accountId, string failure) =>
        _harness.ReadAsync(db => db.Set<SimulatedAwsAccount>().Where(a => a.AccountId == accountId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Failure, failure)));
}
