using SesBot.Bot.Dialogs;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Core.Domain;
using SesBot.Core.Localization;
using SesBot.Core.Policy;
using SesBot.Core.Workflow;

namespace SesBot.Bot.Cards;

/// <summary>The removal dialog's cards, as channel-neutral replies: selection and the options for an account.</summary>
public static partial class RemovalCards
{
    public const string CustomersDataset = "customers";

    private static readonly Strings S = Strings.For(typeof(RemovalCards));

    /// <summary>
    /// Customer selection with one way to search: a dropdown the person can type into. When the customers fit on one
    /// page it lists them all at once (static choices, filtered as they type); beyond that it lists the first page and
    /// searches the rest on the server (typeahead dataset). Typed text in the chat searches too, for clients without
    /// typeahead.
    /// </summary>
    public static Reply CustomerPicker(FlowState state, CustomerPage page, string? error = null, string? searchError = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(page);
        var searched = !string.IsNullOrWhiteSpace(state.SearchText);
        var blocks = new List<ReplyBlock> { new HeadingBlock(S["CustomerPicker.Heading"]) };
        if (searchError is not null)
        {
            blocks.Add(new ParagraphBlock(searchError, Tone.Attention));
        }

        if (page.Customers.Count == 0)
        {
            blocks.Add(new ParagraphBlock(searched
                ? S.Format("CustomerPicker.NoMatch", state.SearchText)
                : S["CustomerPicker.NoCustomers"], Tone.Attention));
        }
        else
        {
            blocks.Add(new ParagraphBlock(searched
                ? S.Format(page.HasMore ? "CustomerPicker.Matches.More" : "CustomerPicker.Matches", state.SearchText)
                : S[state.Kind == FlowKind.RemoveCustomer ? "CustomerPicker.Choose.RemoveCustomer" : "CustomerPicker.Choose.RemoveAccount"]));
            blocks.Add(new ChoiceInputBlock(DataKeys.CustomerId, S["Customer"], [.. page.Customers.Select(c => new ReplyChoice(c.Name, c.Id))])
            {
                IsRequired = false,
                Error = error,
                // One match of a typed search is chosen already: Continue is all that is left to do.
                Value = searched && page.Customers.Count == 1 && !page.HasMore ? page.Customers[0].Id : null,
                Placeholder = S[page.HasMore ? "CustomerPicker.TypePlaceholder" : "CustomerPicker.Placeholder"],
                IsSearchable = true,
                // Only when the card cannot hold them all does the dropdown ask the server (typeahead dataset).
                SearchDataset = page.HasMore ? CustomersDataset : null,
            });
            if (page.HasMore)
            {
                blocks.Add(new ParagraphBlock(
                    S["CustomerPicker.NotInList"], Tone.Subtle));
            }
            else if (searched)
            {
                blocks.Add(new ParagraphBlock(S["CustomerPicker.NotTheOne"], Tone.Subtle));
            }
        }

        var actions = new List<ReplyAction>();
        if (page.Customers.Count > 0)
        {
            actions.Add(Action(state, S["Continue"], ActionIds.SelectCustomer, ReplyActionStyle.Primary));
        }

        actions.Add(CancelAction(state));
        blocks.Add(new ActionsBlock(actions));
        return new Reply(blocks) { Summary = S["CustomerPicker.Heading"] };
    }

