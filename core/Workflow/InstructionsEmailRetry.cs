using Microsoft.EntityFrameworkCore;
using SesBot.Core.Domain;
using SesBot.Core.Email;
using SesBot.Core.Persistence;

namespace SesBot.Core.Workflow;

/// <summary>
/// Sends a request's unlink instructions again after their email failed for good: a new outbox message, in the
/// caller's unit of work, audited. Only the staff of the reseller whose request it is may ask. The caller says which
/// failed delivery it saw (the message id on the card): a second click on the same card, or a click after someone
/// else already asked, queues nothing more.
/// </summary>
public sealed class InstructionsEmailRetry(SesBotDbContext db, TimeProvider clock)
{
    /// <summary>The audit action of a person asking to send the instructions again.</summary>
    public const string AuditAction = "RetryInstructionsEmail";

    public async Task<WorkflowResult> RetryAsync(Actor actor, string requestId, long failedMessageId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var request = await db.RemovalRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null || (!actor.IsSupport && actor.ResellerId != request.ResellerId))
        {
            return new(OutcomeKind.NotFound, Message: WorkflowTexts.Format("Apply.NotFound", requestId));
        }

        if (actor.Role != Role.ResellerUser || actor.ResellerId != request.ResellerId)
        {
            return new(OutcomeKind.Denied, request, WorkflowTexts.Get("Retry.OnlyReseller"));
        }

        var delivery = await RequestEmails.FindAsync(db, request, cancellationToken);
        if (delivery is null)
        {
            return new(OutcomeKind.Invalid, request, WorkflowTexts.Format("Retry.NoEmail", request.Id));
        }

        if (delivery.MessageId != failedMessageId)
        {
            return new(OutcomeKind.Duplicate, request, WorkflowTexts.Get("Retry.AlreadyQueued"));
        }

        if (delivery.State != EmailDeliveryState.Failed)
        {
            return new(OutcomeKind.Invalid, request, WorkflowTexts.Get("Retry.NotFailed"));
        }

        if (request.Status != RequestStatus.Submitted)
        {
            return new(OutcomeKind.Invalid, request, WorkflowTexts.Format("Retry.Closed", request.Id, WorkflowTexts.Status(request.Status)));
        }

        var now = clock.GetUtcNow();
        db.OutboxMessages.Add(UnlinkInstructionsOutbox.Retry(request, failedMessageId, now));
        db.AuditEvents.Add(new AuditEvent(now, actor, nameof(RemovalRequest), request.Id, AuditAction,
            $"Asked to send the instructions to {request.EndCustomerEmail} again (the last try failed: {Shorten(delivery.Problem)})"));
        return new(OutcomeKind.Ok, request);
    }

    private static string Shorten(string? problem) =>
        problem is null ? "no reason given" : problem.Length <= 500 ? problem : problem[..500] + "…";
}
