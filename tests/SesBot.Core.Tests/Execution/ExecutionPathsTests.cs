using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SesBot.Core.Domain;
using SesBot.Core.Execution;
using SesBot.Core.Gateways.Simulated;
using SesBot.Core.Tests.Support;
using SesBot.Core.Workflow;

namespace SesBot.Core.Tests.Execution;

/// <summary>The other requests SesBot carries out: Azure suspension and the last milestone of an AWS transfer of ownership (simulated gateways).</summary>
public sealed class ExecutionPathsTests
{
    [Fact]
    public async Task AzureSuspend_SupportClicks_SuspendedReadBackAndRequestCompletedOnce()
    {
        await using var harness = await ExecutionHarness.StartAsync();
        var requestId = await harness.SubmitAsync(RemovalOption.AzureSuspend, ExecutionHarness.AzureAccount, reason: "Unpaid invoices");

        var claim = await harness.ClickAsync(requestId, TestData.SupportAgent);
        var report = await harness.RunAsync(claim.Execution!.Id);
        var again = await harness.RunAsync(claim.Execution.Id);

        Assert.Equal(CloudOperation.AzureSuspendSubscription, claim.Execution.Operation);
        Assert.Equal(CloudExecutionStatus.Succeeded, report!.Execution.Status);
        Assert.False(again!.EndedNow);
        var state = await harness.ReadAsync(async db => (
            Request: await db.RemovalRequests.SingleAsync(r => r.Id == requestId),
            Account: await db.CloudAccounts.SingleAsync(a => a.Id == ExecutionHarness.AzureAccount),
            Simulated: await db.Set<SimulatedAzureSubscription>().SingleAsync(s => s.SubscriptionId == ExecutionHarness.AzureNumber)));
        Assert.Equal(RequestStatus.Completed, state.Request.Status);
        Assert.Equal(AccountState.Suspended, state.Account.State);
        Assert.Equal(("suspended", 1), (state.Simulated.Status, state.Simulated.PatchCalls));
    }

    [Fact]
    public async Task TransferOfOwnership_OnlyAtTheLastMilestone_RemovedThenCompleted()
    {
        await using var harness = await ExecutionHarness.StartAsync(seed: db =>
        {
            ExecutionHarness.SeedDefault(db);
            db.Customers.Local.Single().AddAccount(TestData.Aws(AccountOrigin.DistributorAssigned, id: "a-assigned", number: "444444444444"));
        });
        string requestId;
        await using (var scope = harness.Services.CreateAsyncScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<RemovalRequestService>();
            var contact = new TransferContactDraft
            {
                CompanyName = "Fabrikam", ContactName = "Jo Doe", ContactPhone = "+1 425 555 0100", StreetAddress = "1 Main St", City = "Redmond",
                StateOrRegion = "WA", PostalCode = "98052", Country = "US", BillingContactName = "Jo Doe", BillingContactPhone = "+1 425 555 0100",
                BillingContactEmail = "billing@fabrikam.example", AssignmentEmail = "aws@fabrikam.example",
            };
            var submitted = await service.SubmitAsync(new SubmitRemovalRequest("k-transfer", TestData.Requester, RemovalOption.AwsTransferOwnership, "a-assigned", Contact: contact));
            Assert.True(submitted.Succeeded, submitted.Message);
            requestId = submitted.Request!.Id;
            await scope.ServiceProvider.GetRequiredService<SesBot.Core.Persistence.SesBotDbContext>().SaveChangesAsync();
        }

        var tooEarly = await harness.ClickAsync(requestId, TestData.SupportAgent);
        Assert.Equal(ClaimOutcome.Refused, tooEarly.Outcome);

        await using (var scope = harness.Services.CreateAsyncScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<RemovalRequestService>();
            foreach (var trigger in new[] { RequestTrigger.Accept, RequestTrigger.MarkAwsContacted, RequestTrigger.MarkPaperworkComplete, RequestTrigger.MarkCredentialsDelivered })
            {
                Assert.True((await service.ApplyAsync(new ApplyRequestTrigger(requestId, trigger, TestData.SupportAgent))).Succeeded);
            }

            await scope.ServiceProvider.GetRequiredService<SesBot.Core.Persistence.SesBotDbContext>().SaveChangesAsync();
        }

        var claim = await harness.ClickAsync(requestId, TestData.SupportAgent);
        var report = await harness.RunAsync(claim.Execution!.Id);

        Assert.Equal(CloudExecutionStatus.Succeeded, report!.Execution.Status);
        Assert.Equal(RequestStatus.Completed, await harness.ReadAsync(db => db.RemovalRequests.Where(r => r.Id == requestId).Select(r => r.Status).SingleAsync()));
        Assert.Equal(1, await harness.ReadAsync(db => db.Set<SimulatedAwsAccount>().Where(a => a.AccountId == "444444444444").Select(a => a.RemoveCalls).SingleAsync()));
    }
}
