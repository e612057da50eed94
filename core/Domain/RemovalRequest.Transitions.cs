using System.Collections.Frozen;

namespace SesBot.Core.Domain;

/// <summary>
/// The workflow: one table of allowed transitions per <see cref="RequestWorkflow"/>; the catalog says which table a
/// request kind follows. Anything not in its table throws.
/// </summary>
public sealed partial class RemovalRequest
{
    /// <summary>Who may pull a trigger.</summary>
    [Flags]
    public enum Permitted
    {
        Requester = 1,
        Support = 2,

        /// <summary>SesBot itself, reporting what it did (an email it sent); no person makes this move.</summary>
        System = 4,
    }

    private static readonly FrozenDictionary<RequestWorkflow, FrozenDictionary<(RequestStatus From, RequestTrigger Trigger), (RequestStatus To, Permitted Who)>> Tables =
        new Dictionary<RequestWorkflow, FrozenDictionary<(RequestStatus, RequestTrigger), (RequestStatus, Permitted)>>
        {
            // Self-service: the platform carries these out right after the reseller confirms, re-checking the policy first.
            [RequestWorkflow.SelfService] = Table(
                (RequestStatus.Submitted, RequestTrigger.Complete, RequestStatus.Completed, Permitted.Requester | Permitted.Support),
                (RequestStatus.Submitted, RequestTrigger.Reject, RequestStatus.Rejected, Permitted.Requester | Permitted.Support),
                (RequestStatus.Submitted, RequestTrigger.Cancel, RequestStatus.Cancelled, Permitted.Requester)),
            [RequestWorkflow.SupportTicket] = Table(
                (RequestStatus.Submitted, RequestTrigger.Accept, RequestStatus.Accepted, Permitted.Support),
                (RequestStatus.Submitted, RequestTrigger.Reject, RequestStatus.Rejected, Permitted.Support),
                (RequestStatus.Submitted, RequestTrigger.Cancel, RequestStatus.Cancelled, Permitted.Requester),
                (RequestStatus.Accepted, RequestTrigger.Complete, RequestStatus.Completed, Permitted.Support),
                (RequestStatus.Accepted, RequestTrigger.Reject, RequestStatus.Rejected, Permitted.Support)),
            [RequestWorkflow.TransferOfOwnership] = Table(
                (RequestStatus.Submitted, RequestTrigger.Accept, RequestStatus.Accepted, Permitted.Support),
                (RequestStatus.Submitted, RequestTrigger.Reject, RequestStatus.Rejected, Permitted.Support),
                (RequestStatus.Submitted, RequestTrigger.Cancel, RequestStatus.Cancelled, Permitted.Requester),
                (RequestStatus.Accepted, RequestTrigger.MarkAwsContacted, RequestStatus.AwsContacted, Permitted.Support),
                (RequestStatus.Accepted, RequestTrigger.Reject, RequestStatus.Rejected, Permitted.Support),
                (RequestStatus.AwsContacted, RequestTrigger.MarkPaperworkComplete, RequestStatus.PaperworkComplete, Permitted.Support),
                (RequestStatus.AwsContacted, RequestTrigger.Reject, RequestStatus.Rejected, Permitted.Support),
                (RequestStatus.PaperworkComplete, RequestTrigger.MarkCredentialsDelivered, RequestStatus.CredentialsDelivered, Permitted.Support),
                (RequestStatus.CredentialsDelivered, RequestTrigger.MarkRemovedFromPayer, RequestStatus.Completed, Permitted.Support)),
            [RequestWorkflow.PayerRemoval] = Table(
                (RequestStatus.Submitted, RequestTrigger.Accept, RequestStatus.Accepted, Permitted.Support),
                (RequestStatus.Submitted, RequestTrigger.Reject, RequestStatus.Rejected, Permitted.Support),
                (RequestStatus.Submitted, RequestTrigger.Cancel, RequestStatus.Cancelled, Permitted.Requester),
                (RequestStatus.Accepted, RequestTrigger.MarkRemovedFromPayer, RequestStatus.Completed, Permitted.Support),
                (RequestStatus.Accepted, RequestTrigger.Fail, RequestStatus.Failed, Permitted.Support),
                (RequestStatus.Failed, RequestTrigger.Retry, RequestStatus.Accepted, Permitted.Support),
                (RequestStatus.Failed, RequestTrigger.Reject, RequestStatus.Rejected, Permitted.Support)),
            [RequestWorkflow.EndCustomerInstructions] = Table(
                // Only once the outbox has actually emailed the instructions (UnlinkInstructionsOutbox).
                (RequestStatus.Submitted, RequestTrigger.SendInstructions, RequestStatus.InstructionsSent, Permitted.System),
                (RequestStatus.Submitted, RequestTrigger.Cancel, RequestStatus.Cancelled, Permitted.Requester),
                (RequestStatus.InstructionsSent, RequestTrigger.Complete, RequestStatus.Completed, Permitted.Support),

                // The end customer may never leave (no payment method, no root access): the request must not hold the account for good.
                (RequestStatus.InstructionsSent, RequestTrigger.Cancel, RequestStatus.Cancelled, Permitted.Requester),
                (RequestStatus.InstructionsSent, RequestTrigger.Reject, RequestStatus.Rejected, Permitted.Support)),

            // Support ends the transfer at AWS; it then runs to the end of the month, and ending it cannot be undone.
            [RequestWorkflow.BillingTransferEnd] = Table(
                (RequestStatus.Submitted, RequestTrigger.Accept, RequestStatus.Accepted, Permitted.Support),
                (RequestStatus.Submitted, RequestTrigger.Reject, RequestStatus.Rejected, Permitted.Support),
                (RequestStatus.Submitted, RequestTrigger.Cancel, RequestStatus.Cancelled, Permitted.Requester),
                (RequestStatus.Accepted, RequestTrigger.EndBillingTransfer, RequestStatus.Completed, Permitted.Support),
                (RequestStatus.Accepted, RequestTrigger.Fail, RequestStatus.Failed, Permitted.Support),
                (RequestStatus.Failed, RequestTrigger.Retry, RequestStatus.Accepted, Permitted.Support),
                (RequestStatus.Failed, RequestTrigger.Reject, RequestStatus.Rejected, Permitted.Support)),
        }.ToFrozenDictionary();

