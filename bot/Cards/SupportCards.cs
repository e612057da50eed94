using SesBot.Bot.Dialogs.Turns;
using SesBot.Core.Domain;
using SesBot.Core.Support;
using SesBot.Core.Workflow;

namespace SesBot.Bot.Cards;

/// <summary>Cards of the support desk: the new-request card posted to the support channel, the channel choice, the queue.</summary>
public static partial class SupportCards
{
    /// <summary>The card that opens a request's thread in the support channel. Typed text is passed as plain text.</summary>
    public static Reply NewRequest(RequestDetails details, string resellerName, bool offerCloudCheck = true)
    {
        ArgumentNullException.ThrowIfNull(details);
        var request = details.Request;
        var info = RemovalOptionCatalog.Get(request.Kind);
        var facts = new List<ReplyFact>
        {
            new("Request", request.Id),
            new("Status", Texts.Status(request.Status)),
            new("Path", info.Label),
            new("Reseller", resellerName),
            new("Customer", details.Customer.Name),
        };
        if (details.Account is { } account)
        {
            facts.Add(new(account.Provider == CloudProvider.Aws ? "AWS account" : "Azure subscription", account.ExternalId));
            facts.Add(new("Account name", account.DisplayName));
            facts.Add(new("Provider", Texts.Provider(account.Provider)));
            facts.Add(new("Origin", Texts.Origin(account)));
            facts.Add(new("Billing", Texts.BillingStatus(account)));
            if (account.BillingTransfer is { } transfer)
            {
                facts.Add(new("Billing transfer", BillingTexts.Transfer(transfer)));
            }
        }

        facts.Add(new("Requested by", request.RequestedByName));
        facts.Add(new("Requested at", Texts.Instant(request.CreatedAt)));
        Add(facts, request.Kind == RemovalOption.DeletedInErrorTicket ? "What was deleted" : "Reason", request.Reason);
        Add(facts, "New partner", request.TargetPartnerName);
        Add(facts, "Partner tenant id", request.TargetPartnerTenantId);
        Add(facts, "End customer email", request.EndCustomerEmail);
        if (request.EndCustomerEmail is not null && request.EndCustomerLanguage is { } language)
        {
            facts.Add(new("Language", UnlinkInstructions.Languages.FirstOrDefault(l => l.Code == language).Name ?? language));
        }

        var blocks = new List<ReplyBlock>
        {
            new HeadingBlock($"New request {request.Id}: {info.RequestTitle}"),
            new FactsBlock(facts),
        };
        if (request.Contact is { } contact)
        {
            blocks.Add(new ParagraphBlock("New owner", Tone.Subtle));
            blocks.Add(new FactsBlock(
            [
                new(TransferContactValidator.Label(ContactField.CompanyName), contact.CompanyName),
                new(TransferContactValidator.Label(ContactField.ContactName), contact.ContactName),
                new(TransferContactValidator.Label(ContactField.ContactPhone), contact.ContactPhone),
                new("Address", $"{contact.StreetAddress}, {contact.City}, {contact.StateOrRegion} {contact.PostalCode}, {contact.Country}"),
                new(TransferContactValidator.Label(ContactField.BillingContactName), contact.BillingContactName),
                new(TransferContactValidator.Label(ContactField.BillingContactPhone), contact.BillingContactPhone),
                new(TransferContactValidator.Label(ContactField.BillingContactEmail), contact.BillingContactEmail),
                new(TransferContactValidator.Label(ContactField.AssignmentEmail), contact.AssignmentEmail),
            ]));
        }

        if (request.BillingImpact is { } transferEnd && request.Kind == RemovalOption.AwsEndBillingTransfer)
        {
            blocks.Add(new ParagraphBlock("What the reseller invoices (previewed at submission)", Tone.Subtle));
            blocks.Add(new FactsBlock(
            [
                new("Transfer ends (if ended this month)", BillingTexts.TransferEnd(transferEnd)),
                new("Billed this month", BillingTexts.Period(transferEnd)),
                new("Days", BillingTexts.Days(transferEnd)),
                new("Share of the month", BillingTexts.Share(transferEnd)),
            ]));
        }
        else if (request.BillingImpact is { } impact)
        {
            blocks.Add(new ParagraphBlock("Billing impact (previewed at submission)", Tone.Subtle));
            blocks.Add(new FactsBlock(
            [
                new("Linked this month", BillingTexts.Period(impact)),
                new("Days", BillingTexts.Days(impact)),
                new("Share of the month", BillingTexts.Share(impact)),
            ]));
        }

        if (info.Handling == OptionHandling.SelfService)
        {
            blocks.Add(new ParagraphBlock("For information: the reseller did this themselves; nothing for support to do.", Tone.Subtle));
        }

        if (offerCloudCheck && request.IsOpen && CloudCards.CheckButton(request) is { } check)
        {
            blocks.Add(new ParagraphBlock(request.Kind == RemovalOption.AwsEndBillingTransfer
                ? "SesBot can end the transfer at AWS: check it first (status, start, source management account)."
                : "SesBot can carry this out at the provider: check the account first (state, joined method, delegated administration, tags).", Tone.Subtle));
            blocks.Add(new ActionsBlock([check]));
        }

        return new Reply(blocks) { Summary = $"New request {request.Id}: {info.RequestTitle} for {details.Customer.Name}" };
    }

