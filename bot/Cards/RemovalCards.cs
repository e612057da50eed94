using SesBot.Bot.Dialogs;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Core.Domain;
using SesBot.Core.Policy;
using SesBot.Core.Workflow;

namespace SesBot.Bot.Cards;

/// <summary>The removal dialog's cards, as channel-neutral replies: selection and the options for an account.</summary>
public static partial class RemovalCards
{
    public const string CustomersDataset = "customers";

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
        var purpose = state.Kind == FlowKind.RemoveCustomer ? "remove" : "take an account from";
        var searched = !string.IsNullOrWhiteSpace(state.SearchText);
        var blocks = new List<ReplyBlock> { new HeadingBlock("Which customer?") };
        if (searchError is not null)
        {
            blocks.Add(new ParagraphBlock(searchError, Tone.Attention));
        }

        if (page.Customers.Count == 0)
        {
            blocks.Add(new ParagraphBlock(searched
                ? $"No customer's name contains \"{state.SearchText}\". Type another part of the name in the chat."
                : "You have no customers in SES yet.", Tone.Attention));
        }
        else
        {
            blocks.Add(new ParagraphBlock(searched
                ? $"Customers whose name contains \"{state.SearchText}\"{(page.HasMore ? " (the first ones)" : string.Empty)}:"
                : $"Choose the customer you want to {purpose}."));
            blocks.Add(new ChoiceInputBlock(DataKeys.CustomerId, "Customer", [.. page.Customers.Select(c => new ReplyChoice(c.Name, c.Id))])
            {
                IsRequired = false,
                Error = error,
                // One match of a typed search is chosen already: Continue is all that is left to do.
                Value = searched && page.Customers.Count == 1 && !page.HasMore ? page.Customers[0].Id : null,
                Placeholder = page.HasMore ? "Type part of the name" : "Choose a customer",
                IsSearchable = true,
                // Only when the card cannot hold them all does the dropdown ask the server (typeahead dataset).
                SearchDataset = page.HasMore ? CustomersDataset : null,
            });
            if (page.HasMore)
            {
                blocks.Add(new ParagraphBlock(
                    "Not in the list? Type part of the name in the box to search all your customers, or send it as a message.", Tone.Subtle));
            }
            else if (searched)
            {
                blocks.Add(new ParagraphBlock("Not the one? Send another part of the name as a message.", Tone.Subtle));
            }
        }

        var actions = new List<ReplyAction>();
        if (page.Customers.Count > 0)
        {
            actions.Add(Action(state, "Continue", ActionIds.SelectCustomer, ReplyActionStyle.Primary));
        }