    /// <summary>
    /// The customer's accounts, each once, as a row: provider, id and name, short badges (billing data, state, an open
    /// request) and its own Select button.
    /// </summary>
    public static Reply AccountPicker(FlowState state, Customer customer, IReadOnlyDictionary<string, OpenRequestRef>? openRequests = null, string? error = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(customer);
        var blocks = new List<ReplyBlock> { new HeadingBlock(S.Format("AccountPicker.Heading", customer.Name)) };
        var accounts = customer.Accounts.OrderBy(a => a.Provider).ThenBy(a => a.DisplayName).ToList();
        if (accounts.Count == 0)
        {
            blocks.Add(new ParagraphBlock(S.Format("AccountPicker.None", customer.Name), Tone.Attention));
            blocks.Add(new ActionsBlock([BackAction(state), CancelAction(state)]));
            return new Reply(blocks) { Summary = S.Format("AccountPicker.None", customer.Name) };
        }

        if (error is not null)
        {
            blocks.Add(new ParagraphBlock(error, Tone.Attention));
        }

        blocks.Add(new ParagraphBlock(S.Plural("AccountPicker.Select", accounts.Count), Tone.Subtle));
        blocks.Add(new ItemsBlock([.. accounts.Select(a => new ReplyItem(S.Format("AccountPicker.Row", Texts.Provider(a.Provider), a.ExternalId, a.DisplayName))
        {
            Detail = S.Format("AccountPicker.RowDetail", Texts.Origin(a), Texts.Day(a.LinkedAt)),
            Badges = AccountBadges(a, openRequests is not null && openRequests.TryGetValue(a.Id, out var open) ? open : null),
            Action = Action(state, S["AccountPicker.SelectButton"], ActionIds.SelectAccount, ReplyActionStyle.Default, (DataKeys.AccountId, a.Id)),
        })]));
        blocks.Add(new ActionsBlock([BackAction(state), CancelAction(state)]));
        return new Reply(blocks) { Summary = S.Format("AccountPicker.Heading", customer.Name) };
    }

    /// <summary>Billing data, state and open request of an account, as short badges.</summary>
    public static IReadOnlyList<ReplyBadge> AccountBadges(CloudAccount account, OpenRequestRef? openRequest)
    {
        ArgumentNullException.ThrowIfNull(account);
        var badges = new List<ReplyBadge>
        {
            new(Texts.BillingBadge(account), account.HasBillingData ? Tone.Warning : Tone.Normal),
            new(Texts.State(account), account.State == AccountState.Active ? Tone.Good : Tone.Attention),
        };
        if (openRequest is not null)
        {
            badges.Add(new ReplyBadge(S.Format("Badge.OpenRequest", openRequest.RequestId), Tone.Attention));
        }

        return badges;
    }

    /// <summary>
    /// What the reseller may do with an account: the account with its badges, the billing warning, one short row per
    /// allowed option with its own button (the usual choice marked), each option's warnings as visible as the billing
    /// one, the denied options with their reasons, and the button to an open request that holds the account.
    /// </summary>
    public static Reply Options(FlowState state, AccountOptions options)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(options);
        var account = options.Account;
        var blocks = new List<ReplyBlock>
        {
            new HeadingBlock(Texts.AccountLabel(account)),
            new ParagraphBlock(S.Format("Options.Subtitle", options.Customer.Name, Texts.Origin(account), Texts.Day(account.LinkedAt)), Tone.Subtle),
            new BadgesBlock(AccountBadges(account, options.OpenRequest)),
        };
        if (account.BillingTransfer is { } transfer)
        {
            blocks.Add(new ParagraphBlock(S.Format("Options.BillingTransfer", BillingTexts.Transfer(transfer)), Tone.Subtle));
        }

        blocks.AddRange(options.Decision.Warnings.Select(w => new ParagraphBlock(w, Tone.Warning)));

        var allowed = options.Decision.Allowed.ToList();
        var primary = PrimaryOption(allowed);
        if (allowed.Count > 0)
        {
            blocks.Add(new ParagraphBlock(S.Plural("Options.WhatYouCanDo", allowed.Count), Tone.Subtle));
            blocks.Add(new ItemsBlock([.. allowed.Select(o => new ReplyItem(o.Title)
            {
                Detail = Texts.OptionLine(o.Option),
                Badges = o.Option == primary ? [new ReplyBadge(S["Options.UsualChoice"], Tone.Good)] : [],
                // An option's own warnings (deleting erases history; the payment method the end customer needs) stand
                // out like the billing-data warning.
                Warnings = o.Warnings,
                Action = Action(state, S["Options.ChooseButton"], ActionIds.ChooseOption,
                    o.Info.Handling == OptionHandling.SelfService ? ReplyActionStyle.Destructive
                        : o.Option == primary ? ReplyActionStyle.Primary : ReplyActionStyle.Default,
                    (DataKeys.Option, o.Option.ToString())),
            })]));
        }
        else
        {
            blocks.Add(new ParagraphBlock(options.OpenRequest is { } holding
                ? S.Format("Options.HeldByRequest", holding.RequestId)
                : S["Options.Nothing"], Tone.Attention));
        }

