using System.Globalization;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Core.Domain;
using SesBot.Core.Execution;

namespace SesBot.Bot.Cards;

/// <summary>
/// Cards of cloud execution in the support channel: the pre-flight check (facts from the provider, predictable
/// failures with what to do, then the button), the answer to a click, the result, and the reseller's notice. Every
/// card of the simulated gateways says "simulated".
/// </summary>
public static class CloudCards
{
    /// <summary>"Check account": for a request SesBot can carry out itself, on the support card.</summary>
    public static ReplyAction? CheckButton(RemovalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return CloudOperations.For(request.Kind) is null || !request.IsOpen
            ? null
            : new ReplyAction("Check account", ActionIds.CheckCloudAccount, Ids(request)) { SubmitsInputs = false };
    }

    public static Reply CheckQueued(RemovalRequest request, string target) => Reply.Card(
        $"Checking {target} for request {request.Id}.",
        new ParagraphBlock($"Checking {target} with the provider for request {request.Id}; the result follows in this conversation.", Tone.Subtle));

    /// <summary>The pre-flight card: what the provider says, what would fail and what to do, then the button.</summary>
    public static Reply Preflight(PreflightReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var request = report.Request;
        var operation = CloudOperations.For(request.Kind)!.Value;
        var blocks = new List<ReplyBlock>
        {
            new HeadingBlock($"{(operation == CloudOperation.AzureSuspendSubscription ? "Azure subscription" : "AWS account")} {report.Account.ExternalId}: check{SimulatedLabel(report.Simulated)}"),
        };
        if (report.Simulated)
        {
            blocks.Add(new ParagraphBlock("Simulated: no credentials are configured, so SesBot reads and changes a simulated organization in its own database, not AWS or Partner Center.", Tone.Warning));
        }

        var facts = new List<ReplyFact> { new("Request", $"{request.Id} · {Texts.Option(request.Kind)} · {Texts.Status(request.Status)}") };
        if (report.Aws is { } aws)
        {
            facts.Add(new("Member of the payer organization", aws.IsMember ? "yes" : "no"));
            if (aws.IsMember)
            {
                facts.Add(new("State", aws.State ?? "?"));
                facts.Add(new("Joined", $"{aws.JoinedMethod ?? "?"}{(aws.JoinedAt is { } at ? ", " + Texts.Instant(at) : string.Empty)}"));
                facts.Add(new("Origin in SES", Texts.Origin(report.Account)));
                facts.Add(new("Delegated administrator for", aws.DelegatedServices.Count == 0 ? "nothing" : string.Join(", ", aws.DelegatedServices)));
                facts.Add(new("Tags", aws.Tags.Count == 0 ? "none" : string.Join(", ", aws.Tags.Select(t => $"{t.Key}={t.Value}"))));
            }
        }

        if (report.Azure is { } azure)
        {
            facts.Add(new("Partner Center status", azure.Status ?? "?"));
            facts.Add(new("Offer", azure.OfferName ?? "?"));
        }

        if (report.Transfer is { } transfer)
        {
            facts.Add(new("Billing transfer", $"{transfer.Id} · {transfer.Status ?? "?"}"));
            facts.Add(new("Source management account", transfer.SourceManagementAccountId ?? "?"));
            facts.Add(new("Started", transfer.StartedAt is { } started ? Texts.Instant(started) : "?"));
            facts.Add(new("Ends", transfer.EndsAt is { } ends ? Texts.Instant(ends) : "not ended"));
        }

        blocks.Add(new FactsBlock(facts));
        if (report.ReadError is { } error)
        {
            blocks.Add(new ParagraphBlock($"The check failed: {error}", Tone.Attention));
        }

        foreach (var finding in report.Findings)
        {
            var tone = finding.Severity switch
            {
                PreflightSeverity.Blocker => Tone.Attention,
                PreflightSeverity.Warning => Tone.Warning,
                _ => Tone.Subtle,
            };
            blocks.Add(new ParagraphBlock(finding.WhatToDo is null ? finding.Text : $"{finding.Text} {finding.WhatToDo}", tone));
        }

        if (report.LatestExecution is { } latest)
        {
            blocks.Add(new ParagraphBlock(LatestLine(latest), latest.Status == CloudExecutionStatus.Failed ? Tone.Attention : Tone.Subtle));
        }

        var actions = new List<ReplyAction>();
        if (report.LatestExecution is { Status: CloudExecutionStatus.Unknown })
        {
            actions.Add(new ReplyAction("Check the outcome again", ActionIds.ExecuteCloudChange, Ids(request)) { SubmitsInputs = false });
            actions.Add(new ReplyAction("Not done: allow a new attempt", ActionIds.ReleaseCloudExecution, Ids(request)) { SubmitsInputs = false });
        }
        else if (CloudOperations.CanStartAt(request) && report.LatestExecution is not { Status: CloudExecutionStatus.Claimed })
        {
            var title = request.Status == RequestStatus.Failed ? $"Retry: {CloudOperations.Title(operation).ToLowerInvariant()}" : CloudOperations.Title(operation);
            actions.Add(new ReplyAction(title, ActionIds.ExecuteCloudChange, Ids(request), ReplyActionStyle.Destructive) { SubmitsInputs = false });
        }

        actions.Add(new ReplyAction("Check account again", ActionIds.CheckCloudAccount, Ids(request)) { SubmitsInputs = false });
        if (actions.Any(a => a.Verb == ActionIds.ExecuteCloudChange && a.Style == ReplyActionStyle.Destructive))
        {
            blocks.Add(new ParagraphBlock(operation switch
            {
                CloudOperation.AwsRemoveFromOrganization =>
                    $"Removing is effective at once and cannot be undone by SesBot. Support only; not by {request.RequestedByName}, who filed it (four-eyes). The tags are recorded in the audit trail first.",
                CloudOperation.AwsEndBillingTransfer =>
                    $"Ending the transfer cannot be undone; it runs to the end of this month. Support only; not by {request.RequestedByName}, who filed it (four-eyes).",
                _ => $"Suspending stops the subscription's services. Support only; not by {request.RequestedByName}, who filed it (four-eyes).",
            }, Tone.Subtle));
        }

        blocks.Add(new ActionsBlock(actions));
        return new Reply(blocks) { Summary = $"Check of {report.Account.ExternalId} for request {request.Id}{SimulatedLabel(report.Simulated)}" };
    }

