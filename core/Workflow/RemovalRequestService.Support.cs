using Microsoft.EntityFrameworkCore;
using SesBot.Core.Domain;

namespace SesBot.Core.Workflow;

/// <summary>
/// Support's moves that are not status changes (taking a request, asking the reseller and the reseller's answer), and
/// the figures a removal from the payer organization leaves to invoice. The same checks as every move: the card's
/// version, four-eyes, and who may see the request.
/// </summary>
public sealed partial class RemovalRequestService
{
    public async Task<WorkflowResult> AssignAsync(string requestId, Actor actor, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (request, refusal) = await LoadForSupportAsync(requestId, actor, expectedVersion, WorkflowTexts.Get("Support.Take"), cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (request!.AssignedToId == actor.Id)
        {
            return new(OutcomeKind.Duplicate, request, WorkflowTexts.Format("Support.AlreadyYours", request.Id)) { Details = await DetailsOfAsync(request, null, isNew: false, cancellationToken) };
        }

        request.AssignTo(actor, clock);
        return new(OutcomeKind.Ok, request) { Details = await DetailsOfAsync(request, null, isNew: false, cancellationToken) };
    }

    /// <summary>
    /// A support card's move of the workflow: a rejection needs its reason (shown to the reseller, within
    /// <see cref="FieldLimits.SupportNote"/>); whoever accepts an unassigned request takes it.
    /// </summary>
    public async Task<WorkflowResult> MoveAsync(ApplyRequestTrigger command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Trigger == RequestTrigger.Reject)
        {
            var reason = command.Note?.Trim();
            if (string.IsNullOrEmpty(reason))
            {
                return new(OutcomeKind.Invalid, Message: WorkflowTexts.Get("Support.RejectReasonMissing"), Field: SupportFields.RejectReason);
            }

            if (reason.Length > FieldLimits.SupportNote)
            {
                return new(OutcomeKind.Invalid, Message: FieldLimits.TooLong(WorkflowTexts.Get("Support.TheReason"), FieldLimits.SupportNote), Field: SupportFields.RejectReason);
            }
        }

        var result = await ApplyAsync(command, cancellationToken);
        if (result.Kind == OutcomeKind.Ok && command.Trigger == RequestTrigger.Accept && result.Request is { AssignedToId: null } accepted)
        {
            accepted.AssignTo(command.Actor, clock);
            return result with { Details = await DetailsOfAsync(accepted, null, isNew: false, cancellationToken) };
        }

        return result;
    }

    public async Task<WorkflowResult> AskResellerAsync(string requestId, Actor actor, int? expectedVersion, string? question, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (request, refusal) = await LoadForSupportAsync(requestId, actor, expectedVersion, WorkflowTexts.Get("Support.AskAbout"), cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var text = question?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return new(OutcomeKind.Invalid, request, WorkflowTexts.Get("Support.QuestionMissing"), Field: SupportFields.Question);
        }

        if (text.Length > FieldLimits.SupportNote)
        {
            return new(OutcomeKind.Invalid, request, FieldLimits.TooLong(WorkflowTexts.Get("Support.TheQuestion"), FieldLimits.SupportNote), Field: SupportFields.Question);
        }

        if (request!.IsWaitingOnReseller)
        {
            return new(OutcomeKind.Invalid, request, WorkflowTexts.Format("Support.AlreadyAsked", request.Id, request.OpenQuestion));
        }

        request.AskReseller(actor, text, clock);
        return new(OutcomeKind.Ok, request) { Details = await DetailsOfAsync(request, null, isNew: false, cancellationToken) };
    }

    /// <summary>The reseller's answer to the open question of a request of theirs.</summary>
    public async Task<WorkflowResult> AnswerAsync(string requestId, Actor actor, string? answer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var request = await db.RemovalRequests.FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null || (request.RequestedById != actor.Id && actor.ResellerId != request.ResellerId))
        {
            return new(OutcomeKind.NotFound, Message: WorkflowTexts.Format("Apply.NotFound", requestId));
        }