        actions.Add(CancelAction(state));
        blocks.Add(new ActionsBlock(actions));
        return new Reply(blocks) { Summary = "Which customer?" };
    }

    /// <summary>
    /// The customer's accounts, each once, as a row: provider, id and name, short badges (billing data, state, an open
    /// request) and its own Select button.
    /// </summary>
    public static Reply AccountPicker(FlowState state, Customer customer, IReadOnlyDictionary<string, OpenRequestRef>? openRequests = null, string? error = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(customer);
        var blocks = new List<ReplyBlock> { new HeadingBlock($"Which account of {customer.Name}?") };
        var accounts = customer.Accounts.OrderBy(a => a.Provider).ThenBy(a => a.DisplayName).ToList();
        if (accounts.Count == 0)
        {
            blocks.Add(new ParagraphBlock($"{customer.Name} has no cloud accounts in SES.", Tone.Attention));
            blocks.Add(new ActionsBlock([BackAction(state), CancelAction(state)]));
            return new Reply(blocks) { Summary = $"{customer.Name} has no cloud accounts." };
        }

        if (error is not null)
        {
            blocks.Add(new ParagraphBlock(error, Tone.Attention));
        }

        blocks.Add(new ParagraphBlock(accounts.Count == 1 ? "Select the account:" : $"Select one of the {accounts.Count} accounts:", Tone.Subtle));
        blocks.Add(new ItemsBlock([.. accounts.Select(a => new ReplyItem($"{Texts.Provider(a.Provider)} {a.ExternalId} · {a.DisplayName}")
        {
            Detail = $"{Texts.Origin(a)}, linked {Texts.Day(a.LinkedAt)}",
            Badges = AccountBadges(a, openRequests is not null && openRequests.TryGetValue(a.Id, out var open) ? open : null),
            Action = Action(state, "Select", ActionIds.SelectAccount, ReplyActionStyle.Default, (DataKeys.AccountId, a.Id)),
        })]));
        blocks.Add(new ActionsBlock([BackAction(state), CancelAction(state)]));
        return new Reply(blocks) { Summary = $"Which account of {customer.Name}?" };
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
            badges.Add(new ReplyBadge($"open request {openRequest.RequestId}", Tone.Attention));
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
            new ParagraphBlock($"{options.Customer.Name} · {Texts.Origin(account)} · linked {Texts.Day(account.LinkedAt)}", Tone.Subtle),
            new BadgesBlock(AccountBadges(account, options.OpenRequest)),
        };
        if (account.BillingTransfer is { } transfer)
        {
            blocks.Add(new ParagraphBlock($"Billing transfer {BillingTexts.Transfer(transfer)}", Tone.Subtle));
        }

        blocks.AddRange(options.Decision.Warnings.Select(w => new ParagraphBlock(w, Tone.Warning)));

        var allowed = options.Decision.Allowed.ToList();
        var primary = PrimaryOption(allowed);
        if (allowed.Count > 0)
        {
            blocks.Add(new ParagraphBlock(allowed.Count == 1 ? "What you can do:" : $"What you can do ({allowed.Count} ways):", Tone.Subtle));
            blocks.Add(new ItemsBlock([.. allowed.Select(o => new ReplyItem(o.Title)
            {
                Detail = Texts.OptionLine(o.Option),
                Badges = o.Option == primary ? [new ReplyBadge("usual choice", Tone.Good)] : [],
                // An option's own warnings (deleting erases history; the payment method the end customer needs) stand
                // out like the billing-data warning.
                Warnings = o.Warnings,
                Action = Action(state, "Choose", ActionIds.ChooseOption,
                    o.Info.Handling == OptionHandling.SelfService ? ReplyActionStyle.Destructive
                        : o.Option == primary ? ReplyActionStyle.Primary : ReplyActionStyle.Default,
                    (DataKeys.Option, o.Option.ToString())),
            })]));
        }
        else
        {
            blocks.Add(new ParagraphBlock(options.OpenRequest is { } holding
                ? $"Request {holding.RequestId} holds this account: nothing else can be done with it until that request finishes or is cancelled. Open it to see where it stands."
                : "There is nothing you can do with this account from here right now.", Tone.Attention));
        }

        var denied = options.Decision.Denied.ToList();
        if (denied.Count > 0)
        {
            blocks.Add(new ParagraphBlock("Not available for this account:", Tone.Subtle));
            blocks.Add(new FactsBlock([.. denied.Select(o => new ReplyFact(o.Title, o.DenialReason ?? "Not allowed."))]));
        }

        var actions = new List<ReplyAction>();
        if (options.OpenRequest is { } open)
        {
            // The request that holds the account: its card shows where it stands and offers Cancel while that is allowed.
            actions.Add(new ReplyAction($"Open request {open.RequestId}", ActionIds.RefreshStatus,
                new Dictionary<string, string>(StringComparer.Ordinal) { [DataKeys.RequestId] = open.RequestId },
                allowed.Count == 0 ? ReplyActionStyle.Primary : ReplyActionStyle.Default) { SubmitsInputs = false });
        }

        actions.Add(BackAction(state));
        actions.Add(CancelAction(state));
        blocks.Add(new ActionsBlock(actions));
        return new Reply(blocks) { Summary = $"What to do with {Texts.AccountLabel(account)}" };
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
            new ReplyFact("Customer", customer.Name),
            new ReplyFact(account.Provider == CloudProvider.Aws ? "AWS account" : "Azure subscription", account.ExternalId),
            new ReplyFact("Name", account.DisplayName),
            new ReplyFact("Origin", Texts.Origin(account)),
            new ReplyFact("Linked", Texts.Day(account.LinkedAt)),
            new ReplyFact("Billing", Texts.BillingStatus(account)),
            new ReplyFact("State", Texts.State(account)),
        ];
        if (account.BillingTransfer is { } transfer)
        {
            facts.Insert(4, new ReplyFact("Billing transfer", BillingTexts.Transfer(transfer)));
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
            FlowStep.SelectAccount => "choose one of the customer's accounts with its Select button",
            FlowStep.ChooseOption => "choose what to do with the account with one of the Choose buttons",
            FlowStep.ReviewTransfer => "check the transfer details, then submit them or go back to edit",
            FlowStep.ConfirmRemoveFromPayer => "check what you invoice the customer, then submit the removal",
            FlowStep.ConfirmRemoveCustomer => "confirm removing the customer",
            _ => "fill in the form on the card, then submit it",
        };
        return Reply.Text($"I'm waiting for your answer on the card: {step}. Here it is again. Use its buttons, or type \"cancel\" to stop.");
    }

    public static Reply Stopped() => Reply.Text("OK, I stopped. Nothing was submitted. Type \"help\" to see what I can do.");

    public static Reply Outdated(Reply current) => current with
    {
        Blocks = [new ParagraphBlock("That card is out of date, so I ignored it. Here is where we are now:", Tone.Attention), .. current.Blocks],
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

    internal static ReplyAction BackAction(FlowState state) => Action(state, "Back", ActionIds.Back) with { SubmitsInputs = false };

    internal static ReplyAction CancelAction(FlowState state) => Action(state, "Cancel", ActionIds.Cancel) with { SubmitsInputs = false };
}
