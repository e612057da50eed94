using System.Globalization;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Core.Domain;
using SesBot.Core.Execution;
using SesBot.Core.Localization;

namespace SesBot.Bot.Cards;

/// <summary>
/// Cards of cloud execution in the support channel: the pre-flight check (facts from the provider, predictable
/// failures with what to do, then the button), the answer to a click, the result, and the reseller's notice. Every
/// card of the simulated gateways says "simulated".
/// </summary>
public static class CloudCards
{
    private static readonly Strings S = Strings.For(typeof(CloudCards));

    /// <summary>"Check account": for a request SesBot can carry out itself, on the support card.</summary>
    public static ReplyAction? CheckButton(RemovalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return CloudOperations.For(request.Kind) is null || !request.IsOpen
            ? null
            : new ReplyAction(S["CheckAccount"], ActionIds.CheckCloudAccount, Ids(request)) { SubmitsInputs = false };
    }

    public static Reply CheckQueued(RemovalRequest request, string target) => Reply.Card(
        S.Format("CheckQueued.Summary", target, request.Id),
        new ParagraphBlock(S.Format("CheckQueued", target, request.Id), Tone.Subtle));

    /// <summary>
    /// The pre-flight card: what the provider says, what would fail and what to do, then the button. For an Azure
    /// subscription whose customer's tenant id SES lacks (or under which Partner Center does not find it), the card asks
    /// for the tenant id instead: <paramref name="tenantValue"/> is what was typed, <paramref name="tenantError"/> why it was not kept.
    /// </summary>
    public static Reply Preflight(PreflightReport report, string? tenantValue = null, string? tenantError = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var request = report.Request;
        var operation = CloudOperations.For(request.Kind)!.Value;
        var blocks = new List<ReplyBlock>
        {
            new HeadingBlock(S.Format(operation switch
            {
                CloudOperation.AwsRemoveFromOrganization => "Preflight.Heading.Aws",
                CloudOperation.AwsEndBillingTransfer => "Preflight.Heading.Aws",
                _ => "Preflight.Heading.Azure",
            }, report.Account.ExternalId) + SimulatedLabel(report.Simulated)),
        };
        if (report.Simulated)
        {
            blocks.Add(new ParagraphBlock(S["Preflight.Simulated"], Tone.Warning));
        }

        var facts = new List<ReplyFact> { new(S["Fact.Request"], S.Format("Preflight.RequestValue", request.Id, Texts.Option(request.Kind), Texts.Status(request.Status))) };
        if (report.Aws is { } aws)
        {
            facts.Add(new(S["Preflight.Member"], S[aws.IsMember ? "Yes" : "No"]));
            if (aws.IsMember)
            {
                facts.Add(new(S["Preflight.State"], aws.State ?? "?"));
                facts.Add(new(S["Preflight.Joined"], aws.JoinedAt is { } at ? S.Format("Preflight.JoinedValue", aws.JoinedMethod ?? "?", Texts.Instant(at)) : aws.JoinedMethod ?? "?"));
                facts.Add(new(S["Preflight.Origin"], Texts.Origin(report.Account)));
                facts.Add(new(S["Preflight.Delegated"], aws.DelegatedServices.Count == 0 ? S["Preflight.Nothing"] : string.Join(", ", aws.DelegatedServices)));
                facts.Add(new(S["Preflight.Tags"], aws.Tags.Count == 0 ? S["Preflight.None"] : string.Join(", ", aws.Tags.Select(t => t.Key + "=" + t.Value))));
            }
        }

        if (operation == CloudOperation.AzureSuspendSubscription)
        {
            facts.Add(new(S["Preflight.Customer"], report.CustomerName ?? request.CustomerId));
            facts.Add(new(S["Preflight.Tenant"], report.AzureTenantId ?? S["Preflight.TenantNone"]));
        }

        if (report.Azure is { } azure)
        {
            facts.Add(new(S["Preflight.PartnerCenterStatus"], azure.Status ?? "?"));
            facts.Add(new(S["Preflight.Offer"], azure.OfferName ?? "?"));
        }

        if (report.Transfer is { } transfer)
        {
            facts.Add(new(S["Preflight.Transfer"], S.Format("Preflight.TransferValue", transfer.Id, transfer.Status ?? "?")));
            facts.Add(new(S["Preflight.TransferSource"], transfer.SourceManagementAccountId ?? "?"));
            facts.Add(new(S["Preflight.TransferStarted"], transfer.StartedAt is { } started ? Texts.Instant(started) : "?"));
            facts.Add(new(S["Preflight.TransferEnds"], transfer.EndsAt is { } ends ? Texts.Instant(ends) : S["Preflight.TransferNotEnded"]));
        }

        blocks.Add(new FactsBlock(facts));
        if (report.ReadError is { } error)
        {
            blocks.Add(new ParagraphBlock(S.Format("Preflight.Failed", error), Tone.Attention));
        }

        foreach (var finding in report.Findings)
        {
            var tone = finding.Severity switch
            {
                PreflightSeverity.Blocker => Tone.Attention,
                PreflightSeverity.Warning => Tone.Warning,
                _ => Tone.Subtle,
            };
            blocks.Add(new ParagraphBlock(finding.WhatToDo is null ? finding.Text : finding.Text + " " + finding.WhatToDo, tone));
        }

        if (report.LatestExecution is { } latest)
        {
            blocks.Add(new ParagraphBlock(LatestLine(latest), latest.Status == CloudExecutionStatus.Failed ? Tone.Attention : Tone.Subtle));
        }

        var actions = new List<ReplyAction>();
        if (report.NeedsAzureTenant)
        {
            blocks.AddRange(TenantForm(report, tenantValue, tenantError));
            actions.Add(new ReplyAction(S["Tenant.Save"], ActionIds.SaveAzureTenant, Ids(request), ReplyActionStyle.Primary));
        }
        else if (report.LatestExecution is { Status: CloudExecutionStatus.Unknown })
        {
            actions.Add(new ReplyAction(S["CheckOutcome"], ActionIds.ExecuteCloudChange, Ids(request)) { SubmitsInputs = false });
            actions.Add(new ReplyAction(S["Release"], ActionIds.ReleaseCloudExecution, Ids(request)) { SubmitsInputs = false });
        }
        else if (CloudOperations.CanStartAt(request) && report.LatestExecution is not { Status: CloudExecutionStatus.Claimed })
        {
            var title = request.Status == RequestStatus.Failed ? Retry(operation) : Title(operation);
            actions.Add(new ReplyAction(title, ActionIds.ExecuteCloudChange, Ids(request), ReplyActionStyle.Destructive) { SubmitsInputs = false });
        }

        actions.Add(new ReplyAction(S["CheckAgain"], ActionIds.CheckCloudAccount, Ids(request)) { SubmitsInputs = false });
        if (actions.Any(a => a.Verb == ActionIds.ExecuteCloudChange && a.Style == ReplyActionStyle.Destructive))
        {
            blocks.Add(new ParagraphBlock(operation switch
            {
                CloudOperation.AwsRemoveFromOrganization => S.Format("Preflight.RemoveWarning", request.RequestedByName),
                CloudOperation.AwsEndBillingTransfer => S.Format("Preflight.EndTransferWarning", request.RequestedByName),
                _ => S.Format("Preflight.SuspendWarning", request.RequestedByName),
            }, Tone.Subtle));
        }

        blocks.Add(new ActionsBlock(actions));
        return new Reply(blocks) { Summary = S.Format("Preflight.Summary", report.Account.ExternalId, request.Id) + SimulatedLabel(report.Simulated) };
    }

