using SesBot.Bot.Audit;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Core.Audit;
using SesBot.Core.Domain;
using SesBot.Core.Email;
using SesBot.Core.Localization;
using SesBot.Core.Workflow;

namespace SesBot.Bot.Cards;

/// <summary>
/// An account's history as sentences a person would write, and the replies around audit exports, in the turn's language
/// (resources: Resources/Cards/HistoryCards.resx).
/// </summary>
public static class HistoryCards
{
    private static readonly Strings S = Strings.For(typeof(HistoryCards));

    /// <summary>The most events one card lists (the latest ones); the full history is in the audit export.</summary>
    public const int MaxEvents = 40;

    public static Reply Timeline(AccountTimeline timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var account = timeline.Account;
        var blocks = new List<ReplyBlock>
        {
            new HeadingBlock(S.Format("Timeline.Heading", Texts.Provider(account.Provider), account.ExternalId)),
            new FactsBlock(
            [
                new ReplyFact(S["Timeline.Account"], Texts.AccountLabel(account)),
                new ReplyFact(S["Timeline.Customer"], timeline.Customer.Name),
                new ReplyFact(S["Timeline.Reseller"], timeline.Reseller.Name),
                new ReplyFact(S["Timeline.Now"], Texts.State(account)),
            ]),
        };
        if (timeline.Entries.Count == 0)
        {
            blocks.Add(new ParagraphBlock(S["Timeline.Empty"], Tone.Subtle));
        }
        else
        {
            var shown = timeline.Entries.TakeLast(MaxEvents).ToList();
            if (shown.Count < timeline.Entries.Count)
            {
                blocks.Add(new ParagraphBlock(S.Plural("Timeline.Latest", timeline.Entries.Count, shown.Count), Tone.Subtle));
            }

            blocks.Add(new FactsBlock([.. shown.Select(e => new ReplyFact(Texts.Instant(e.At), Sentence(e)))]));
        }

        return new Reply(blocks) { Summary = S.Format("Timeline.Heading", Texts.Provider(account.Provider), account.ExternalId) };
    }

    public static Reply NotFound(string typed) =>
        Reply.Text(S.Format("NotFound", typed.Trim()));

    public static Reply ExportReady(AuditExportLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return Reply.Card(
            S["Export.Summary"],
            new HeadingBlock(S["Export.Heading"]),
            new ParagraphBlock(S.Format("Export.Download", link.Url)),
            new ParagraphBlock(S.Format("Export.Expiry", Texts.Instant(link.ExpiresAt)), Tone.Subtle));
    }

    public static Reply ExportNotAllowed() => Reply.Text(S["Export.NotAllowed"]);

    /// <summary>One event as a person would tell it: "Alex Wilber asked to remove the account from the payer organization."</summary>
    public static string Sentence(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var what = entry.EntityType switch
        {
            nameof(RemovalRequest) => RequestEvent(entry),
            nameof(CloudAccount) => AccountEvent(entry.Action),
            nameof(Customer) when entry.Action == "Removed" => "Customer.Removed",
            _ => null,
        };
        var sentence = what is null ? S.Format("Event.Unknown", entry.ActorName, entry.Action) : S.Format(what, entry.ActorName, entry.Details);
        if (entry.Action == nameof(RequestTrigger.SendInstructions) && entry.Note is { } sent
            && sent.StartsWith(UnlinkInstructionsOutbox.SentNotePrefix, StringComparison.Ordinal))
        {
            // SesBot's own note says where the email went: "Emailed to it@example.com in German".
            sentence = S.Format("Request.Emailed", entry.ActorName, sent[UnlinkInstructionsOutbox.SentNotePrefix.Length..]);
        }
        else if (!string.IsNullOrWhiteSpace(entry.Note) && !RestatesTheMove(entry))
        {
            sentence = S.Format("WithNote", sentence, entry.Note);
        }

        return entry.RequestId is null ? S.Format("Sentence", sentence) : S.Format("Sentence.Request", sentence, entry.RequestId);
    }

    /// <summary>A note that only says again what the sentence says ("Cancelled by the requester." on a cancel).</summary>
    private static bool RestatesTheMove(AuditEntry entry) =>
        entry.Action == nameof(RequestTrigger.Cancel) && entry.Note!.StartsWith("Cancelled by the requester", StringComparison.Ordinal);

    /// <summary>The resource key of a request event's sentence ({0} is who did it).</summary>
    private static string? RequestEvent(AuditEntry entry) => entry.Action switch
    {
        "Submitted" => "Request.Asked." + Asked(entry.RequestKind),
        nameof(RequestTrigger.Accept) => "Request.Accepted",
        nameof(RequestTrigger.Reject) => "Request.Rejected",
        nameof(RequestTrigger.Cancel) => "Request.Cancelled",
        nameof(RequestTrigger.Complete) => entry.RequestKind switch
        {
            RemovalOption.AwsSelfUnlink => "Request.Completed.AwsSelfUnlink",
            RemovalOption.DeleteFromPlatform => "Request.Completed.DeleteFromPlatform",
            RemovalOption.RemoveCustomer => "Request.Completed.RemoveCustomer",
            _ => "Request.Completed",
        },
        nameof(RequestTrigger.MarkAwsContacted) => "Request.AwsContacted",
        nameof(RequestTrigger.MarkPaperworkComplete) => "Request.PaperworkComplete",
        nameof(RequestTrigger.MarkCredentialsDelivered) => "Request.CredentialsDelivered",
        nameof(RequestTrigger.MarkRemovedFromPayer) => "Request.RemovedFromPayer",
        nameof(RequestTrigger.SendInstructions) => "Request.InstructionsSent",
        nameof(RequestTrigger.Fail) => entry.RequestKind == RemovalOption.AwsEndBillingTransfer ? "Request.Failed.AwsEndBillingTransfer" : "Request.Failed",
        nameof(RequestTrigger.Retry) => entry.RequestKind == RemovalOption.AwsEndBillingTransfer ? "Request.Retried.AwsEndBillingTransfer" : "Request.Retried",
        nameof(RequestTrigger.EndBillingTransfer) => "Request.BillingTransferEnded",
        "Assigned" => "Request.Assigned",
        "InformationRequested" => "Request.InformationRequested",
        "InformationProvided" => "Request.InformationProvided",
        InstructionsEmailRetry.AuditAction => "Request.EmailRetried",
        _ => null,
    };

    /// <summary>The option a request asked for, as the end of its "Request.Asked." key.</summary>
    private static string Asked(RemovalOption? kind) => kind is { } option && RemovalOptionCatalog.Contains(option) ? option.ToString() : "Unknown";

    private static string? AccountEvent(string action) => action switch
    {
        "Deleted" or "Suspended" or "Restored" or "Departed" or "BillingTransferEnded" => "Account." + action,
        _ => null,
    };
}
