using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SesBot.Core.Domain;
using SesBot.Core.Email;
using SesBot.Core.Persistence;
using SesBot.Core.Policy;

namespace SesBot.Core.Workflow;

/// <summary>
/// Turns a reseller's choice into a removal request and moves requests on, asking the policy each time and carrying
/// out what a completed request means for the account or customer. Channel-neutral; returns results, never throws
/// for expected outcomes.
/// </summary>
public sealed partial class RemovalRequestService(SesBotDbContext db, TimeProvider clock)
{
    private const string IdAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public async Task<WorkflowResult> SubmitAsync(SubmitRemovalRequest command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (string.IsNullOrWhiteSpace(command.IdempotencyKey) || command.IdempotencyKey.Length > FieldLimits.IdempotencyKey)
        {
            return new(OutcomeKind.Invalid, Message: WorkflowTexts.Get("Submit.NoKey"));
        }

        var earlier = await FindByIdempotencyKeyAsync(command, cancellationToken);
        if (earlier is not null)
        {
            return earlier;
        }

        var subject = await LoadSubjectAsync(command.Requester, command.Option, command.SubjectId, cancellationToken);
        if (subject is null)
        {
            return new(OutcomeKind.NotFound, Message: WorkflowTexts.Get("Submit.NotFound"));
        }

        var info = RemovalOptionCatalog.Get(command.Option);
        var open = info.IsAboutCustomer
            ? await OpenRequestOfCustomerAsync(subject.Customer.Id, exceptId: null, cancellationToken)
            : subject.OpenOnAccount;
        open ??= await OpenTransferEndAsync(command.Option, subject.Account, exceptId: null, cancellationToken);
        var decision = Decide(command.Option, subject, open);
        if (!decision.IsAllowed)
        {
            return new(OutcomeKind.Denied, Message: decision.DenialReason);
        }

        var now = clock.GetUtcNow();
        var request = new RemovalRequest(
            NewRequestId(), command.IdempotencyKey, command.Option, command.Requester, subject.Customer.ResellerId,
            subject.Customer.Id, subject.Account?.Id, now);

        var invalid = Complete(request, command, subject, now);
        if (invalid is not null)
        {
            return invalid;
        }

        db.RemovalRequests.Add(request);
        if (info.Handling == OptionHandling.SelfService)
        {
            // Self-service: carried out as soon as it is confirmed, by the person who confirmed it.
            request.Apply(RequestTrigger.Complete, command.Requester, clock);
            CarryOut(request, subject, command.Requester, now);
        }
        else if (info.Handling == OptionHandling.EndCustomerInstructions)
        {
            // Nothing is sent yet: the email is queued in this turn's transaction, and the request becomes
            // "instructions sent" only once the outbox handler has actually sent it.
            db.OutboxMessages.Add(UnlinkInstructionsOutbox.Create(request, now));
        }

        // A concurrent change of the same subject now conflicts at commit, and the turn runs again on what the other one
        // committed: a request about an account touches that account (a delete of it, or a removal of its customer,
        // which touches every account of the customer, conflicts); a customer removal touches the customer and all its
        // accounts. Requests about different accounts of one customer do not contend.
        if (subject.Account is { } account)
        {
            account.Touch();

            // Ending a billing transfer ends it for every account of the organization: a request about another of them conflicts.
            foreach (var sibling in subject.TransferSiblings)
            {
                sibling.Touch();
            }
        }
        else
        {
            subject.Customer.Touch();
            foreach (var owned in subject.Customer.Accounts)
            {
                owned.Touch();
            }
        }

        return new(OutcomeKind.Ok, request) { Details = await DetailsOfAsync(request, subject, isNew: true, cancellationToken) };
    }