        var denied = options.Decision.Denied.ToList();
        if (denied.Count > 0)
        {
            blocks.Add(new ParagraphBlock(S["Options.Denied"], Tone.Subtle));
            blocks.Add(new FactsBlock([.. denied.Select(o => new ReplyFact(o.Title, o.DenialReason ?? S["Options.NotAllowed"]))]));
        }

        var actions = new List<ReplyAction>();
        if (options.OpenRequest is { } open)
        {
            // The request that holds the account: its card shows where it stands and offers Cancel while that is allowed.
            actions.Add(new ReplyAction(S.Format("Options.OpenRequest", open.RequestId), ActionIds.RefreshStatus,
                new Dictionary<string, string>(StringComparer.Ordinal) { [DataKeys.RequestId] = open.RequestId },
                allowed.Count == 0 ? ReplyActionStyle.Primary : ReplyActionStyle.Default) { SubmitsInputs = false });
        }

        actions.Add(BackAction(state));
        actions.Add(CancelAction(state));
        blocks.Add(new ActionsBlock(actions));
        return new Reply(blocks) { Summary = S.Format("Options.Summary", Texts.AccountLabel(account)) };
    }

    /// <summary>The option most resellers mean: the first allowed one that is not carried out at once (deleting is never the usual choice).</summary>
    private static RemovalOption? PrimaryOption(List<OptionDecision> allowed) =>
        (allowed.FirstOrDefault(o => o.Info.Handling != OptionHandling.SelfService) ?? (allowed.Count > 0 ? allowed[0] : null))?.Option;

    public static FactsBlock AccountFacts(Customer customer, CloudAccount account)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(account);
        List<ReplyFact> facts =
        [
            new ReplyFact(S["Customer"], customer.Name),
            new ReplyFact(S[account.Provider == CloudProvider.Aws ? "Facts.AwsAccount" : "Facts.AzureSubscription"], account.ExternalId),
            new ReplyFact(S["Facts.Name"], account.DisplayName),
            new ReplyFact(S["Facts.Origin"], Texts.Origin(account)),
            new ReplyFact(S["Facts.Linked"], Texts.Day(account.LinkedAt)),
            new ReplyFact(S["Facts.Billing"], Texts.BillingStatus(account)),
            new ReplyFact(S["Facts.State"], Texts.State(account)),
        ];
        if (account.BillingTransfer is { } transfer)
        {
            facts.Insert(4, new ReplyFact(S["Facts.BillingTransfer"], BillingTexts.Transfer(transfer)));
        }

        return new FactsBlock(facts);
    }

    /// <summary>
    /// Typed text while a card waits (and is not an answer to it): which step we are at and how to go on. The card itself
    /// follows, again.
    /// </summary>
    public static Reply WaitingNote(FlowState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var step = state.Step switch
        {
            FlowStep.SelectAccount or FlowStep.ChooseOption or FlowStep.ReviewTransfer or FlowStep.ConfirmRemoveFromPayer
                or FlowStep.ConfirmRemoveCustomer => state.Step.ToString(),
            _ => "Form",
        };
        return Reply.Text(S.Format("Waiting", S["Waiting." + step]));
    }

    public static Reply Stopped() => Reply.Text(S["Stopped"]);

    public static Reply Outdated(Reply current) => current with
    {
        Blocks = [new ParagraphBlock(S["Outdated"], Tone.Attention), .. current.Blocks],
    };

    internal static ReplyAction Action(FlowState state, string title, string verb, ReplyActionStyle style = ReplyActionStyle.Default, params (string Key, string Value)[] extra)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [DataKeys.Flow] = state.FlowId,
            [DataKeys.Step] = state.Step.ToString(),
        };
        foreach (var (key, value) in extra)
        {
            data[key] = value;
        }

        return new ReplyAction(title, verb, data, style);
    }

    internal static ReplyAction BackAction(FlowState state) => Action(state, S["Back"], ActionIds.Back) with { SubmitsInputs = false };

    internal static ReplyAction CancelAction(FlowState state) => Action(state, S["Cancel"], ActionIds.Cancel) with { SubmitsInputs = false };
}