    public static Reply ChannelChanged(SupportChannelChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.Kind switch
        {
            OutcomeKind.Ok => Reply.Card(
                "This channel now gets support requests.",
                new ParagraphBlock("Done: every new request is posted here as its own thread.", Tone.Good),
                new ParagraphBlock(change.Previous is { } previous
                    ? $"It replaces {Describe(previous)}."
                    : "No support channel was set before.")),
            OutcomeKind.Duplicate => Reply.Text("This channel already gets the support requests."),
            _ => Reply.Card("Not changed.", new ParagraphBlock(change.Message ?? "Not changed.", Tone.Attention)),
        };
    }

    public static Reply ChannelShown(SupportChannelChoice? current)
    {
        if (current is null)
        {
            return Reply.Card(
                "No support channel is set.",
                new ParagraphBlock("No support channel is set, so new requests are not posted anywhere.", Tone.Warning),
                new ParagraphBlock("An admin chooses one by typing \"use this channel for support requests\" in a team channel (mentioning SesBot)."));
        }

        return Reply.Card($"Support requests go to {Describe(current)}.", new HeadingBlock("Support channel"), new FactsBlock(
        [
            new("Channel", current.DisplayName is { } name ? $"{name} ({current.ConversationKey})" : current.ConversationKey),
            new("Chosen", current.Source == SupportChannelSource.Chosen
                ? $"by {current.SetByName}, {(current.SetAt is { } at ? Texts.Instant(at) : "?")}"
                : "in configuration (Support:ChannelConversationId)"),
        ]));
    }

    /// <summary>Only support agents and admins work the queue.</summary>
    public static Reply QueueRefused() => Reply.Text("The queue is for SES support. Type \"my requests\" to see yours.");

    public static Reply Queue(IReadOnlyList<QueueEntry> entries, DateTimeOffset now, bool mine)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return mine
                ? Reply.Card("Nothing is assigned to you.", new ParagraphBlock("No open request is assigned to you. Type \"queue\" to see them all, and \"Assign to me\" on a request's card to take it."))
                : Reply.Card("The queue is empty.", new ParagraphBlock("No open requests. The queue is empty.", Tone.Good));
        }

        var facts = entries.Select(e => new ReplyFact(
            e.RequestId,
            $"{Texts.Option(e.Kind)} · {e.CustomerName}{(e.AccountExternalId is { } account ? $" / {account}" : string.Empty)} · " +
            $"{Texts.Status(e.Status)}{(e.WaitingOnReseller ? ", waiting on the reseller" : string.Empty)} · {e.AssigneeName ?? "unassigned"} · waiting {Waiting(now - e.CreatedAt)}"));
        return Reply.Card(
            mine ? $"{entries.Count} open request(s) assigned to you" : $"{entries.Count} open request(s)",
            new HeadingBlock($"{(mine ? "Assigned to you" : "Open requests")}, oldest first ({entries.Count}{(entries.Count >= SupportQueue.MaxEntries ? "+" : string.Empty)})"),
            new FactsBlock([.. facts]));
    }

    /// <summary>"3 d 4 h", "2 h 5 min", "12 min".</summary>
    public static string Waiting(TimeSpan waited)
    {
        if (waited < TimeSpan.Zero)
        {
            waited = TimeSpan.Zero;
        }

        return waited.TotalDays >= 1 ? $"{(int)waited.TotalDays} d {waited.Hours} h"
            : waited.TotalHours >= 1 ? $"{(int)waited.TotalHours} h {waited.Minutes} min"
            : $"{(int)waited.TotalMinutes} min";
    }

    private static string Describe(SupportChannelChoice choice) => choice.DisplayName is { } name
        ? $"a channel of {name}"
        : $"channel {choice.ConversationKey}";

    private static void Add(List<ReplyFact> facts, string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            facts.Add(new ReplyFact(label, value));
        }
    }
}