    public async Task<WorkflowResult> ApplyAsync(ApplyRequestTrigger command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var request = await db.RemovalRequests.FirstOrDefaultAsync(r => r.Id == command.RequestId, cancellationToken);
        if (request is null || !MaySee(command.Actor, request))
        {
            return new(OutcomeKind.NotFound, Message: WorkflowTexts.Format("Apply.NotFound", command.RequestId));
        }

        if (command.ExpectedVersion is { } expected && expected != request.Version)
        {
            return new(OutcomeKind.Conflict, request, WorkflowTexts.Format("Apply.Changed", request.Id, WorkflowTexts.Status(request.Status)));
        }

        if (request.IsFourEyesRefusal(command.Trigger, command.Actor))
        {
            return new(OutcomeKind.Invalid, request,
                WorkflowTexts.Format("Apply.FourEyes", request.Id, WorkflowTexts.Trigger(command.Trigger)));
        }

        if (!request.CanApply(command.Trigger, command.Actor))
        {
            return new(OutcomeKind.Invalid, request, NotApplicable(request, command.Trigger));
        }

        var now = clock.GetUtcNow();
        Subject? subject = null;
        if (IsExecution(command.Trigger))
        {
            subject = await LoadSubjectAsync(Actor.System, request.Kind, request.CloudAccountId ?? request.CustomerId, cancellationToken);
            if (subject is null)
            {
                return new(OutcomeKind.NotFound, request, WorkflowTexts.Get("Apply.SubjectGone"));
            }

            var otherOpen = RemovalOptionCatalog.Get(request.Kind).IsAboutCustomer
                ? await OpenRequestOfCustomerAsync(request.CustomerId, request.Id, cancellationToken)
                : null;
            var recheck = Decide(request.Kind, subject, otherOpen);
            if (!recheck.IsAllowed)
            {
                var reason = WorkflowTexts.Format("Apply.PolicyChanged", recheck.DenialReason);
                if (!request.CanApply(RequestTrigger.Reject, Actor.System))
                {
                    return new(OutcomeKind.Denied, request, reason);
                }

                request.Apply(RequestTrigger.Reject, Actor.System, clock, reason);
                return new(OutcomeKind.Denied, request, reason);
            }
        }

        request.Apply(command.Trigger, command.Actor, clock, command.Note);
        if (subject is not null)
        {
            CarryOut(request, subject, command.Actor, now, command.TransferEndsAt, command.TookEffectAt is { } took && took < now ? took : now);
        }

        return new(OutcomeKind.Ok, request) { Details = await DetailsOfAsync(request, subject, isNew: false, cancellationToken) };
    }

    /// <summary>The policy's options for one of the person's accounts, with the billing-impact preview where it applies.</summary>
    public async Task<AccountOptions?> GetAccountOptionsAsync(Actor actor, string accountId, CancellationToken cancellationToken = default)
    {
        var subject = await LoadSubjectAsync(actor, RemovalOption.DeleteFromPlatform, accountId, cancellationToken, tracked: false);
        if (subject?.Account is not { } account)
        {
            return null;
        }

        var open = subject.OpenOnAccount
            ?? await OpenTransferEndAsync(RemovalOption.AwsEndBillingTransfer, account, exceptId: null, cancellationToken);
        var decision = RemovalPolicy.EvaluateAccount(account, open);
        var impact = decision.For(RemovalOption.AwsRemoveFromPayer)?.IsAllowed == true
            ? BillingImpactCalculator.Calculate(account.LinkedAt, clock.GetUtcNow())
            : null;
        var transferEnd = decision.For(RemovalOption.AwsEndBillingTransfer)?.IsAllowed == true && account.BillingTransfer is { } transfer
            ? BillingImpactCalculator.UntilTransferEnds(transfer.StartedAt, clock.GetUtcNow())
            : null;
        return new AccountOptions(subject.Customer, account, decision, impact, open)
        {
            EndTransferImpact = transferEnd,
            TransferAccounts = [.. (await SameTransferAsync(account, tracked: false, cancellationToken)).Where(a => a.CustomerId == account.CustomerId)],
            MonthToDate = (impact ?? transferEnd) is { } shown ? MonthToDate(account, shown.Month) : [],
        };
    }

    /// <summary>Whether a customer can be removed, for one of the person's customers.</summary>
    public async Task<(Customer Customer, OptionDecision Decision)?> GetCustomerRemovalAsync(Actor actor, string customerId, CancellationToken cancellationToken = default)
    {
        var subject = await LoadSubjectAsync(actor, RemovalOption.RemoveCustomer, customerId, cancellationToken);
        if (subject is null)
        {
            return null;
        }

        var open = await OpenRequestOfCustomerAsync(subject.Customer.Id, null, cancellationToken);
        return (subject.Customer, RemovalPolicy.EvaluateCustomerRemoval(subject.Customer, clock.GetUtcNow(), open));
    }

    /// <summary>The account's billing records for the month, added up per currency.</summary>
    private static List<MonthToDateAmount> MonthToDate(CloudAccount account, DateOnly month) =>
        [.. account.BillingRecords
            .Where(r => r.Month == month)
            .GroupBy(r => r.Currency, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new MonthToDateAmount(month, g.Sum(r => r.Amount), g.Key))];

