using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SesBot.Core.Domain;
using SesBot.Core.Execution;
using SesBot.Core.Persistence;
using SesBot.Core.Tests.Support;

namespace SesBot.Core.Tests.Execution;

/// <summary>
/// Exactly-once removal from the payer organization with SesBot's real Organizations client, through the gateway port,
/// against a local stand-in speaking the Organizations JSON protocol that counts every RemoveAccountFromOrganization.
/// </summary>
public sealed class ExactlyOnceTests
{
    private static readonly Actor OtherAgent = new("s-sue", "Sue (support)", Role.SupportAgent);

    [Fact]
    public async Task Run_RealClientThroughPort_RemovesOnceVerifiesAndCompletesRequest()
    {
        var organization = new FakeOrganization(ExecutionHarness.OwnedNumber, ExecutionHarness.OtherNumber);
        await using var harness = await ExecutionHarness.StartAsync(organization);
        var requestId = await harness.SubmitAsync(RemovalOption.AwsRemoveFromPayer, ExecutionHarness.OwnedAccount);

        var claim = await harness.ClickAsync(requestId, TestData.SupportAgent);
        var before = DateTimeOffset.UtcNow;
        var report = await harness.RunAsync(claim.Execution!.Id);

        Assert.Equal(ClaimOutcome.Started, claim.Outcome);
        Assert.False(claim.Execution.Simulated);
        Assert.Equal(CloudExecutionStatus.Succeeded, report!.Execution.Status);
        Assert.Equal(1, organization.RemoveCalls);
        Assert.False(organization.IsMember(ExecutionHarness.OwnedNumber));
        Assert.All(harness.Server!.Requests, r => Assert.Null(r.SignatureProblem));
        var operations = harness.Server.Requests.OrderBy(r => r.Number).Select(r => r.Operation).ToList();
        Assert.True(operations.IndexOf("ListTagsForResource") < operations.IndexOf("RemoveAccountFromOrganization"));
        Assert.Contains("ListAccounts", operations[operations.IndexOf("RemoveAccountFromOrganization")..]);

        var (request, account, audit, execution) = await StateAsync(harness, requestId);
        Assert.Equal(RequestStatus.Completed, request.Status);
        Assert.Equal(AccountState.Departed, account.State);
        Assert.Equal(1, execution.Attempts);
        Assert.Null(execution.ActiveKey);
        Assert.NotNull(request.BillingImpact);
        Assert.InRange(request.BillingImpact!.PeriodEnd, before, DateTimeOffset.UtcNow);
        Assert.Equal(execution.CompletedAt, request.BillingImpact.PeriodEnd);
        var tags = Assert.Single(audit, e => e.Action == "AwsTagsRecorded");
        Assert.Contains("cost-center=4711", tags.Details, StringComparison.Ordinal);
        Assert.True(tags.Id < audit.Single(e => e.Action == "Departed").Id, "tags are recorded before the account departs");
        Assert.Equal(TestData.SupportAgent.Id, audit.Single(e => e.Action == nameof(RequestTrigger.MarkRemovedFromPayer)).ActorId);
    }