    /// <summary>Every allowed (from, trigger) pair of a kind's table with its target status.</summary>
    public static IReadOnlyDictionary<(RequestStatus From, RequestTrigger Trigger), (RequestStatus To, Permitted Who)> TransitionsOf(RemovalOption kind) =>
        Tables[RemovalOptionCatalog.Get(kind).Workflow];

    /// <summary>Every allowed (from, trigger) pair of one workflow's table with its target status.</summary>
    public static IReadOnlyDictionary<(RequestStatus From, RequestTrigger Trigger), (RequestStatus To, Permitted Who)> TransitionsOf(RequestWorkflow workflow) =>
        Tables[workflow];

    public static bool IsFinal(RequestStatus status) =>
        status is RequestStatus.Completed or RequestStatus.Rejected or RequestStatus.Cancelled;

    /// <summary>The triggers that can move this request now.</summary>
    public IReadOnlyList<RequestTrigger> AvailableTriggers() =>
        [.. TransitionsOf(Kind).Keys.Where(k => k.From == Status).Select(k => k.Trigger)];

    public bool CanApply(RequestTrigger trigger, Actor actor) =>
        TransitionsOf(Kind).TryGetValue((Status, trigger), out var row) && IsPermitted(row.Who, actor);

    /// <summary>Moves the request on. Illegal moves and moves by someone not permitted throw; every move is audited.</summary>
    public void Apply(RequestTrigger trigger, Actor actor, TimeProvider clock, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(clock);
        if (!TransitionsOf(Kind).TryGetValue((Status, trigger), out var row))
        {
            throw new DomainException($"Cannot {trigger} a {Kind} request that is {Status}.");
        }

        if (!IsPermitted(row.Who, actor))
        {
            throw new DomainException($"{actor.DisplayName} may not {trigger} request {Id}.");
        }

        var from = Status;
        var trimmedNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        Status = row.To;
        UpdatedAt = clock.GetUtcNow();
        Version++;
        if (trimmedNote is not null)
        {
            LastNote = trimmedNote;
        }

        if (!IsOpen)
        {
            OpenSubjectKey = null;
        }

        _pendingAudit.Add(new AuditEvent(
            UpdatedAt, actor, nameof(RemovalRequest), Id, trigger.ToString(), $"{from} -> {Status}{(trimmedNote is null ? string.Empty : ": " + trimmedNote)}"));
    }

    /// <summary>
    /// Whether the actor may make a move of that row. Four-eyes: a move only support may make (accept, reject, a
    /// milestone, complete, execute) is never made by the person who filed the request, whatever roles they hold.
    /// </summary>
    private bool IsPermitted(Permitted who, Actor actor)
    {
        if (who.HasFlag(Permitted.System) && actor == Actor.System)
        {
            return true;
        }

        var filedIt = actor.Id == RequestedById;
        if (who.HasFlag(Permitted.Requester) && (filedIt || actor.Role == Role.Admin || actor == Actor.System))
        {
            return true;
        }

        return who.HasFlag(Permitted.Support) && actor.IsSupport && !filedIt;
    }

    /// <summary>The actor filed this request and the move is one only someone else in support may make.</summary>
    public bool IsFourEyesRefusal(RequestTrigger trigger, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Id == RequestedById && actor.IsSupport
            && TransitionsOf(Kind).TryGetValue((Status, trigger), out var row)
            && row.Who.HasFlag(Permitted.Support) && !row.Who.HasFlag(Permitted.Requester);
    }

    private static FrozenDictionary<(RequestStatus, RequestTrigger), (RequestStatus, Permitted)> Table(
        params (RequestStatus From, RequestTrigger Trigger, RequestStatus To, Permitted Who)[] rows) =>
        rows.ToFrozenDictionary(r => (r.From, r.Trigger), r => (r.To, r.Who));
}