        if (!request.IsWaitingOnReseller)
        {
            return new(OutcomeKind.Conflict, request, WorkflowTexts.Format("Support.NotWaiting", request.Id))
            {
                Details = await DetailsOfAsync(request, null, isNew: false, cancellationToken),
            };
        }

        var text = answer?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return new(OutcomeKind.Invalid, request, WorkflowTexts.Get("Support.AnswerMissing"), Field: SupportFields.Answer);
        }

        if (text.Length > FieldLimits.SupportNote)
        {
            return new(OutcomeKind.Invalid, request, FieldLimits.TooLong(WorkflowTexts.Get("Support.TheAnswer"), FieldLimits.SupportNote), Field: SupportFields.Answer);
        }

        request.AnswerQuestion(actor, text, clock);
        return new(OutcomeKind.Ok, request) { Details = await DetailsOfAsync(request, null, isNew: false, cancellationToken) };
    }

    /// <summary>The newest request the person filed that waits on their answer; null when none does.</summary>
    public Task<string?> OpenQuestionForAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return db.RemovalRequests.AsNoTracking()
            .Where(r => r.RequestedById == actor.Id && r.OpenQuestion != null && r.OpenSubjectKey != null)
            .OrderByDescending(r => r.QuestionAskedAt)
            .Select(r => r.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>A request as it is now, for a card (support sees every request; a reseller only theirs).</summary>
    public async Task<RequestDetails?> DetailsAsync(string requestId, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var request = await db.RemovalRequests.FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        return request is null || !MaySee(actor, request) ? null : await DetailsOfAsync(request, null, isNew: false, cancellationToken);
    }

    /// <summary>
    /// What the reseller invoices for a removal from the payer organization carried out now: the linked part of the
    /// month, on the same basis as the preview, with SES's billing amount for the month so far.
    /// </summary>
    public async Task<(BillingImpact Impact, IReadOnlyList<MonthToDateAmount> MonthToDate)?> RemovalImpactAsync(RemovalRequest request, DateTimeOffset removedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.CloudAccountId is null)
        {
            return null;
        }

        var account = await db.CloudAccounts.Include(a => a.BillingRecords).FirstOrDefaultAsync(a => a.Id == request.CloudAccountId, cancellationToken);
        if (account is null || account.LinkedAt > removedAt)
        {
            return null;
        }

        var impact = BillingImpactCalculator.Calculate(account.LinkedAt, removedAt);
        return (impact, MonthToDate(account, impact.Month));
    }

    private async Task<(RemovalRequest? Request, WorkflowResult? Refusal)> LoadForSupportAsync(
        string requestId, Actor actor, int? expectedVersion, string what, CancellationToken cancellationToken)
    {
        var request = await db.RemovalRequests.FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null || !MaySee(actor, request))
        {
            return (null, new(OutcomeKind.NotFound, Message: WorkflowTexts.Format("Apply.NotFound", requestId)));
        }

        if (!actor.IsSupport)
        {
            return (request, new(OutcomeKind.Invalid, request, WorkflowTexts.Format("Apply.OnlySupport", request.Id, what)));
        }

        if (expectedVersion is { } expected && expected != request.Version)
        {
            return (request, new(OutcomeKind.Conflict, request, WorkflowTexts.Format("Apply.Changed", request.Id, WorkflowTexts.Status(request.Status)))
            {
                Details = await DetailsOfAsync(request, null, isNew: false, cancellationToken),
            });
        }

        if (actor.Id == request.RequestedById)
        {
            return (request, new(OutcomeKind.Invalid, request,
                WorkflowTexts.Format("Apply.FourEyes", request.Id, what)));
        }

        if (!request.IsOpen)
        {
            return (request, new(OutcomeKind.Invalid, request, WorkflowTexts.Format("Apply.NotNow", request.Id, WorkflowTexts.Status(request.Status), what)));
        }

        return (request, null);
    }
}
