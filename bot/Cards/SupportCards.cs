using SesBot.Bot.Dialogs.Turns;
using SesBot.Core.Domain;
using SesBot.Core.Localization;
using SesBot.Core.Support;
using SesBot.Core.Workflow;

namespace SesBot.Bot.Cards;

/// <summary>Cards of the support desk: the new-request card posted to the support channel, the channel choice, the queue.</summary>
public static partial class SupportCards
{
    private static readonly Strings S = Strings.For(typeof(SupportCards));

    /// <summary>The card that opens a request's thread in the support channel. Typed text is passed as plain text.</summary>
    public static Reply NewRequest(RequestDetails details, string resellerName, bool offerCloudCheck = true)
    {
        ArgumentNullException.ThrowIfNull(details);
        var request = details.Request;
        var info = RemovalOptionCatalog.Get(request.Kind);
        var facts = new List<ReplyFact>
        {
            new(S["Fact.Request"], request.Id),
            new(S["Fact.Status"], Texts.Status(request.Status)),
            new(S["Fact.Path"], info.Label),
            new(S["Fact.Reseller"], resellerName),
            new(S["Fact.Customer"], details.Customer.Name),
        };
        if (details.Account is { } account)
        {
            facts.Add(new(S[account.Provider == CloudProvider.Aws ? "Fact.AwsAccount" : "Fact.AzureSubscription"], account.ExternalId));
            facts.Add(new(S["Fact.AccountName"], account.DisplayName));
            facts.Add(new(S["Fact.Provider"], Texts.Provider(account.Provider)));
            facts.Add(new(S["Fact.Origin"], Texts.Origin(account)));
            facts.Add(new(S["Fact.Billing"], Texts.BillingStatus(account)));
            if (account.BillingTransfer is { } transfer)
            {
                facts.Add(new(S["Fact.BillingTransfer"], BillingTexts.Transfer(transfer)));
            }
        }

        facts.Add(new(S["Fact.RequestedBy"], request.RequestedByName));
        facts.Add(new(S["Fact.RequestedAt"], Texts.Instant(request.CreatedAt)));
        Add(facts, S[request.Kind == RemovalOption.DeletedInErrorTicket ? "Fact.WhatWasDeleted" : "Fact.Reason"], request.Reason);
        Add(facts, S["Fact.NewPartner"], request.TargetPartnerName);
        Add(facts, S["Fact.PartnerTenantId"], request.TargetPartnerTenantId);
        Add(facts, S["Fact.EndCustomerEmail"], request.EndCustomerEmail);
        if (request.EndCustomerEmail is not null && request.EndCustomerLanguage is { } language)
        {
            facts.Add(new(S["Fact.Language"], UnlinkInstructions.Languages.FirstOrDefault(l => l.Code == language).Name ?? language));
        }

        var blocks = new List<ReplyBlock>
        {
            new HeadingBlock(S.Format("NewRequest.Heading", request.Id, info.RequestTitle)),
            new FactsBlock(facts),
        };
        if (request.Contact is { } contact)
        {
            blocks.Add(new ParagraphBlock(S["NewRequest.NewOwner"], Tone.Subtle));
            blocks.Add(new FactsBlock(
            [
                new(TransferContactValidator.Label(ContactField.CompanyName), contact.CompanyName),
                new(TransferContactValidator.Label(ContactField.ContactName), contact.ContactName),
                new(TransferContactValidator.Label(ContactField.ContactPhone), contact.ContactPhone),
                new(S["Fact.Address"], S.Format("Fact.AddressLine", contact.StreetAddress, contact.City, contact.StateOrRegion, contact.PostalCode, contact.Country)),
                new(TransferContactValidator.Label(ContactField.BillingContactName), contact.BillingContactName),
                new(TransferContactValidator.Label(ContactField.BillingContactPhone), contact.BillingContactPhone),
                new(TransferContactValidator.Label(ContactField.BillingContactEmail), contact.BillingContactEmail),
                new(TransferContactValidator.Label(ContactField.AssignmentEmail), contact.AssignmentEmail),
            ]));
        }

        if (request.BillingImpact is { } transferEnd && request.Kind == RemovalOption.AwsEndBillingTransfer)
        {
            blocks.Add(new ParagraphBlock(S["NewRequest.TransferEndImpact"], Tone.Subtle));
            blocks.Add(new FactsBlock(
            [
                new(S["Fact.TransferEnds"], BillingTexts.TransferEnd(transferEnd)),
                new(S["Fact.BilledThisMonth"], BillingTexts.Period(transferEnd)),
                new(S["Fact.Days"], BillingTexts.Days(transferEnd)),
                new(S["Fact.Share"], BillingTexts.Share(transferEnd)),
            ]));
        }
        else if (request.BillingImpact is { } impact)
        {
            blocks.Add(new ParagraphBlock(S["NewRequest.BillingImpact"], Tone.Subtle));
            blocks.Add(new FactsBlock(
            [
                new(S["Fact.LinkedThisMonth"], BillingTexts.Period(impact)),
                new(S["Fact.Days"], BillingTexts.Days(impact)),
                new(S["Fact.Share"], BillingTexts.Share(impact)),
            ]));
        }

        if (info.Handling == OptionHandling.SelfService)
        {
            blocks.Add(new ParagraphBlock(S["NewRequest.ForInformation"], Tone.Subtle));
        }

        if (offerCloudCheck && request.IsOpen && CloudCards.CheckButton(request) is { } check)
        {
            blocks.Add(new ParagraphBlock(S[request.Kind == RemovalOption.AwsEndBillingTransfer ? "NewRequest.CloudCheckTransfer" : "NewRequest.CloudCheck"], Tone.Subtle));
            blocks.Add(new ActionsBlock([check]));
        }

        return new Reply(blocks) { Summary = S.Format("NewRequest.Summary", request.Id, info.RequestTitle, details.Customer.Name) };
    }

