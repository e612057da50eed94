using Microsoft.Extensions.Time.Testing;
using SesBot.Bot.Cards;
using SesBot.Bot.Channels.Teams;
using SesBot.Bot.Channels.Teams.AdaptiveCards;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Bot.Tests.Support;
using SesBot.Core.Domain;
using SesBot.Core.Execution;
using SesBot.Core.Gateways;
using SesBot.Core.Gateways.Aws;
using SesBot.Core.Workflow;

namespace SesBot.Bot.Tests.Cards;

/// <summary>
/// The cloud cards against reviewed goldens in Golden/cards/cloud-*.json (and so through the official renderer by
/// <see cref="CardGoldenValidationTests"/>): the pre-flight check with its predictable failures, the answer to a click,
/// each result, and the reseller's notice. Execution ids are random and replaced by X-EXEC0001.
/// </summary>
public sealed class CloudCardGoldenTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 15, 30, 0, TimeSpan.Zero);
    private static readonly Actor Alex = new("msteams:t:alex", "Alex Wilber", Role.ResellerUser, "r-northwind");
    private static readonly Actor Megan = new("msteams:t:megan", "Megan Bowen", Role.SupportAgent);

    private readonly TeamsReplyRenderer _renderer = new();

    [Fact]
    public void CloudCards_PreflightClaimResultsAndNotice_MatchGoldens()
    {
        var (request, account) = Subject();
        var facts = new AwsAccountFacts("456789012345", true, "ACTIVE", AwsAccountFacts.Created, Now.AddDays(-1), ["guardduty.amazonaws.com"],
            [new AwsTag("ses:account", "a-adventure-data"), new AwsTag("cost-center", "4711")]);
        var blocked = new PreflightReport(request, account, true, PreflightAssessment.Assess(account, facts, Now)) { Aws = facts };
        Check("cloud-preflight-blocked-simulated", CloudCards.Preflight(blocked), null);

        var clean = facts with { JoinedMethod = AwsAccountFacts.Invited, JoinedAt = Now.AddMonths(-3), DelegatedServices = [] };
        Check("cloud-preflight-ready", CloudCards.Preflight(new PreflightReport(request, account, false, PreflightAssessment.Assess(account, clean, Now)) { Aws = clean }), null);

        var execution = new CloudExecution(request, CloudOperation.AwsRemoveFromOrganization, account.ExternalId, Megan, simulated: true, Now);
        Check("cloud-claimed", CloudCards.Claimed(new ClaimResult(ClaimOutcome.Started, request, execution), request.Id), execution);

        execution.StartCall(Now);
        var clock = new FakeTimeProvider(Now);
        request.Apply(RequestTrigger.Accept, Megan, clock);
        request.RecordBillingImpact(BillingImpactCalculator.Calculate(account.LinkedAt, Now.AddSeconds(2)), Megan, Now);
        request.Apply(RequestTrigger.MarkRemovedFromPayer, Megan, clock, "Removed from the payer organization and verified: AWS no longer lists it.");
        execution.Succeed(Now.AddSeconds(2), Now.AddSeconds(3));
        var details = new RequestDetails(request, new Customer("c-adventure", "r-northwind", "Adventure Works Cycles"), account, []);
        var done = new ExecutionReport(execution, true) { Details = details };
        Check("cloud-result-done", CloudCards.Result(done), execution);
        Check("cloud-reseller-notice", CloudCards.ResellerNotice(done), execution);

        var (other, otherAccount) = Subject();
        var refused = new CloudExecution(other, CloudOperation.AwsRemoveFromOrganization, otherAccount.ExternalId, Megan, simulated: false, Now);
        refused.StartCall(Now);
        var guidance = AwsErrorTexts.ForConstraintReason("MEMBER_ACCOUNT_PAYMENT_INSTRUMENT_REQUIRED");
        refused.Fail("ConstraintViolation:MEMBER_ACCOUNT_PAYMENT_INSTRUMENT_REQUIRED", guidance.SupportText, Now);
        Check("cloud-result-refused", CloudCards.Result(new ExecutionReport(refused, true) { CustomerText = guidance.CustomerText, RetryMakesSense = true }), refused);

        var (third, thirdAccount) = Subject();
        var unknown = new CloudExecution(third, CloudOperation.AwsRemoveFromOrganization, thirdAccount.ExternalId, Megan, simulated: false, Now);
        unknown.StartCall(Now);
        unknown.MarkUnknown("OutcomeUnknown", "Outcome unknown: the request reached AWS but no answer came back. AWS still lists the account as a member; SesBot will not call again by itself.", Now);
        Check("cloud-result-unknown", CloudCards.Result(new ExecutionReport(unknown, false)), unknown);
    }

    [Fact]
    public void CloudCards_AzureTenantNeededMalformedCheckingAndSaved_MatchGoldens()
    {
        var account = new CloudAccount("z-tailspin-prod", "c-tailspin", CloudProvider.Azure, "9d8c7b6a-5e4f-4a3b-2c1d-0e9f8a7b6c5d", "Tailspin Production",
            AccountOrigin.DistributorAssigned, new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var request = new RemovalRequest("R-AZURE1", "k-2", RemovalOption.AzureSuspend, Alex, "r-northwind", "c-tailspin", account.Id, Now.AddHours(-2));
        var needed = new PreflightReport(request, account, false, []) { CustomerName = "Tailspin Toys", NeedsAzureTenant = true };
        const string Tenant = "4d3cf487-70f4-4e1e-9ff1-b2bfce8d9f04";

        Check("cloud-preflight-azure-tenant-needed", CloudCards.Preflight(needed), null);
        // What support typed is kept in the box and shown as typed (markdown in it stays text).
        Check("cloud-preflight-azure-tenant-malformed", CloudCards.Preflight(needed, "[tailspin](https://example.com)",
            "\"[tailspin](https://example.com)\" is not a tenant id. The Microsoft ID is a GUID: 32 hexadecimal digits in groups of 8-4-4-4-12, such as 8c5f0e2a-1b3d-4e6f-9a7b-0c1d2e3f4a5b. Nothing was saved."), null);
        Check("cloud-azure-tenant-checking", CloudCards.AzureTenantChecking(needed, Tenant), null);
        var found = needed with
        {
            NeedsAzureTenant = false,
            AzureTenantId = Tenant,
            Azure = new AzureSubscriptionFacts(account.ExternalId, "active", "Azure plan"),
        };
        Check("cloud-azure-tenant-saved", CloudCards.AzureTenantChecked(new AzureTenantCheck(AzureTenantOutcome.Saved, Tenant, found)), null);
        Check("cloud-azure-tenant-not-found", CloudCards.AzureTenantChecked(new AzureTenantCheck(AzureTenantOutcome.NotFound, Tenant, needed)), null);
    }

    private static (RemovalRequest Request, CloudAccount Account) Subject()
    {
        var account = new CloudAccount("a-adventure-data", "c-adventure", CloudProvider.Aws, "456789012345", "Adventure Works Data", AccountOrigin.CustomerOwned,
            new DateTimeOffset(2026, 11, 14, 9, 0, 0, TimeSpan.Zero));
        var request = new RemovalRequest("R-CLOUD1", "k-1", RemovalOption.AwsRemoveFromPayer, Alex, "r-northwind", "c-adventure", account.Id, Now.AddHours(-2));
        return (request, account);
    }

    private void Check(string name, Reply reply, CloudExecution? execution)
    {
        var json = AdaptiveCardSerializer.Serialize(_renderer.ToCard(reply));
        if (execution is not null)
        {
            json = json.Replace(execution.Id, "X-EXEC0001", StringComparison.Ordinal);
        }

        Golden.AssertJson($"{CardGoldens.Folder}/{name}", json);
    }
}
