using SesBot.Bot.Audit;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Core.Audit;
using SesBot.Core.Domain;
using SesBot.Core.Email;

namespace SesBot.Bot.Cards;

/// <summary>An account's history as sentences a person would write, and the replies around audit exports.</summary>
public static class HistoryCards
{
    /// <summary>The most events one card lists (the latest ones); the full history is in the audit export.</summary>
    public const int MaxEvents = 40;

    public static Reply Timeline(AccountTimeline timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var account = timeline.Account;
        var blocks = new List<ReplyBlock>
        {
            new HeadingBlock($"History of {Texts.Provider(account.Provider)} {account.ExternalId}"),
            new FactsBlock(
            [
                new ReplyFact("Account", Texts.AccountLabel(account)),
                new ReplyFact("Customer", timeline.Customer.Name),
                new ReplyFact("Reseller", timeline.Reseller.Name),
                new ReplyFact("Now", Texts.State(account)),
            ]),
        };
        if (timeline.Entries.Count == 0)
        {
            blocks.Add(new ParagraphBlock("Nothing has happened to this account in SesBot yet.", Tone.Subtle));
        }
        else
        {
            var shown = timeline.Entries.TakeLast(MaxEvents).ToList();
            if (shown.Count < timeline.Entries.Count)
            {
                blocks.Add(new ParagraphBlock(
                    $"The latest {shown.Count} of {timeline.Entries.Count} events; an SES admin can export them all.", Tone.Subtle));
            }

            blocks.Add(new FactsBlock([.. shown.Select(e => new ReplyFact(Texts.Instant(e.At), Sentence(e)))]));
        }

        return new Reply(blocks) { Summary = $"History of {Texts.Provider(account.Provider)} {account.ExternalId}" };
    }

    public static Reply NotFound(string typed) =>
        Reply.Text($"I can't find an account \"{typed.Trim()}\" among yours. Type an AWS account number (12 digits) or an Azure subscription id.");

    public static Reply ExportReady(AuditExportLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return Reply.Card(
            "Your audit export is ready",
            new HeadingBlock("Audit export"),
            new ParagraphBlock($"Download the audit log as CSV: {link.Url}"),
            new ParagraphBlock($"The link works until {Texts.Instant(link.ExpiresAt)}, only for you while you are an SES admin. Don't forward it.", Tone.Subtle));
    }

    public static Reply ExportNotAllowed() => Reply.Text("Only SES admins can export the audit log.");

    /// <summary>One event as a person would tell it: "Alex Wilber asked to remove the account from the payer organization."</summary>
    public static string Sentence(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var what = entry.EntityType switch
        {
            nameof(RemovalRequest) => RequestEvent(entry),
            nameof(CloudAccount) => AccountEvent(entry.Action),
            nameof(Customer) when entry.Action == "Removed" => "removed the customer from SES",
            _ => null,
        } ?? $"recorded \"{entry.Action}\"";
        var sentence = $"{entry.ActorName} {what}";
        if (entry.Action == nameof(RequestTrigger.SendInstructions) && entry.Note is { } sent
            && sent.StartsWith(UnlinkInstructionsOutbox.SentNotePrefix, StringComparison.Ordinal))
        {
            // SesBot's own note says where the email went: "Emailed to it@example.com in German".
            sentence = $"{entry.ActorName} emailed the unlink instructions to {sent[UnlinkInstructionsOutbox.SentNotePrefix.Length..]}";
        }
        else if (!string.IsNullOrWhiteSpace(entry.Note) && !RestatesTheMove(entry))
        {
            sentence += $": \"{entry.Note}\"";
        }

        return entry.RequestId is null ? sentence + "." : $"{sentence} ({entry.RequestId}).";
    }

    /// <summary>A note that only says again what the sentence says ("Cancelled by the requester." on a cancel).</summary>
    private static bool RestatesTheMove(AuditEntry entry) =>
        entry.Action == nameof(RequestTrigger.Cancel) && entry.Note!.StartsWith("Cancelled by the requester", StringComparison.Ordinal);

    private static string? RequestEvent(AuditEntry entry) => entry.Action switch
    {
        "Submitted" => "asked to " + Asked(entry.RequestKind),
        nameof(RequestTrigger.Accept) => "accepted the request",
        nameof(RequestTrigger.Reject) => "rejected the request",
        nameof(RequestTrigger.Cancel) => "cancelled the request",
        nameof(RequestTrigger.Complete) => entry.RequestKind switch
        {
            RemovalOption.AwsSelfUnlink => "confirmed the end customer took the account out of the organization",
            RemovalOption.DeleteFromPlatform => "deleted the account from SES",
            RemovalOption.RemoveCustomer => "removed the customer from SES",
            _ => "completed the request",
        },
        nameof(RequestTrigger.MarkAwsContacted) => "contacted AWS about the transfer",
        nameof(RequestTrigger.MarkPaperworkComplete) => "noted that the transfer paperwork is complete",
        nameof(RequestTrigger.MarkCredentialsDelivered) => "delivered the credentials to the new owner",
        nameof(RequestTrigger.MarkRemovedFromPayer) => "removed the account from the payer organization",
        nameof(RequestTrigger.SendInstructions) => "sent the unlink instructions to the end customer",
        nameof(RequestTrigger.Fail) => entry.RequestKind == RemovalOption.AwsEndBillingTransfer
            ? "reported that ending the billing transfer failed"
            : "reported that the removal failed",
        nameof(RequestTrigger.Retry) => entry.RequestKind == RemovalOption.AwsEndBillingTransfer
            ? "tried ending the billing transfer again"
            : "tried the removal again",
        nameof(RequestTrigger.EndBillingTransfer) => "ended the billing transfer at AWS",
        _ => null,
    };

    private static string Asked(RemovalOption? kind) => kind switch
    {
        RemovalOption.DeleteFromPlatform => "delete the account from SES",
        RemovalOption.RemoveCustomer => "remove the customer from SES",
        RemovalOption.AzureTransferToCsp => "transfer the subscription to another CSP",
        RemovalOption.AzureSuspend => "suspend the subscription",
        RemovalOption.AwsTransferOwnership => "transfer the account to a new owner",
        RemovalOption.AwsRemoveFromPayer => "remove the account from the payer organization",
        RemovalOption.AwsSelfUnlink => "send the end customer instructions to leave the organization",
        RemovalOption.DeletedInErrorTicket => "restore the account deleted in error",
        RemovalOption.AwsEndBillingTransfer => "end the billing transfer of the customer's AWS organization",
        _ => "remove the account",
    };

    private static string? AccountEvent(string action) => action switch
    {
        "Deleted" => "deleted the account from SES",
        "Suspended" => "suspended the subscription",
        "Restored" => "restored the account",
        "Departed" => "recorded that the account left the distributor",
        "BillingTransferEnded" => "recorded that the billing transfer ends at the end of the month",
        _ => null,
    };
}