    [Fact]
    public async Task Click_DoubleClickAndRedelivery_OneExecutionOneCall()
    {
        var organization = new FakeOrganization(ExecutionHarness.OwnedNumber);
        await using var harness = await ExecutionHarness.StartAsync(organization);
        var requestId = await harness.SubmitAsync(RemovalOption.AwsRemoveFromPayer, ExecutionHarness.OwnedAccount);

        var first = await harness.ClickAsync(requestId, TestData.SupportAgent);
        var second = await harness.ClickAsync(requestId, TestData.SupportAgent);
        await harness.RunAsync(first.Execution!.Id);
        var redelivered = await harness.RunAsync(first.Execution.Id);
        var late = await harness.ClickAsync(requestId, OtherAgent);

        Assert.Equal(ClaimOutcome.AlreadyRunning, second.Outcome);
        Assert.Equal(first.Execution.Id, second.Execution!.Id);
        Assert.False(redelivered!.EndedNow);
        Assert.Equal(CloudExecutionStatus.Succeeded, redelivered.Execution.Status);
        Assert.Equal(ClaimOutcome.Refused, late.Outcome);
        Assert.Equal(1, organization.RemoveCalls);
        Assert.Equal(1, await harness.ReadAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == CloudExecutionOutbox.ExecuteKind)));
    }

    [Fact]
    public async Task Click_TwoAgentsAtOnce_OneCommitsTheOtherConflicts()
    {
        var organization = new FakeOrganization(ExecutionHarness.OwnedNumber);
        await using var harness = await ExecutionHarness.StartAsync(organization);
        var requestId = await harness.SubmitAsync(RemovalOption.AwsRemoveFromPayer, ExecutionHarness.OwnedAccount);

        using var start = new Barrier(2);
        var clicks = new[] { TestData.SupportAgent, OtherAgent }.Select(agent => Task.Run(async () =>
        {
            start.SignalAndWait();
            try
            {
                return (object)await harness.ClickAsync(requestId, agent);
            }
            catch (DbUpdateException ex)
            {
                return ex;
            }
        })).ToList();
        var results = await Task.WhenAll(clicks);

        // One claims; the other loses the commit race (a unique-key or concurrency conflict: its turn runs again), or,
        // when the two did not overlap after all, finds the first one's execution.
        Assert.Single(results.OfType<ClaimResult>(), r => r.Outcome == ClaimOutcome.Started);
        Assert.Single(results, r => r is DbUpdateException || r is ClaimResult { Outcome: ClaimOutcome.AlreadyRunning });
        var executions = await harness.ReadAsync(db => db.Set<CloudExecution>().ToListAsync());
        var execution = Assert.Single(executions);
        await Task.WhenAll(RunToleratingConflictAsync(harness, execution.Id), RunToleratingConflictAsync(harness, execution.Id));
        await harness.RunAsync(execution.Id);
        Assert.Equal(1, organization.RemoveCalls);
        Assert.Equal(CloudExecutionStatus.Succeeded, (await harness.ReadAsync(db => db.Set<CloudExecution>().SingleAsync())).Status);
    }

    [Fact]
    public async Task Run_TwoDispatchersAtOnce_CallsRemoveOnce()
    {
        var organization = new FakeOrganization(ExecutionHarness.OwnedNumber);
        await using var harness = await ExecutionHarness.StartAsync(organization);
        var requestId = await harness.SubmitAsync(RemovalOption.AwsRemoveFromPayer, ExecutionHarness.OwnedAccount);
        var claim = await harness.ClickAsync(requestId, TestData.SupportAgent);

        // Four runs at once (say, a lease ran out while the first was still calling): one makes the call; a run that
        // read "call started" before the answer was kept may record "unknown" and make the caller's save conflict,
        // which throws and leaves the outcome to the next run, which reads. None calls again.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => RunToleratingConflictAsync(harness, claim.Execution!.Id))));
        var next = await harness.RunAsync(claim.Execution!.Id);

        Assert.Equal(1, organization.RemoveCalls);
        Assert.Equal(CloudExecutionStatus.Succeeded, next!.Execution.Status);
        var (request, _, _, execution) = await StateAsync(harness, requestId);
        Assert.Equal(RequestStatus.Completed, request.Status);
        Assert.Equal(1, execution.Attempts);
    }

    [Fact]
    public async Task Run_TimeoutAfterAwsRemovedIt_ReconciledAsSucceededNotResent()
    {
        var organization = new FakeOrganization(ExecutionHarness.OwnedNumber, ExecutionHarness.OtherNumber) { Removal = RemovalBehaviour.TakeEffectThenHang };
        await using var harness = await ExecutionHarness.StartAsync(organization, awsAttemptTimeout: TimeSpan.FromSeconds(2));
        var requestId = await harness.SubmitAsync(RemovalOption.AwsRemoveFromPayer, ExecutionHarness.OwnedAccount);
        var claim = await harness.ClickAsync(requestId, TestData.SupportAgent);

        var report = await harness.RunAsync(claim.Execution!.Id);

        Assert.Equal(CloudExecutionStatus.Succeeded, report!.Execution.Status);
        Assert.Equal(1, organization.RemoveCalls);
        var (request, _, _, _) = await StateAsync(harness, requestId);
        Assert.Equal(RequestStatus.Completed, request.Status);
        Assert.Contains("Reconciled", request.LastNote, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_RestartMidCall_SecondRunReconcilesWithoutCalling()
    {
        var organization = new FakeOrganization(ExecutionHarness.OwnedNumber, ExecutionHarness.OtherNumber) { Removal = RemovalBehaviour.TakeEffectThenHang };
        await using var harness = await ExecutionHarness.StartAsync(organization);
        var requestId = await harness.SubmitAsync(RemovalOption.AwsRemoveFromPayer, ExecutionHarness.OwnedAccount);
        var claim = await harness.ClickAsync(requestId, TestData.SupportAgent);

        // The bot stops while the call is out: AWS has removed the account, no answer has come, the run is abandoned.
        using var stop = new CancellationTokenSource();
        var interrupted = harness.RunAsync(claim.Execution!.Id, stop.Token);
        await organization.Removed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => interrupted);
        var left = await harness.ReadAsync(db => db.Set<CloudExecution>().SingleAsync());
        Assert.Equal(CloudExecutionStatus.Claimed, left.Status);
        Assert.NotNull(left.CallStartedAt);

        var afterRestart = await harness.RunAsync(claim.Execution.Id);

        Assert.Equal(CloudExecutionStatus.Succeeded, afterRestart!.Execution.Status);
        Assert.Equal(1, organization.RemoveCalls);
        Assert.Equal(RequestStatus.Completed, (await StateAsync(harness, requestId)).Request.Status);
    }

    [Fact]
    public async Task Run_RestartMidCallReconciledNextMonth_BillingImpactAndDepartureAtTheCallNotAtTheLaterRead()
    {
        // The call goes out at 23:59 on the last day of November, AWS removes the account, the bot stops before the
        // answer; it is back (and reads the account) in December. The reseller invoices November's days, not December's.
        var callAt = DateTimeOffset.Parse("2026-11-30T23:59:00Z", CultureInfo.InvariantCulture);
        var clock = new FakeTimeProvider(callAt);
        var organization = new FakeOrganization(ExecutionHarness.OwnedNumber, ExecutionHarness.OtherNumber) { Removal = RemovalBehaviour.TakeEffectThenHang };
        await using var harness = await ExecutionHarness.StartAsync(organization, clock: clock, seed: db =>
        {
            db.Resellers.Add(new Reseller(TestData.ResellerId, "Northwind"));
            var customer = new Customer(TestData.CustomerId, TestData.ResellerId, "Contoso Ltd");
            customer.AddAccount(TestData.Aws(AccountOrigin.CustomerOwned, billedMonths: 2, id: ExecutionHarness.OwnedAccount,
                number: ExecutionHarness.OwnedNumber, linkedAt: callAt.AddDays(-40)));
            db.Customers.Add(customer);
        });
        var requestId = await harness.SubmitAsync(RemovalOption.AwsRemoveFromPayer, ExecutionHarness.OwnedAccount);
        var claim = await harness.ClickAsync(requestId, TestData.SupportAgent);
        using var stop = new CancellationTokenSource();
        var interrupted = harness.RunAsync(claim.Execution!.Id, stop.Token);
        await organization.Removed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => interrupted);

        clock.Advance(TimeSpan.FromHours(2));
        var afterRestart = await harness.RunAsync(claim.Execution.Id);

        Assert.Equal(CloudExecutionStatus.Succeeded, afterRestart!.Execution.Status);
        Assert.Equal(1, organization.RemoveCalls);
        var (request, account, audit, execution) = await StateAsync(harness, requestId);
        Assert.Equal(callAt, execution.CallStartedAt);
        Assert.Equal(callAt, execution.CompletedAt);
        Assert.Equal(AccountState.Departed, account.State);
        Assert.Equal(callAt, account.ClosedAt); // it left the organization with the call, not when the bot came back
        Assert.Equal(RequestStatus.Completed, request.Status);
        Assert.Equal(callAt, request.BillingImpact!.PeriodEnd);
        Assert.Equal(new DateOnly(2026, 11, 1), request.BillingImpact.Month);
        Assert.Equal(30, request.BillingImpact.LinkedDays);
        Assert.Contains("Removed at 2026-11-30 23:59:00 UTC", audit.Single(e => e.Action == "BillingImpactRecorded").Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnknownOutcomeAccountStillMember_StaysUnknownClickOnlyRechecksUntilAPersonReleasesIt()
    {
        var organization = new FakeOrganization(ExecutionHarness.OwnedNumber) { Removal = RemovalBehaviour.ServerErrorWithoutEffect };
        await using var harness = await ExecutionHarness.StartAsync(organization);
        var requestId = await harness.SubmitAsync(RemovalOption.AwsRemoveFromPayer, ExecutionHarness.OwnedAccount);
        var claim = await harness.ClickAsync(requestId, TestData.SupportAgent);

        var report = await harness.RunAsync(claim.Execution!.Id);
        var again = await harness.ClickAsync(requestId, OtherAgent);
        var recheck = await harness.RunAsync(claim.Execution.Id);

        Assert.Equal(CloudExecutionStatus.Unknown, report!.Execution.Status);
        Assert.Contains("Do NOT resend", report.Execution.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(ClaimOutcome.Rechecking, again.Outcome);
        Assert.Equal(CloudExecutionStatus.Unknown, recheck!.Execution.Status);
        Assert.Equal(1, organization.RemoveCalls);
        Assert.Equal(RequestStatus.Accepted, (await StateAsync(harness, requestId)).Request.Status);

        // A person checks the console, finds it not removed, and releases the execution: only then may a new call go out.
        ClaimResult released;
        await using (var scope = harness.Services.CreateAsyncScope())
        {
            released = await scope.ServiceProvider.GetRequiredService<CloudExecutions>().ReleaseAsync(requestId, OtherAgent, CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<SesBotDbContext>().SaveChangesAsync();
        }

        organization.Removal = RemovalBehaviour.Answer;
        var retry = await harness.ClickAsync(requestId, OtherAgent);
        var done = await harness.RunAsync(retry.Execution!.Id);

        Assert.Equal(CloudExecutionStatus.Failed, released.Execution!.Status);
        Assert.Equal(ClaimOutcome.Started, retry.Outcome);
        Assert.Equal(CloudExecutionStatus.Succeeded, done!.Execution.Status);
        Assert.Equal(2, organization.RemoveCalls);
    }

    [Fact]
    public async Task Run_ConstraintViolation_FailsWithMappedTextThenRetryCallsAgain()
    {
        var organization = new FakeOrganization(ExecutionHarness.OwnedNumber) { Removal = RemovalBehaviour.RefusePaymentInstrument };
        await using var harness = await ExecutionHarness.StartAsync(organization);
        var requestId = await harness.SubmitAsync(RemovalOption.AwsRemoveFromPayer, ExecutionHarness.OwnedAccount);
        var claim = await harness.ClickAsync(requestId, TestData.SupportAgent);

        var failed = await harness.RunAsync(claim.Execution!.Id);
        Assert.Equal(CloudExecutionStatus.Failed, failed!.Execution.Status);
        Assert.Equal("ConstraintViolation:MEMBER_ACCOUNT_PAYMENT_INSTRUMENT_REQUIRED", failed.Execution.ErrorKind);
        Assert.Contains("payment method", failed.Execution.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("Payment preferences", failed.CustomerText, StringComparison.Ordinal);
        Assert.True(failed.RetryMakesSense);
        Assert.Equal(RequestStatus.Failed, (await StateAsync(harness, requestId)).Request.Status);

        // The customer added a payment method; support retries: a new execution, a new (second, legitimate) call.
        organization.Removal = RemovalBehaviour.Answer;
        var retry = await harness.ClickAsync(requestId, OtherAgent);
        var done = await harness.RunAsync(retry.Execution!.Id);

        Assert.Equal(ClaimOutcome.Started, retry.Outcome);
        Assert.NotEqual(claim.Execution.Id, retry.Execution.Id);
        Assert.Equal(CloudExecutionStatus.Succeeded, done!.Execution.Status);
        Assert.Equal(2, organization.RemoveCalls);
        Assert.Equal(RequestStatus.Completed, (await StateAsync(harness, requestId)).Request.Status);
    }

    [Fact]
    public async Task Click_ByTheRequesterOrAReseller_Refused()
    {
        await using var harness = await ExecutionHarness.StartAsync(new FakeOrganization(ExecutionHarness.OwnedNumber));
        var requestId = await harness.SubmitAsync(RemovalOption.AwsRemoveFromPayer, ExecutionHarness.OwnedAccount);

        var reseller = await harness.ClickAsync(requestId, TestData.Colleague);

        Assert.Equal(ClaimOutcome.Refused, reseller.Outcome);
        Assert.Equal(0, await harness.ReadAsync(db => db.Set<CloudExecution>().CountAsync()));
    }

    /// <summary>One dispatcher run; a run whose save lost to another run's throws (the outbox retries it), which is not a failure here.</summary>
    private static async Task RunToleratingConflictAsync(ExecutionHarness harness, string executionId)
    {
        try
        {
            await harness.RunAsync(executionId);
        }
        catch (DbUpdateConcurrencyException)
        {
        }
    }

    private static Task<(RemovalRequest Request, CloudAccount Account, List<AuditEvent> Audit, CloudExecution Execution)> StateAsync(ExecutionHarness harness, string requestId) =>
        harness.ReadAsync(async db =>
        {
            var request = await db.RemovalRequests.SingleAsync(r => r.Id == requestId);
            var account = await db.CloudAccounts.SingleAsync(a => a.Id == request.CloudAccountId);
            var audit = await db.AuditEvents.Where(e => e.EntityId == request.Id || e.EntityId == account.Id).OrderBy(e => e.Id).ToListAsync();
            var execution = await db.Set<CloudExecution>().Where(e => e.RequestId == requestId).OrderByDescending(e => e.CreatedAt).FirstAsync();
            return (request, account, audit, execution);
        });
}