    /// <summary>The answer to a click on "remove now" / "suspend" (the result follows as its own message).</summary>
    public static Reply Claimed(ClaimResult result, string requestId)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Outcome switch
        {
            ClaimOutcome.Started => Reply.Card(
                $"Execution {result.Execution!.Id} started for request {requestId}.",
                new HeadingBlock($"{CloudOperations.Title(result.Execution.Operation)}: under way{SimulatedLabel(result.Execution.Simulated)}"),
                new FactsBlock(
                [
                    new("Request", requestId),
                    new("Execution", result.Execution.Id),
                    new("Target", result.Execution.Target),
                    new("By", result.Execution.ActorName),
                ]),
                new ParagraphBlock("SesBot makes the call once, in the background, and posts the result here. Clicking again does not call again.", Tone.Subtle)),
            ClaimOutcome.AlreadyRunning or ClaimOutcome.Rechecking => Reply.Card(result.Message ?? "Already under way.", new ParagraphBlock(result.Message ?? "Already under way.", Tone.Warning)),
            _ => Reply.Card(result.Message ?? "Not started.", new ParagraphBlock($"Not started: {result.Message}", Tone.Attention)),
        };
    }

    /// <summary>The answer to "not done: allow a new attempt".</summary>
    public static Reply Released(ClaimResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Execution is { Status: CloudExecutionStatus.Failed } && result.Message is { } note
            ? Reply.Card(note, new ParagraphBlock($"Execution {result.Execution.Id} released: {note}", Tone.Good),
                new ActionsBlock([new ReplyAction("Check account", ActionIds.CheckCloudAccount, Ids(result.Execution.RequestId)) { SubmitsInputs = false }]))
            : Reply.Card(result.Message ?? "Not released.", new ParagraphBlock($"Not released: {result.Message}", Tone.Attention));
    }

    /// <summary>The result for support, posted where the button was clicked.</summary>
    public static Reply Result(ExecutionReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var execution = report.Execution;
        var title = CloudOperations.Title(execution.Operation);
        var facts = new List<ReplyFact>
        {
            new("Request", execution.RequestId),
            new("Execution", $"{execution.Id} (by {execution.ActorName})"),
            new("Target", execution.Target),
        };
        var blocks = new List<ReplyBlock>();
        switch (execution.Status)
        {
            case CloudExecutionStatus.Succeeded:
                blocks.Add(new HeadingBlock($"{title}: done{SimulatedLabel(execution.Simulated)}"));
                facts.Add(new("Effective", execution.CompletedAt is { } at ? Texts.Instant(at) : "?"));
                if (report.Details?.Request.BillingImpact is { } impact && execution.Operation != CloudOperation.AzureSuspendSubscription)
                {
                    facts.Add(new("Reseller invoices", $"{BillingTexts.Period(impact)} ({BillingTexts.Share(impact)})"));
                }

                facts.Add(new("Request status", report.Details is { } details ? Texts.Status(details.Request.Status) : "completed"));
                blocks.Add(new FactsBlock(facts));
                blocks.Add(new ParagraphBlock(report.Details?.Request.LastNote ?? "Done.", Tone.Good));
                break;
            case CloudExecutionStatus.Failed:
                blocks.Add(new HeadingBlock($"{title}: refused, nothing changed{SimulatedLabel(execution.Simulated)}"));
                facts.Add(new("Error", execution.ErrorKind ?? "?"));
                blocks.Add(new FactsBlock(facts));
                blocks.Add(new ParagraphBlock(execution.ErrorMessage ?? "Refused.", Tone.Attention));
                if (report.CustomerText is { } customer)
                {
                    blocks.Add(new ParagraphBlock("For the end customer (send it through the reseller):", Tone.Subtle));
                    blocks.Add(new ParagraphBlock(customer));
                }

                if (report.RetryMakesSense)
                {
                    blocks.Add(new ActionsBlock([new ReplyAction($"Retry: {title.ToLowerInvariant()}", ActionIds.ExecuteCloudChange, Ids(execution.RequestId)) { SubmitsInputs = false }]));
                }

                break;
            default:
                blocks.Add(new HeadingBlock($"{title}: outcome unknown{SimulatedLabel(execution.Simulated)}"));
                facts.Add(new("Status", execution.ErrorKind ?? "unknown"));
                blocks.Add(new FactsBlock(facts));
                blocks.Add(new ParagraphBlock(execution.ErrorMessage ?? "The outcome is unknown.", Tone.Warning));
                blocks.Add(new ParagraphBlock("If you have checked the provider's console and the change was not made, release the execution to allow a new attempt.", Tone.Subtle));
                blocks.Add(new ActionsBlock(
                [
                    new ReplyAction("Check the outcome again", ActionIds.ExecuteCloudChange, Ids(execution.RequestId)) { SubmitsInputs = false },
                    new ReplyAction("Not done: allow a new attempt", ActionIds.ReleaseCloudExecution, Ids(execution.RequestId)) { SubmitsInputs = false },
                ]));
                break;
        }

        return new Reply(blocks) { Summary = $"{title} for request {execution.RequestId}: {execution.Status}" };
    }

    /// <summary>What the reseller who filed the request is told once the change is made.</summary>
    public static Reply ResellerNotice(ExecutionReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var execution = report.Execution;
        var what = execution.Operation switch
        {
            CloudOperation.AwsRemoveFromOrganization =>
                $"AWS account {execution.Target} has been removed from the payer organization{SimulatedLabel(execution.Simulated)}. It is now a standalone account, responsible for its own bills.",
            CloudOperation.AwsEndBillingTransfer =>
                $"Billing transfer {execution.Target} has been ended{SimulatedLabel(execution.Simulated)}. From its end the customer's organization pays AWS itself.",
            _ => $"Azure subscription {execution.Target} has been suspended{SimulatedLabel(execution.Simulated)}.",
        };
        var blocks = new List<ReplyBlock>
        {
            new HeadingBlock($"Request {execution.RequestId} is completed"),
            new ParagraphBlock(what, Tone.Good),
        };
        if (report.Details?.Request.BillingImpact is { } impact && execution.Operation != CloudOperation.AzureSuspendSubscription)
        {
            blocks.Add(new FactsBlock(
            [
                new(execution.Operation == CloudOperation.AwsEndBillingTransfer ? "Transfer ends" : "Removed at", Texts.Instant(impact.PeriodEnd)),
                new("Invoice the customer for", BillingTexts.Period(impact)),
                new("Days", BillingTexts.Days(impact)),
                new("Share of the month", BillingTexts.Share(impact)),
            ]));
        }

        blocks.Add(new ActionsBlock([new ReplyAction("Show request", ActionIds.RefreshStatus, Ids(execution.RequestId)) { SubmitsInputs = false }]));
        return new Reply(blocks) { Summary = $"Request {execution.RequestId} is completed." };
    }

    private static string LatestLine(CloudExecution latest) => latest.Status switch
    {
        CloudExecutionStatus.Claimed => $"Execution {latest.Id} by {latest.ActorName} is under way.",
        CloudExecutionStatus.Succeeded => $"Execution {latest.Id} by {latest.ActorName} succeeded.",
        CloudExecutionStatus.Unknown => $"Execution {latest.Id}: outcome unknown. {latest.ErrorMessage}",
        _ => $"Last attempt ({latest.Id}, {latest.ActorName}) was refused: {latest.ErrorMessage}",
    };

    private static string SimulatedLabel(bool simulated) => simulated ? " (simulated)" : string.Empty;

    private static Dictionary<string, string> Ids(RemovalRequest request) => new()
    {
        [DataKeys.RequestId] = request.Id,
        [DataKeys.Version] = request.Version.ToString(CultureInfo.InvariantCulture),
    };

    private static Dictionary<string, string> Ids(string requestId) => new() { [DataKeys.RequestId] = requestId };
}
