using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SesBot.Core.Domain;
using SesBot.Core.Gateways;
using SesBot.Core.Gateways.Aws;
using SesBot.Core.Gateways.Azure;
using SesBot.Core.Localization;
using SesBot.Core.Persistence;
using SesBot.Core.Workflow;

namespace SesBot.Core.Execution;

/// <summary>
/// The dispatcher side of exactly-once execution. For an execution never called: the account's tags go into the
/// audit trail and the execution is marked "call started", in one commit guarded by its concurrency token; only the
/// run that wins that commit calls the provider, once. An execution whose call already started (a restart, a
/// redelivery, a second dispatcher, an unknown outcome) is reconciled by reading the account, never called again:
/// gone from the organization (or suspended) means it happened. On success the request is completed by the agent who
/// clicked, the billing impact recorded with the actual removal time; on a refusal the request fails with AWS's
/// reason mapped for support (<see cref="AwsErrorTexts"/>).
/// </summary>
public sealed class CloudExecutor(
    SesBotDbContext db,
    RemovalRequestService requests,
    IAwsOrganizationGateway aws,
    IAzureSubscriptionGateway azure,
    IAwsBillingTransferGateway transfers,
    TimeProvider clock,
    ILogger<CloudExecutor> logger)
{
    public async Task<ExecutionReport?> RunAsync(string executionId, CancellationToken cancellationToken)
    {
        var execution = await db.Set<CloudExecution>().FirstOrDefaultAsync(e => e.Id == executionId, cancellationToken);
        if (execution is null)
        {
            return null;
        }

        if (!execution.IsOpen)
        {
            return new ExecutionReport(execution, EndedNow: false);
        }

        if (execution.CallStartedAt is not null)
        {
            Log.ExecutionReconciling(logger, execution.Id);
            return await ReconcileAsync(execution, cancellationToken);
        }

        var account = await db.CloudAccounts.FirstAsync(a => a.Id == execution.CloudAccountId, cancellationToken);
        if (await MarkCallStartedAsync(execution, account, cancellationToken) is { } early)
        {
            return early;
        }

        Log.ExecutionCalling(logger, execution.Id, execution.Operation, execution.Target, execution.Attempts, execution.Simulated);
        return execution.Operation switch
        {
            CloudOperation.AwsRemoveFromOrganization => await RemoveAsync(execution, account, cancellationToken),
            CloudOperation.AwsEndBillingTransfer => await EndTransferAsync(execution, account, cancellationToken),
            _ => await SuspendAsync(execution, account, cancellationToken),
        };
    }

    /// <summary>
    /// Records the tags (AWS deletes them when the account leaves) and marks the call started, in one commit; null
    /// when the call may go ahead. A read failure here fails the execution (nothing was called); another run that
    /// marked it first wins, and this run does nothing.
    /// </summary>
    private async Task<ExecutionReport?> MarkCallStartedAsync(CloudExecution execution, CloudAccount account, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (execution.Operation == CloudOperation.AwsRemoveFromOrganization)
        {
            AwsAccountFacts facts;
            try
            {
                facts = await aws.ReadAccountAsync(execution.Target, cancellationToken);
            }
            catch (AwsOrganizationsException ex)
            {
                return await FailAsync(execution, ex.Kind.ToString(), ExecutionTexts.S.Format("Execution.ReadFailed", ex.Error.Guidance.SupportText),
                    null, RetryMakesSense(ex.Error), cancellationToken);
            }

            if (!facts.IsMember)
            {
                return await FailAsync(execution, nameof(AwsErrorKind.AccountNotFound),
                    ExecutionTexts.S.Format("Execution.NotMember", execution.Target),
                    null, false, cancellationToken);
            }

            var tags = facts.Tags.Count == 0 ? "(none)" : string.Join("; ", facts.Tags.Select(t => $"{t.Key}={t.Value}"));
            db.AuditEvents.Add(new AuditEvent(now, execution.Actor, nameof(CloudAccount), account.Id, "AwsTagsRecorded",
                $"Before removal by execution {execution.Id}{Simulated(execution)}: tags {Clip(tags)}; joined {facts.JoinedMethod} {facts.JoinedAt:yyyy-MM-dd}; state {facts.State}."));
        }
        else if (execution.Operation == CloudOperation.AwsEndBillingTransfer && await CheckTransferAsync(execution, cancellationToken) is { } refused)
        {
            return refused;
        }

        execution.StartCall(now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            Log.ExecutionCallLost(logger, execution.Id);
            return new ExecutionReport(execution, EndedNow: false) { NothingDone = true };
        }
    }

    private async Task<ExecutionReport> RemoveAsync(CloudExecution execution, CloudAccount account, CancellationToken cancellationToken)
    {
        try
        {
            await aws.RemoveAccountAsync(execution.Target, cancellationToken);
        }
        catch (AwsOrganizationsException ex) when (ex.Kind is not (AwsErrorKind.OutcomeUnknown or AwsErrorKind.Unknown))
        {
            var guidance = ex.Error.Guidance;
            var kind = ex.Error.Reason is { } reason ? $"{ex.Kind}:{reason}" : ex.Kind.ToString();
            return await FailAsync(execution, kind, guidance.SupportText, guidance.CustomerText, RetryMakesSense(ex.Error), cancellationToken);
        }
        catch (Exception ex) when (ex is AwsOrganizationsException or HttpRequestException or TimeoutException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The request may have reached AWS: read, never resend.
            return await ReconcileAsync(execution, cancellationToken);
        }

        var removedAt = clock.GetUtcNow();
        bool stillMember;
        try
        {
            stillMember = await aws.IsMemberAsync(execution.Target, cancellationToken);
        }
        catch (AwsOrganizationsException ex)
        {
            return await UnknownAsync(execution, ex.Kind.ToString(), ExecutionTexts.S.Format("Execution.VerifyFailed", ex.Error.Guidance.SupportText));
        }

        return stillMember
            ? await UnknownAsync(execution, "NotVerified", ExecutionTexts.S["Execution.StillMember"])
            : await SucceedAsync(execution, account, removedAt, ExecutionTexts.S["Execution.Removed"], cancellationToken);
    }

    private async Task<ExecutionReport> SuspendAsync(CloudExecution execution, CloudAccount account, CancellationToken cancellationToken)
    {
        var tenant = await TenantOfAsync(account, cancellationToken);
        AzureSuspensionResult result;
        try
        {
            result = await azure.SuspendAsync(tenant, execution.Target, cancellationToken);
        }
        catch (PartnerCenterException ex) when (ex.Kind == PartnerCenterErrorKind.OutcomeUnknown)
        {
            return await ReconcileAsync(execution, cancellationToken);
        }
        catch (PartnerCenterException ex)
        {
            var retry = ex.Kind is PartnerCenterErrorKind.Throttled or PartnerCenterErrorKind.ServiceError or PartnerCenterErrorKind.NoAnswer or PartnerCenterErrorKind.Conflict;
            return await FailAsync(execution, ex.Kind.ToString(), ex.Message, null, retry, cancellationToken);
        }

        return result.IsSuspended
            ? await SucceedAsync(execution, account, clock.GetUtcNow(),
                ExecutionTexts.S[result.Outcome == SuspensionOutcome.AlreadySuspended ? "Execution.AlreadySuspended" : "Execution.Suspended"],
                cancellationToken)
            : await UnknownAsync(execution, nameof(SuspensionOutcome.NotConfirmed), ExecutionTexts.S.Format("Execution.NotConfirmed", result.StatusAfter));
    }

    /// <summary>Reads the transfer before ending it; a failed execution report when ending it cannot work (nothing was called).</summary>
    private async Task<ExecutionReport?> CheckTransferAsync(CloudExecution execution, CancellationToken cancellationToken)
    {
        BillingTransferFacts? transfer;
        try
        {
            transfer = await transfers.ReadTransferAsync(execution.Target, cancellationToken);
        }
        catch (AwsOrganizationsException ex)
        {
            return await FailAsync(execution, ex.Kind.ToString(), ExecutionTexts.S.Format("Transfer.ReadFailed", ex.Error.Guidance.SupportText),
                null, RetryMakesSense(ex.Error), cancellationToken);
        }

        if (transfer is null || !transfer.IsRunning)
        {
            return await FailAsync(execution, transfer is null ? nameof(AwsErrorKind.ResponsibilityTransferNotFound) : nameof(AwsErrorKind.ResponsibilityTransferAlreadyInStatus),
                transfer is null
                    ? ExecutionTexts.S.Format("Transfer.Unknown", execution.Target)
                    : ExecutionTexts.S.Format(transfer.EndsAt is null ? "Transfer.NotRunning" : "Transfer.AlreadyEnded", execution.Target, transfer.Status),
                null, false, cancellationToken);
        }

        return null;
    }

    /// <summary>TerminateResponsibilityTransfer once, at the end of the current UTC month; the request completes with the end AWS returned.</summary>
    private async Task<ExecutionReport> EndTransferAsync(CloudExecution execution, CloudAccount account, CancellationToken cancellationToken)
    {
        var endsAt = BillingTransferTerms.EndIfEndedAt(clock.GetUtcNow());
        BillingTransferFacts ended;
        try
        {
            ended = await transfers.EndTransferAsync(execution.Target, endsAt, cancellationToken);
        }
        catch (AwsOrganizationsException ex) when (ex.Kind is not (AwsErrorKind.OutcomeUnknown or AwsErrorKind.Unknown))
        {
            var guidance = ex.Error.Guidance;
            return await FailAsync(execution, ex.Kind.ToString(), guidance.SupportText, null, RetryMakesSense(ex.Error), cancellationToken);
        }
        catch (Exception ex) when (ex is AwsOrganizationsException or HttpRequestException or TimeoutException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The request may have reached AWS: read, never resend.
            return await ReconcileAsync(execution, cancellationToken);
        }

        var end = ended.EndsAt ?? endsAt;
        return await SucceedAsync(execution, account, end,
            ExecutionTexts.S.Format("Transfer.Ended", execution.Target, Formats.Second(end)), cancellationToken);
    }

    /// <summary>Settles an execution whose call may have happened, by reading: never by calling again.</summary>
    private async Task<ExecutionReport> ReconcileAsync(CloudExecution execution, CancellationToken cancellationToken)
    {
        var account = await db.CloudAccounts.FirstAsync(a => a.Id == execution.CloudAccountId, cancellationToken);
        try
        {
            if (execution.Operation == CloudOperation.AwsRemoveFromOrganization)
            {
                return await aws.IsMemberAsync(execution.Target, cancellationToken)
                    ? await UnknownAsync(execution, nameof(AwsErrorKind.OutcomeUnknown),
                        ExecutionTexts.S.Format("Execution.Reconcile.StillMember",
                            AwsErrorTexts.For(new AwsOrganizationsError(AwsErrorKind.OutcomeUnknown, "OutcomeUnknown", string.Empty, null)).SupportText))
                    // Removal takes effect when AWS receives the call: the call's start is the removal time the
                    // reseller invoices to, however much later this read happens (a restart, a "Check again").
                    : await SucceedAsync(execution, account, execution.CallStartedAt ?? clock.GetUtcNow(), ExecutionTexts.S["Execution.Reconcile.Removed"], cancellationToken);
            }

            if (execution.Operation == CloudOperation.AwsEndBillingTransfer)
            {
                var transfer = await transfers.ReadTransferAsync(execution.Target, cancellationToken);
                // Ended at AWS: by SesBot's call, since the pre-flight read saw it running. Its end is AWS's, or the month's.
                var end = transfer?.EndsAt ?? BillingTransferTerms.EndIfEndedAt(execution.CallStartedAt ?? clock.GetUtcNow());
                return transfer is { IsEnded: true }
                    ? await SucceedAsync(execution, account, end, ExecutionTexts.S["Transfer.Reconciled"], cancellationToken)
                    : await UnknownAsync(execution, nameof(AwsErrorKind.OutcomeUnknown),
                        ExecutionTexts.S["Transfer.StillUnknown"]);
            }

            var facts = await azure.ReadAsync(await TenantOfAsync(account, cancellationToken), execution.Target, cancellationToken);
            return facts.IsSuspended
                ? await SucceedAsync(execution, account, clock.GetUtcNow(), ExecutionTexts.S["Execution.Reconcile.Suspended"], cancellationToken)
                : await UnknownAsync(execution, nameof(PartnerCenterErrorKind.OutcomeUnknown), ExecutionTexts.S.Format("Execution.Reconcile.NotSuspended", facts.Status));
        }
        catch (Exception ex) when (ex is AwsOrganizationsException or PartnerCenterException)
        {
            return await UnknownAsync(execution, "ReadFailed", ExecutionTexts.S.Format("Execution.Reconcile.ReadFailed", ex.Message));
        }
    }

    private async Task<ExecutionReport> SucceedAsync(CloudExecution execution, CloudAccount account, DateTimeOffset completedAt, string note, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        execution.Succeed(completedAt, now);
        var request = await db.RemovalRequests.FirstAsync(r => r.Id == execution.RequestId, cancellationToken);
        if (execution.Operation == CloudOperation.AwsRemoveFromOrganization && request.Kind == RemovalOption.AwsRemoveFromPayer)
        {
            request.RecordBillingImpact(BillingImpactCalculator.Calculate(account.LinkedAt, completedAt), execution.Actor, now);
        }

        var result = await requests.ApplyAsync(
            new ApplyRequestTrigger(request.Id, CloudOperations.CompletingTrigger(request.Kind), execution.Actor, Note: ExecutionTexts.S.Format(execution.Simulated ? "Execution.Note.Simulated" : "Execution.Note", note, execution.Id),
                TransferEndsAt: execution.Operation == CloudOperation.AwsEndBillingTransfer ? completedAt : null,
                TookEffectAt: execution.Operation == CloudOperation.AwsEndBillingTransfer ? null : completedAt),
            cancellationToken);
        if (!result.Succeeded)
        {
            Log.ExecutionRequestNotCompleted(logger, execution.Id, request.Id, result.Message ?? result.Kind.ToString());
        }

        return await EndAsync(execution, note, result.Details, null, false);
    }

    private async Task<ExecutionReport> FailAsync(CloudExecution execution, string kind, string message, string? customerText, bool retry, CancellationToken cancellationToken)
    {
        execution.Fail(kind, message, clock.GetUtcNow());
        var request = await db.RemovalRequests.FirstAsync(r => r.Id == execution.RequestId, cancellationToken);
        RequestDetails? details = null;
        if (request.CanApply(RequestTrigger.Fail, execution.Actor))
        {
            details = (await requests.ApplyAsync(new ApplyRequestTrigger(request.Id, RequestTrigger.Fail, execution.Actor, Note: Clip(message)), cancellationToken)).Details;
        }

        return await EndAsync(execution, message, details, customerText, retry);
    }

    private Task<ExecutionReport> UnknownAsync(CloudExecution execution, string kind, string message)
    {
        execution.MarkUnknown(kind, message, clock.GetUtcNow());
        return EndAsync(execution, message, null, null, false);
    }

    private async Task<ExecutionReport> EndAsync(CloudExecution execution, string detail, RequestDetails? details, string? customerText, bool retry)
    {
        // The provider's outcome is known now: it must be kept even if the dispatcher is being stopped.
        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (DbUpdateConcurrencyException) when (execution.Status == CloudExecutionStatus.Unknown)
        {
            // Another run (the one that made the call) settled it meanwhile; this run only knew "unknown": theirs stands.
            await db.Entry(execution).ReloadAsync(CancellationToken.None);
            return new ExecutionReport(execution, EndedNow: false) { NothingDone = true };
        }

        // A definite outcome that loses to another run's "unknown" throws: the next run reconciles by reading.
        Log.ExecutionEnded(logger, execution.Id, execution.Status, detail);
        return new ExecutionReport(execution, EndedNow: execution.Status != CloudExecutionStatus.Unknown)
        {
            Details = details,
            CustomerText = customerText,
            RetryMakesSense = retry,
        };
    }

    private async Task<string?> TenantOfAsync(CloudAccount account, CancellationToken cancellationToken) =>
        await db.Customers.AsNoTracking().Where(c => c.Id == account.CustomerId).Select(c => c.AzureTenantId).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Nothing changed and trying again can help: throttling, a concurrent change, a wait, or something the customer can fix.</summary>
    public static bool RetryMakesSense(AwsOrganizationsError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Kind switch
        {
            AwsErrorKind.ConcurrentModification or AwsErrorKind.TooManyRequests or AwsErrorKind.ServiceError
                or AwsErrorKind.Unreachable or AwsErrorKind.AccessDenied or AwsErrorKind.CredentialsUnavailable => true,
            AwsErrorKind.ConstraintViolation => error.Reason is not "ACCOUNT_CANNOT_LEAVE_ORGANIZATION",
            _ => false,
        };
    }

    private static string Simulated(CloudExecution execution) => execution.Simulated ? ", simulated" : string.Empty;

    private static string Clip(string text) => text.Length > 900 ? text[..900] : text;
}
