using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SesBot.Core.Domain;
using SesBot.Core.Gateways;
using SesBot.Core.Persistence;
using SesBot.Core.Workflow;

namespace SesBot.Core.Execution;

/// <summary>
/// The turn side of exactly-once execution: a support agent's click claims an execution (a row with its own id,
/// status Claimed) and queues its outbox message, both in the turn's unit of work, so they commit together before any
/// call. The request is accepted (or retried) by the same agent on the way, four-eyes checked. A second click, a
/// redelivered action or a second agent finds the open execution (a unique key holds the request), or loses the
/// commit race and is run again on what the first committed.
/// </summary>
public sealed class CloudExecutions(
    SesBotDbContext db,
    RemovalRequestService requests,
    IAwsOrganizationGateway aws,
    IAzureSubscriptionGateway azure,
    IAwsBillingTransferGateway transfers,
    TimeProvider clock,
    ILogger<CloudExecutions> logger)
{
    /// <summary>Claims the cloud change of <paramref name="requestId"/> for <paramref name="actor"/>; <paramref name="replyTo"/> says where the result goes.</summary>
    public async Task<ClaimResult> ClaimAsync(string requestId, Actor actor, int? expectedVersion, PreflightAsk? replyTo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var request = await db.RemovalRequests.FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null || !actor.IsSupport)
        {
            return request is null
                ? new(ClaimOutcome.NotFound, Message: ExecutionTexts.S.Format("Claim.NoRequest", requestId))
                : new(ClaimOutcome.Refused, request, Message: ExecutionTexts.S["Claim.OnlySupport"]);
        }

        if (CloudOperations.For(request.Kind) is not { } operation)
        {
            return new(ClaimOutcome.Refused, request, Message: ExecutionTexts.S.Format("Claim.NotAtProvider", request.Id));
        }

        var open = await db.Set<CloudExecution>().FirstOrDefaultAsync(e => e.ActiveKey == request.Id, cancellationToken);
        if (open is not null)
        {
            if (open.Status == CloudExecutionStatus.Unknown)
            {
                db.OutboxMessages.Add(CloudExecutionOutbox.Execute(open, clock.GetUtcNow(), Guid.NewGuid().ToString("N")));
                return new(ClaimOutcome.Rechecking, request, open,
                    ExecutionTexts.S.Format("Claim.Rechecking", open.Id));
            }

            return new(ClaimOutcome.AlreadyRunning, request, open, ExecutionTexts.S.Format("Claim.AlreadyRunning", open.Id, request.Id, open.ActorName));
        }

        if (actor.Id == request.RequestedById)
        {
            return new(ClaimOutcome.Refused, request,
                Message: ExecutionTexts.S.Format("Claim.FourEyes", request.Id));
        }

        if (!CloudOperations.CanStartAt(request))
        {
            return new(ClaimOutcome.Refused, request, Message: ExecutionTexts.S.Format("Claim.NotAtThisStep", request.Id, request.Status,
                ExecutionTexts.S[operation == CloudOperation.AwsRemoveFromOrganization ? "Operation.RemoveFromOrganization.Phrase" : "Operation.SuspendSubscription.Phrase"]));
        }

        if (expectedVersion is { } version && version != request.Version)
        {
            return new(ClaimOutcome.Refused, request, Message: ExecutionTexts.S.Format("Claim.Changed", request.Id, request.Status));
        }

        var account = await db.CloudAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == request.CloudAccountId, cancellationToken);
        if (account is null)
        {
            return new(ClaimOutcome.NotFound, request, Message: ExecutionTexts.S["Claim.AccountGone"]);
        }

        // Partner Center addresses the subscription by its customer's tenant: without one the call could only be refused.
        if (operation == CloudOperation.AzureSuspendSubscription
            && await db.Customers.AsNoTracking().Where(c => c.Id == account.CustomerId).Select(c => c.AzureTenantId).FirstOrDefaultAsync(cancellationToken) is null)
        {
            return new(ClaimOutcome.Refused, request, Message: ExecutionTexts.S.Format("Claim.NoAzureTenant", request.Id));
        }

        // Ending a billing transfer is about the transfer, not the account: its id is what AWS is called with.
        var target = operation == CloudOperation.AwsEndBillingTransfer ? account.BillingTransfer?.Id : account.ExternalId;
        if (target is null)
        {
            return new(ClaimOutcome.Refused, request, Message: ExecutionTexts.S.Format("Transfer.NoneOnAccount", account.ExternalId));
        }

        // On the way: the agent accepts a submitted request, or retries a failed one (four-eyes checked by the workflow).
        var step = request.Status switch
        {
            RequestStatus.Submitted => RequestTrigger.Accept,
            RequestStatus.Failed => RequestTrigger.Retry,
            _ => (RequestTrigger?)null,
        };
        if (step is { } trigger)
        {
            var moved = await requests.ApplyAsync(new ApplyRequestTrigger(request.Id, trigger, actor, Note: ExecutionTexts.S.Format("Claim.Note", CloudOperations.Title(operation))), cancellationToken);
            if (!moved.Succeeded)
            {
                return new(ClaimOutcome.Refused, request, Message: moved.Message);
            }
        }

        var simulated = operation switch
        {
            CloudOperation.AwsRemoveFromOrganization => aws.IsSimulated,
            CloudOperation.AwsEndBillingTransfer => transfers.IsSimulated,
            _ => azure.IsSimulated,
        };

        var execution = new CloudExecution(request, operation, target, actor, simulated, clock.GetUtcNow())
        {
            ReplyChannel = replyTo?.ReplyChannel,
            ReplyConversationKey = replyTo?.ReplyConversationKey,
            ReplyAddressKey = replyTo?.ReplyAddressKey,
        };
        db.Set<CloudExecution>().Add(execution);
        db.OutboxMessages.Add(CloudExecutionOutbox.Execute(execution, clock.GetUtcNow()));
        Log.ExecutionClaimed(logger, execution.Id, operation, request.Id, actor.Id);
        return new(ClaimOutcome.Started, request, execution);
    }

    /// <summary>
    /// A person checked the provider after an unknown outcome and found the change not made: the open execution ends
    /// Failed (the request too, where its workflow has that move), so a new attempt can be started. SesBot never
    /// decides this by itself.
    /// </summary>
    public async Task<ClaimResult> ReleaseAsync(string requestId, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var request = await db.RemovalRequests.FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null || !actor.IsSupport)
        {
            return new(request is null ? ClaimOutcome.NotFound : ClaimOutcome.Refused, request, Message: request is null
                ? ExecutionTexts.S.Format("Claim.NoRequest", requestId)
                : ExecutionTexts.S["Release.OnlySupport"]);
        }

        var open = await db.Set<CloudExecution>().FirstOrDefaultAsync(e => e.ActiveKey == request.Id, cancellationToken);
        if (open is not { Status: CloudExecutionStatus.Unknown })
        {
            return new(ClaimOutcome.Refused, request, open, ExecutionTexts.S.Format("Release.NothingUnknown", request.Id));
        }

        var note = ExecutionTexts.S.Format("Release.Note", actor.DisplayName);
        open.Fail("ReleasedAfterCheck", note, clock.GetUtcNow());
        if (request.CanApply(RequestTrigger.Fail, actor))
        {
            await requests.ApplyAsync(new ApplyRequestTrigger(request.Id, RequestTrigger.Fail, actor, Note: note), cancellationToken);
        }

        db.AuditEvents.Add(new AuditEvent(clock.GetUtcNow(), actor, nameof(CloudExecution), open.Id, "Released", note));
        return new(ClaimOutcome.Refused, request, open, note);
    }

    /// <summary>The latest execution of a request, for its card.</summary>
    public Task<CloudExecution?> LatestAsync(string requestId, CancellationToken cancellationToken) =>
        db.Set<CloudExecution>().AsNoTracking().Where(e => e.RequestId == requestId)
            .OrderByDescending(e => e.CreatedAt).FirstOrDefaultAsync(cancellationToken);
}