    /// <summary>The answer to "Save and check" with a well-formed tenant id: Partner Center is being asked; this card is replaced with its answer.</summary>
    public static Reply AzureTenantChecking(PreflightReport report, string tenantId)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Reply.Card(
            S.Format("Tenant.Checking.Summary", tenantId, report.Request.Id),
            new HeadingBlock(S.Format("Preflight.Heading.Azure", report.Account.ExternalId) + SimulatedLabel(report.Simulated)),
            new FactsBlock(
            [
                new(S["Fact.Request"], report.Request.Id),
                new(S["Preflight.Customer"], report.CustomerName ?? report.Request.CustomerId),
                new(S["Preflight.Tenant"], tenantId),
            ]),
            new ParagraphBlock(S.Format("Tenant.Checking", report.Account.ExternalId, tenantId), Tone.Subtle),
            new ActionsBlock([new ReplyAction(S["CheckAgain"], ActionIds.CheckCloudAccount, Ids(report.Request)) { SubmitsInputs = false }]));
    }

    /// <summary>What Partner Center said about an entered tenant id: the pre-flight card with the subscription (kept), or the form again (not kept).</summary>
    public static Reply AzureTenantChecked(AzureTenantCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        var subscription = check.Report.Account.ExternalId;
        var customer = check.Report.CustomerName ?? check.Report.Request.CustomerId;
        return check.Outcome switch
        {
            AzureTenantOutcome.Saved => WithNote(Preflight(check.Report), check.PreviousTenantId is { } previous
                ? S.Format("Tenant.Replaced", check.TenantId, customer, previous, subscription)
                : S.Format("Tenant.Saved", check.TenantId, customer, subscription), Tone.Good),
            AzureTenantOutcome.Unchanged => WithNote(Preflight(check.Report), S.Format("Tenant.Unchanged", check.TenantId, customer, subscription), Tone.Good),
            AzureTenantOutcome.NotFound => Preflight(check.Report, check.TenantId, S.Format("Tenant.NotFoundUnder", subscription, check.TenantId)),
            _ => Preflight(check.Report, check.TenantId, S.Format("Tenant.ReadFailed", check.Message)),
        };
    }

    /// <summary>The card with a note on top (what just happened).</summary>
    public static Reply WithNote(Reply card, string note, Tone tone)
    {
        ArgumentNullException.ThrowIfNull(card);
        return card with { Blocks = [new ParagraphBlock(note, tone), .. card.Blocks] };
    }

    /// <summary>The answer to a click on "remove now" / "suspend" (the result follows as its own message).</summary>
    public static Reply Claimed(ClaimResult result, string requestId)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Outcome switch
        {
            ClaimOutcome.Started => Reply.Card(
                S.Format("Claimed.Summary", result.Execution!.Id, requestId),
                new HeadingBlock(S.Format("Claimed.Heading", Title(result.Execution.Operation)) + SimulatedLabel(result.Execution.Simulated)),
                new FactsBlock(
                [
                    new(S["Fact.Request"], requestId),
                    new(S["Fact.Execution"], result.Execution.Id),
                    new(S["Fact.Target"], result.Execution.Target),
                    new(S["Fact.By"], result.Execution.ActorName),
                ]),
                new ParagraphBlock(S["Claimed.Once"], Tone.Subtle)),
            ClaimOutcome.AlreadyRunning or ClaimOutcome.Rechecking => Reply.Card(result.Message ?? S["Claimed.UnderWay"], new ParagraphBlock(result.Message ?? S["Claimed.UnderWay"], Tone.Warning)),
            _ => Reply.Card(result.Message ?? S["Claimed.NotStarted"], new ParagraphBlock(S.Format("Claimed.NotStartedBecause", result.Message), Tone.Attention)),
        };
    }

    /// <summary>The answer to "not done: allow a new attempt".</summary>
    public static Reply Released(ClaimResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Execution is { Status: CloudExecutionStatus.Failed } && result.Message is { } note
            ? Reply.Card(note, new ParagraphBlock(S.Format("Released", result.Execution.Id, note), Tone.Good),
                new ActionsBlock([new ReplyAction(S["CheckAccount"], ActionIds.CheckCloudAccount, Ids(result.Execution.RequestId)) { SubmitsInputs = false }]))
            : Reply.Card(result.Message ?? S["NotReleased"], new ParagraphBlock(S.Format("NotReleasedBecause", result.Message), Tone.Attention));
    }

    /// <summary>The result for support, posted where the button was clicked.</summary>
    public static Reply Result(ExecutionReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var execution = report.Execution;
        var title = Title(execution.Operation);
        var facts = new List<ReplyFact>
        {
            new(S["Fact.Request"], execution.RequestId),
            new(S["Fact.Execution"], S.Format("Result.ExecutionValue", execution.Id, execution.ActorName)),
            new(S["Fact.Target"], execution.Target),
        };
        var blocks = new List<ReplyBlock>();
        switch (execution.Status)
        {
            case CloudExecutionStatus.Succeeded:
                blocks.Add(new HeadingBlock(S.Format("Result.Done", title) + SimulatedLabel(execution.Simulated)));
                facts.Add(new(S["Result.Effective"], execution.CompletedAt is { } at ? Texts.Instant(at) : "?"));
                if (report.Details?.Request.BillingImpact is { } impact && execution.Operation != CloudOperation.AzureSuspendSubscription)
                {
                    facts.Add(new(S["Result.ResellerInvoices"], S.Format("Result.ResellerInvoicesValue", BillingTexts.Period(impact), BillingTexts.Share(impact))));
                }

                facts.Add(new(S["Result.RequestStatus"], Texts.Status(report.Details is { } details ? details.Request.Status : RequestStatus.Completed)));
                blocks.Add(new FactsBlock(facts));
                blocks.Add(new ParagraphBlock(report.Details?.Request.LastNote ?? S["Result.DoneNote"], Tone.Good));
                break;
            case CloudExecutionStatus.Failed:
                blocks.Add(new HeadingBlock(S.Format("Result.Refused", title) + SimulatedLabel(execution.Simulated)));
                facts.Add(new(S["Result.Error"], execution.ErrorKind ?? "?"));
                blocks.Add(new FactsBlock(facts));
                blocks.Add(new ParagraphBlock(execution.ErrorMessage ?? S["Result.RefusedNote"], Tone.Attention));
                if (report.CustomerText is { } customer)
                {
                    blocks.Add(new ParagraphBlock(S["Result.ForEndCustomer"], Tone.Subtle));
                    blocks.Add(new ParagraphBlock(customer));
                }

                if (report.RetryMakesSense)
                {
                    blocks.Add(new ActionsBlock([new ReplyAction(Retry(execution.Operation), ActionIds.ExecuteCloudChange, Ids(execution.RequestId)) { SubmitsInputs = false }]));
                }

                break;
            default:
                blocks.Add(new HeadingBlock(S.Format("Result.Unknown", title) + SimulatedLabel(execution.Simulated)));
                facts.Add(new(S["Result.Status"], execution.ErrorKind ?? S["Result.StatusUnknown"]));
                blocks.Add(new FactsBlock(facts));
                blocks.Add(new ParagraphBlock(execution.ErrorMessage ?? S["Result.UnknownNote"], Tone.Warning));
                blocks.Add(new ParagraphBlock(S["Result.ReleaseHint"], Tone.Subtle));
                blocks.Add(new ActionsBlock(
                [
                    new ReplyAction(S["CheckOutcome"], ActionIds.ExecuteCloudChange, Ids(execution.RequestId)) { SubmitsInputs = false },
                    new ReplyAction(S["Release"], ActionIds.ReleaseCloudExecution, Ids(execution.RequestId)) { SubmitsInputs = false },
                ]));
                break;
        }

        return new Reply(blocks) { Summary = S.Format("Result.Summary", title, execution.RequestId, S["Execution." + execution.Status]) };
    }

    /// <summary>What the reseller who filed the request is told once the change is made.</summary>
    public static Reply ResellerNotice(ExecutionReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var execution = report.Execution;
        var what = execution.Operation switch
        {
            CloudOperation.AwsRemoveFromOrganization => S.Format("Notice.Removed", execution.Target, SimulatedLabel(execution.Simulated)),
            CloudOperation.AwsEndBillingTransfer => S.Format("Notice.TransferEnded", execution.Target, SimulatedLabel(execution.Simulated)),
            _ => S.Format("Notice.Suspended", execution.Target, SimulatedLabel(execution.Simulated)),
        };
        var blocks = new List<ReplyBlock>
        {
            new HeadingBlock(S.Format("Notice.Heading", execution.RequestId)),
            new ParagraphBlock(what, Tone.Good),
        };
        if (report.Details?.Request.BillingImpact is { } impact && execution.Operation != CloudOperation.AzureSuspendSubscription)
        {
            blocks.Add(new FactsBlock(
            [
                new(S[execution.Operation == CloudOperation.AwsEndBillingTransfer ? "Notice.TransferEndsAt" : "Notice.RemovedAt"], Texts.Instant(impact.PeriodEnd)),
                new(S["Notice.InvoiceFor"], BillingTexts.Period(impact)),
                new(S["Notice.Days"], BillingTexts.Days(impact)),
                new(S["Notice.Share"], BillingTexts.Share(impact)),
            ]));
        }

        blocks.Add(new ActionsBlock([new ReplyAction(S["Notice.Show"], ActionIds.RefreshStatus, Ids(execution.RequestId)) { SubmitsInputs = false }]));
        return new Reply(blocks) { Summary = S.Format("Notice.Summary", execution.RequestId) };
    }

    /// <summary>What the tenant id is, where support finds it, and the box to enter it.</summary>
    private static IEnumerable<ReplyBlock> TenantForm(PreflightReport report, string? value, string? error)
    {
        var customer = report.CustomerName ?? report.Request.CustomerId;
        if (report.AzureTenantId is null)
        {
            yield return new ParagraphBlock(S.Format("Tenant.Missing", customer, report.Account.ExternalId), Tone.Attention);
        }
        else
        {
            yield return new ParagraphBlock(S.Format("Tenant.Correct", customer), Tone.Warning);
        }

        yield return new ParagraphBlock(S.Format("Tenant.WhereToFind", customer, report.Account.ExternalId));
        yield return new TextInputBlock(DataKeys.AzureTenantId, S["Tenant.Label"])
        {
            Value = value,
            Error = error,
            Placeholder = S["Tenant.Placeholder"],
            MaxLength = AzureTenant.InputMaxLength,
        };
    }

    private static string LatestLine(CloudExecution latest) => latest.Status switch
    {
        CloudExecutionStatus.Claimed => S.Format("Latest.Claimed", latest.Id, latest.ActorName),
        CloudExecutionStatus.Succeeded => S.Format("Latest.Succeeded", latest.Id, latest.ActorName),
        CloudExecutionStatus.Unknown => S.Format("Latest.Unknown", latest.Id, latest.ActorName, latest.ErrorMessage),
        _ => S.Format("Latest.Refused", latest.Id, latest.ActorName, latest.ErrorMessage),
    };

    /// <summary>The operation's name on its button and in headings ("Remove from payer organization now").</summary>
    private static string Title(CloudOperation operation) => S["Title." + operation];

    /// <summary>The retry button: "Retry: remove from payer organization now".</summary>
    private static string Retry(CloudOperation operation) => S["Retry." + operation];

    private static string SimulatedLabel(bool simulated) => simulated ? " " + S["Simulated"] : string.Empty;

    private static Dictionary<string, string> Ids(RemovalRequest request) => new()
    {
        [DataKeys.RequestId] = request.Id,
        [DataKeys.Version] = request.Version.ToString(CultureInfo.InvariantCulture),
    };

    private static Dictionary<string, string> Ids(string requestId) => new() { [DataKeys.RequestId] = requestId };
}