    public static Reply ChannelChanged(SupportChannelChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.Kind switch
        {
            OutcomeKind.Ok => Reply.Card(
                S["Channel.Changed.Summary"],
                new ParagraphBlock(S["Channel.Changed"], Tone.Good),
                new ParagraphBlock(change.Previous is { } previous
                    ? S.Format("Channel.Replaces", Describe(previous))
                    : S["Channel.NoneBefore"])),
            OutcomeKind.Duplicate => Reply.Text(S["Channel.Already"]),
            _ => Reply.Card(S["Channel.NotChanged"], new ParagraphBlock(change.Message ?? S["Channel.NotChanged"], Tone.Attention)),
        };
    }

    public static Reply ChannelShown(SupportChannelChoice? current)
    {
        if (current is null)
        {
            return Reply.Card(
                S["Channel.None.Summary"],
                new ParagraphBlock(S["Channel.None"], Tone.Warning),
                new ParagraphBlock(S["Channel.HowToChoose"]));
        }

        return Reply.Card(S.Format("Channel.Shown.Summary", Describe(current)), new HeadingBlock(S["Channel.Heading"]), new FactsBlock(
        [
            new(S["Channel.Channel"], current.DisplayName is { } name ? S.Format("Channel.NameAndKey", name, current.ConversationKey) : current.ConversationKey),
            new(S["Channel.Chosen"], current.Source == SupportChannelSource.Chosen
                ? current.SetAt is { } at ? S.Format("Channel.ChosenBy.At", current.SetByName, Texts.Instant(at)) : S.Format("Channel.ChosenBy", current.SetByName)
                : S["Channel.InConfiguration"]),
        ]));
    }

    /// <summary>Only support agents and admins work the queue.</summary>
    public static Reply QueueRefused() => Reply.Text(S["Queue.Refused"]);

    public static Reply Queue(IReadOnlyList<QueueEntry> entries, DateTimeOffset now, bool mine)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return mine
                ? Reply.Card(S["Queue.Mine.Summary"], new ParagraphBlock(S["Queue.Mine.None"]))
                : Reply.Card(S["Queue.Empty.Summary"], new ParagraphBlock(S["Queue.Empty"], Tone.Good));
        }

        var facts = entries.Select(e => new ReplyFact(
            e.RequestId,
            S.Format(
                "Queue.Line",
                Texts.Option(e.Kind),
                e.AccountExternalId is { } account ? S.Format("Queue.Subject.Account", e.CustomerName, account) : e.CustomerName,
                e.WaitingOnReseller ? S.Format("Queue.WaitingOnReseller", Texts.Status(e.Status)) : Texts.Status(e.Status),
                e.AssigneeName ?? S["Queue.Unassigned"],
                Waiting(now - e.CreatedAt))));
        var more = entries.Count >= SupportQueue.MaxEntries;
        return Reply.Card(
            S.Plural(mine ? "Queue.Assigned.Summary" : "Queue.Summary", entries.Count),
            new HeadingBlock(S.Format((mine ? "Queue.Assigned.Heading" : "Queue.Heading") + (more ? ".More" : string.Empty), entries.Count)),
            new FactsBlock([.. facts]));
    }

    /// <summary>"3 d 4 h", "2 h 5 min", "12 min".</summary>
    public static string Waiting(TimeSpan waited)
    {
        if (waited < TimeSpan.Zero)
        {
            waited = TimeSpan.Zero;
        }

        return waited.TotalDays >= 1 ? S.Format("Waiting.Days", (int)waited.TotalDays, waited.Hours)
            : waited.TotalHours >= 1 ? S.Format("Waiting.Hours", (int)waited.TotalHours, waited.Minutes)
            : S.Format("Waiting.Minutes", (int)waited.TotalMinutes);
    }

    private static string Describe(SupportChannelChoice choice) => choice.DisplayName is { } name
        ? S.Format("Channel.Describe.Named", name)
        : S.Format("Channel.Describe.Key", choice.ConversationKey);

    private static void Add(List<ReplyFact> facts, string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            facts.Add(new ReplyFact(label, value));
        }
    }
}