    private OptionDecision Decide(RemovalOption option, Subject subject, OpenRequestRef? open) =>
        RemovalOptionCatalog.Get(option).IsAboutCustomer
            ? RemovalPolicy.EvaluateCustomerRemoval(subject.Customer, clock.GetUtcNow(), open)
            : RemovalPolicy.Recheck(option, subject.Account!, open);

    private async Task<WorkflowResult?> FindByIdempotencyKeyAsync(SubmitRemovalRequest command, CancellationToken cancellationToken)
    {
        // Nearly every submission is new: on SQLite, whether the key was used is asked first, and only a used one is read.
        if (db.DirectReads is { } reads && !await reads.RequestKeyUsedAsync(command.IdempotencyKey, cancellationToken))
        {
            return null;
        }

        var earlier = await RequestByIdempotencyKeyQuery.For(db)(db, command.IdempotencyKey, cancellationToken);
        if (earlier is null)
        {
            return null;
        }

        return earlier.RequestedById == command.Requester.Id
            ? new(OutcomeKind.Duplicate, earlier, WorkflowTexts.Format("Submit.Duplicate", earlier.Id))
            : new(OutcomeKind.Invalid, Message: WorkflowTexts.Get("Submit.KeyTaken"));
    }

    /// <summary>
    /// Any open request about the customer or one of its accounts: removing the customer deletes its accounts, so it
    /// must not happen under a request support is still working on.
    /// </summary>
    private async Task<OpenRequestRef?> OpenRequestOfCustomerAsync(string customerId, string? exceptId, CancellationToken cancellationToken) =>
        await db.RemovalRequests.AsNoTracking()
            .Where(r => r.CustomerId == customerId && r.OpenSubjectKey != null && r.Id != exceptId)
            .OrderBy(r => r.CloudAccountId == null ? 0 : 1)
            .Select(r => new OpenRequestRef(r.Id, r.Kind))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Why a trigger cannot move a request: not at this status, or not by this person.</summary>
    private static string NotApplicable(RemovalRequest request, RequestTrigger trigger)
    {
        if (!RemovalRequest.TransitionsOf(request.Kind).TryGetValue((request.Status, trigger), out var row))
        {
            return WorkflowTexts.Format("Apply.NotNow", request.Id, WorkflowTexts.Status(request.Status), WorkflowTexts.Trigger(trigger));
        }

        return row.Who.HasFlag(RemovalRequest.Permitted.Requester)
            ? WorkflowTexts.Format("Apply.OnlyRequester", request.RequestedByName, request.Id, WorkflowTexts.Trigger(trigger))
            : WorkflowTexts.Format("Apply.OnlySupport", request.Id, WorkflowTexts.Trigger(trigger));
    }

    /// <summary>
    /// The customer or account a request is about, as the person may see it. Untracked (<paramref name="tracked"/> false)
    /// for what is only shown: nothing of it is saved, and the turn's save then has fewer entries to look at.
    /// </summary>
    private async Task<Subject?> LoadSubjectAsync(Actor actor, RemovalOption option, string subjectId, CancellationToken cancellationToken, bool tracked = true)
    {
        if (RemovalOptionCatalog.Get(option).IsAboutCustomer)
        {
            var customer = await db.Customers.Include(c => c.Accounts).ThenInclude(a => a.BillingRecords)
                .AsSplitQuery() // one statement would scan every account's billing rows (see ResellerCatalog.FindCustomerAsync)
                .FirstOrDefaultAsync(c => c.Id == subjectId, cancellationToken);
            return customer is null || !MaySee(actor, customer.ResellerId) ? null : new Subject(customer, null);
        }

        var key = RemovalRequest.SubjectKeyFor(option, string.Empty, subjectId);
        var row = await ReadAccountSubjectAsync(subjectId, key, tracked, cancellationToken);
        if (row is null || !MaySee(actor, row.Customer.ResellerId))
        {
            return null;
        }

        return new Subject(row.Customer, row.Account)
        {
            OpenOnAccount = row.OpenId is { } openId && row.OpenKind is { } openKind ? new OpenRequestRef(openId, openKind) : null,
            TransferSiblings = option == RemovalOption.AwsEndBillingTransfer
                ? await SameTransferAsync(row.Account, tracked: true, cancellationToken)
                : [],
        };
    }

    /// <summary>
    /// The account with its customer and open request: on SQLite read by hand and, when <paramref name="tracked"/>, then
    /// tracked as EF Core's tracked query would track it; by EF Core's query when this unit of work already tracks one
    /// of the rows (the query returns the tracked instances).
    /// </summary>
    private async Task<AccountSubjectRow?> ReadAccountSubjectAsync(string accountId, string key, bool tracked, CancellationToken cancellationToken)
    {
        if (db.DirectReads is { } reads)
        {
            if (await reads.AccountSubjectAsync(accountId, key, cancellationToken) is not { } read)
            {
                return null;
            }

            if (!tracked || reads.Track(read.Customer, read.Account))
            {
                return new AccountSubjectRow { Account = read.Account, Customer = read.Customer, OpenId = read.OpenId, OpenKind = read.OpenKind };
            }
        }

        return tracked
            ? await AccountSubjectQuery.For(db)(db, accountId, key, cancellationToken)
            : await AccountSubjectUntrackedQuery.For(db)(db, accountId, key, cancellationToken);
    }

    private static bool MaySee(Actor actor, string resellerId) => actor.IsSupport || actor.ResellerId == resellerId;

    private static bool MaySee(Actor actor, RemovalRequest request) => MaySee(actor, request.ResellerId);

    /// <summary>The triggers that carry a request out, so the policy is asked again first.</summary>
    private static bool IsExecution(RequestTrigger trigger) =>
        trigger is RequestTrigger.Complete or RequestTrigger.MarkRemovedFromPayer or RequestTrigger.EndBillingTransfer;

    private static WorkflowResult? Complete(RemovalRequest request, SubmitRemovalRequest command, Subject subject, DateTimeOffset now)
    {
        // What a card sends back is not trusted to respect its own input limits; the columns have them.
        if (TooLong(command) is { } tooLong)
        {
            return new(OutcomeKind.Invalid, Message: tooLong.TooLongMessage, Field: tooLong.Id);
        }

        switch (command.Option)
        {
            case RemovalOption.DeleteFromPlatform:
                var typed = command.ConfirmationText?.Trim().Replace("-", string.Empty, StringComparison.Ordinal);
                var expected = subject.Account!.ExternalId.Replace("-", string.Empty, StringComparison.Ordinal);
                if (!string.Equals(typed, expected, StringComparison.OrdinalIgnoreCase))
                {
                    return new(OutcomeKind.Invalid, Message: WorkflowTexts.Format("Submit.ConfirmDelete", subject.Account.ExternalId), Field: FormFields.ConfirmationId);
                }

                break;
            case RemovalOption.AwsTransferOwnership:
                var validation = TransferContactValidator.Validate(command.Contact ?? new TransferContactDraft());
                if (!validation.IsValid)
                {
                    return new(OutcomeKind.Invalid, Message: WorkflowTexts.Get("Submit.ContactInvalid"), FieldErrors: validation.Errors);
                }

                request.WithContact(validation.Contact!);
                break;
            case RemovalOption.AzureSuspend when string.IsNullOrWhiteSpace(command.Reason):
                return new(OutcomeKind.Invalid, Message: WorkflowTexts.Get("Submit.ReasonMissing"), Field: FormFields.ReasonId);
            case RemovalOption.AzureTransferToCsp when !string.IsNullOrWhiteSpace(command.TargetPartnerTenantId) && !Guid.TryParse(command.TargetPartnerTenantId, out _):
                var tenant = command.TargetPartnerTenantId.Trim();
                return new(OutcomeKind.Invalid, Message: WorkflowTexts.Format("Submit.TenantId", tenant), Field: FormFields.PartnerTenantIdId);
            case RemovalOption.AwsSelfUnlink when !EndCustomerEmail.IsValid(command.EndCustomerEmail):
                return new(OutcomeKind.Invalid, Message: WorkflowTexts.Get("Submit.EndCustomerEmail"), Field: FormFields.EndCustomerEmailId);
            default:
                break;
        }

        request.WithDetails(
            command.Reason,
            command.TargetPartnerName,
            command.TargetPartnerTenantId,
            command.EndCustomerEmail,
            command.EndCustomerLanguage,
            PreviewImpact(command.Option, subject.Account, now));
        return null;
    }

    /// <summary>The billing impact a request records at submission: the linked part of the month, or what is billed until a transfer ends.</summary>
    private static BillingImpact? PreviewImpact(RemovalOption option, CloudAccount? account, DateTimeOffset now) =>
        RemovalOptionCatalog.Get(option).Workflow switch
        {
            RequestWorkflow.PayerRemoval => BillingImpactCalculator.Calculate(account!.LinkedAt, now),
            RequestWorkflow.BillingTransferEnd when account?.BillingTransfer is { } transfer => BillingImpactCalculator.UntilTransferEnds(transfer.StartedAt, now),
            _ => null,
        };

    /// <summary>What a completed request means for the account or customer, audited.</summary>
    /// <param name="effective">When the change took effect at the provider (at most now): the departure or suspension is dated then.</param>
    private void CarryOut(RemovalRequest request, Subject subject, Actor actor, DateTimeOffset now, DateTimeOffset? transferEndsAt = null, DateTimeOffset? effective = null)
    {
        var takenEffect = effective ?? now;
        if (request.Status != RequestStatus.Completed)
        {
            return;
        }

        var account = subject.Account;
        switch (request.Kind)
        {
            case RemovalOption.DeleteFromPlatform:
                account!.MarkDeleted(now);
                Audit(actor, account, "Deleted", $"Deleted from SES by request {request.Id}.");
                break;
            case RemovalOption.RemoveCustomer:
                foreach (var owned in subject.Customer.Accounts.Where(a => a.State == AccountState.Active))
                {
                    owned.MarkDeleted(now);
                    Audit(actor, owned, "Deleted", $"Deleted with its customer by request {request.Id}.");
                }

                subject.Customer.MarkRemoved(now);
                db.AuditEvents.Add(new AuditEvent(now, actor, nameof(Customer), subject.Customer.Id, "Removed", $"Removed by request {request.Id}."));
                break;
            case RemovalOption.AzureSuspend:
                account!.MarkSuspended(takenEffect);
                Audit(actor, account, "Suspended", $"Suspended by request {request.Id}.");
                break;
            case RemovalOption.AwsEndBillingTransfer:
                // Ended now, it runs to the end of this month (or the end AWS returned): the impact is recorded as it turned out.
                var transfer = account!.BillingTransfer!;
                var impact = BillingImpactCalculator.UntilTransferEnds(transfer.StartedAt, transferEndsAt ?? now);
                request.RecordBillingImpact(impact);
                foreach (var ended in subject.TransferSiblings.Where(a => a.State == AccountState.Active).Prepend(account))
                {
                    // The transfer covers the customer's whole organization: every account billed through it ends with it.
                    ended.EndBillingTransfer(impact.PeriodEnd);
                    Audit(actor, ended, "BillingTransferEnded", string.Create(
                        CultureInfo.InvariantCulture, $"Billing transfer {transfer.Id} ended by request {request.Id}; it ends {impact.PeriodEnd.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC."));
                }
                break;
            case RemovalOption.DeletedInErrorTicket:
                account!.Restore();
                Audit(actor, account, "Restored", $"Restored by request {request.Id}.");
                break;
            default:
                account!.MarkDeparted(takenEffect);
                Audit(actor, account, "Departed", $"Left the distributor by request {request.Id} ({request.Kind}).");
                break;
        }

        void Audit(Actor who, CloudAccount target, string action, string details) =>
            db.AuditEvents.Add(new AuditEvent(now, who, nameof(CloudAccount), target.Id, action, details));
    }

    /// <summary>A changed request with what it is about: the recorded timeline plus what this turn adds to it.</summary>
    private async Task<RequestDetails> DetailsOfAsync(RemovalRequest request, Subject? subject, bool isNew, CancellationToken cancellationToken)
    {
        var customer = subject?.Customer ?? await db.Customers.AsNoTracking().FirstAsync(c => c.Id == request.CustomerId, cancellationToken);
        var account = subject?.Account ?? (request.CloudAccountId is null
            ? null
            : await db.CloudAccounts.AsNoTracking().Include(a => a.BillingRecords).FirstOrDefaultAsync(a => a.Id == request.CloudAccountId, cancellationToken));
        // A request this turn creates has no recorded events yet: its timeline is what it records now.
        List<AuditEvent> recorded = isNew
            ? []
            : await db.AuditEvents.AsNoTracking()
                .Where(e => e.EntityType == nameof(RemovalRequest) && e.EntityId == request.Id)
                .OrderBy(e => e.Id)
                .ToListAsync(cancellationToken);
        return new RequestDetails(request, customer, account, [.. recorded, .. request.PendingAudit])
        {
            Email = await RequestEmails.FindAsync(db, request, cancellationToken),
        };
    }

    /// <summary>The field of the first text of the submission that is over its limit; null when all fit.</summary>
    private static FormField? TooLong(SubmitRemovalRequest command)
    {
        var reasonField = RemovalOptionCatalog.Get(command.Option).Field(FormFields.NoteId) ?? FormFields.Reason;
        (string? Value, FormField Field)[] texts =
        [
            (command.Reason, reasonField),
            (command.TargetPartnerName, FormFields.PartnerName),
            (command.TargetPartnerTenantId, FormFields.PartnerTenantId),
            (command.EndCustomerEmail, FormFields.EndCustomerEmail),
            (command.EndCustomerLanguage, FormFields.Language),
            (command.ConfirmationText, FormFields.Confirmation),
        ];
        return texts.FirstOrDefault(t => t.Value?.Trim().Length > t.Field.MaxLength).Field;
    }

    private static string NewRequestId() => "R-" + RandomNumberGenerator.GetString(IdAlphabet, 6);

    /// <summary>
    /// One statement for what every account step needs: the account with its billing rows (tracked, so they attach to
    /// it), its customer, and the open request that holds the account, if any. Compiled once: it runs on most turns of
    /// the removal dialog, and EF Core need not look its translation up again each time.
    /// </summary>
    private static readonly CompiledPerModel<Func<SesBotDbContext, string, string, CancellationToken, Task<AccountSubjectRow?>>> AccountSubjectQuery = new(() =>
        EF.CompileAsyncQuery((SesBotDbContext context, string accountId, string key, CancellationToken _) => (
            from a in context.CloudAccounts
            where a.Id == accountId
            join c in context.Customers on a.CustomerId equals c.Id
            select new AccountSubjectRow
            {
                Account = a,
                Billing = a.BillingRecords.ToList(),
                Customer = c,
                OpenId = context.RemovalRequests.Where(r => r.OpenSubjectKey == key).Select(r => r.Id).FirstOrDefault(),
                OpenKind = context.RemovalRequests.Where(r => r.OpenSubjectKey == key).Select(r => (RemovalOption?)r.Kind).FirstOrDefault(),
            })
            .FirstOrDefault()));

    /// <summary>
    /// The same, untracked, for the account steps that only show the account: its billing rows are included in it (an
    /// untracked query has no change tracker to attach them), and nothing is left for the turn's save to look at.
    /// </summary>
    private static readonly CompiledPerModel<Func<SesBotDbContext, string, string, CancellationToken, Task<AccountSubjectRow?>>> AccountSubjectUntrackedQuery = new(() =>
        EF.CompileAsyncQuery((SesBotDbContext context, string accountId, string key, CancellationToken _) => (
            from a in context.CloudAccounts.AsNoTracking().Include(a => a.BillingRecords)
            where a.Id == accountId
            join c in context.Customers.AsNoTracking() on a.CustomerId equals c.Id
            select new AccountSubjectRow
            {
                Account = a,
                Customer = c,
                OpenId = context.RemovalRequests.Where(r => r.OpenSubjectKey == key).Select(r => r.Id).FirstOrDefault(),
                OpenKind = context.RemovalRequests.Where(r => r.OpenSubjectKey == key).Select(r => (RemovalOption?)r.Kind).FirstOrDefault(),
            })
            .FirstOrDefault()));

    /// <summary>The request a submission with this key made before (tracked), if any: looked up on every submission.</summary>
    private static readonly CompiledPerModel<Func<SesBotDbContext, string, CancellationToken, Task<RemovalRequest?>>> RequestByIdempotencyKeyQuery = new(() =>
        EF.CompileAsyncQuery((SesBotDbContext context, string key, CancellationToken _) =>
            context.RemovalRequests.FirstOrDefault(r => r.IdempotencyKey == key)));

    private sealed class AccountSubjectRow
    {
        public required CloudAccount Account { get; init; }

        /// <summary>The billing rows, read for the change tracker to attach to the account (tracked query only).</summary>
        public List<BillingRecord>? Billing { get; init; }

        public required Customer Customer { get; init; }

        public string? OpenId { get; init; }

        public RemovalOption? OpenKind { get; init; }
    }

    private sealed record Subject(Customer Customer, CloudAccount? Account)
    {
        /// <summary>For an account: the open request about it (read with it), or null.</summary>
        public OpenRequestRef? OpenOnAccount { get; init; }

        /// <summary>For a billing-transfer end: the other accounts billed through the same transfer (tracked).</summary>
        public IReadOnlyList<CloudAccount> TransferSiblings { get; init; } = [];
    }
}
