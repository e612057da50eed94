using SesBot.Bot.Dialogs;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Core.Domain;
using SesBot.Core.Workflow;

namespace SesBot.Bot.Cards;

/// <summary>The removal dialog's cards, as channel-neutral replies: selection and the options for an account.</summary>
public static partial class RemovalCards
{
    public const string CustomersDataset = "customers";

    public static Reply CustomerPicker(FlowState state, CustomerPage page, string? error = null, string? searchError = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(page);
        var purpose = state.Kind == FlowKind.RemoveCustomer ? "remove" : "take an account from";
        var blocks = new List<ReplyBlock> { new HeadingBlock("Which customer?") };
        if (page.Customers.Count == 0)
        {
            blocks.Add(new ParagraphBlock(string.IsNullOrWhiteSpace(state.SearchText)
                ? "You have no customers in SES yet."
                : $"No customer's name contains \"{state.SearchText}\". Try another part of the name.", Tone.Attention));
        }
        else
        {
            blocks.Add(new ParagraphBlock(string.IsNullOrWhiteSpace(state.SearchText)
                ? $"Choose the customer you want to {purpose}. You can also type part of a name to search."
                : $"Customers whose name contains \"{state.SearchText}\"{(page.HasMore ? " (the first ones; type more of the name to narrow it down)" : string.Empty)}:"));
            blocks.Add(new ChoiceInputBlock(DataKeys.CustomerId, "Customer", [.. page.Customers.Select(c => new ReplyChoice(c.Name, c.Id))])
            {
                IsRequired = false,
                Error = error,
                Placeholder = "Choose a customer",
                SearchDataset = CustomersDataset,
            });
        }

        blocks.Add(new TextInputBlock(DataKeys.Search, "Search by name")
        {
            IsRequired = false,
            Value = state.SearchText,
            Error = searchError,
            Placeholder = "Part of the customer's name",
            MaxLength = FieldLimits.SearchText,
        });
        var actions = new List<ReplyAction>();
        if (page.Customers.Count > 0)
        {
            actions.Add(Action(state, "Continue", ActionIds.SelectCustomer, ReplyActionStyle.Primary));
        }

        actions.Add(Action(state, "Search", ActionIds.SearchCustomers));
        actions.Add(CancelAction(state));
        blocks.Add(new ActionsBlock(actions));
        return new Reply(blocks) { Summary = "Which customer?" };
    }

    public static Reply AccountPicker(FlowState state, Customer customer, string? error = null)
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

        blocks.Add(new FactsBlock([.. accounts.Select(a => new ReplyFact(
            $"{Texts.Provider(a.Provider)} {a.ExternalId}",
            $"{a.DisplayName}; {Texts.Origin(a)}; linked {Texts.Day(a.LinkedAt)}; {Texts.BillingStatus(a)}; {Texts.State(a)}"))]));
        blocks.Add(new ChoiceInputBlock(DataKeys.AccountId, "Account", [.. accounts.Select(a => new ReplyChoice(Texts.AccountLabel(a), a.Id))])
        {
            IsRequired = false,
            Error = error,
            Placeholder = "Choose an account",
        });
        blocks.Add(new ActionsBlock([Action(state, "Continue", ActionIds.SelectAccount, ReplyActionStyle.Primary), BackAction(state), CancelAction(state)]));
        return new Reply(blocks) { Summary = $"Which account of {customer.Name}?" };
    }

    public static Reply Options(FlowState state, AccountOptions options)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(options);
        var account = options.Account;
        var blocks = new List<ReplyBlock>
        {
            new HeadingBlock(Texts.AccountLabel(account)),
            AccountFacts(options.Customer, account),
        };
        blocks.AddRange(options.Decision.Warnings.Select(w => new ParagraphBlock(w, Tone.Warning)));

        foreach (var option in options.Decision.Allowed)
        {
            blocks.Add(new ParagraphBlock($"{option.Title}: {option.Explanation}"));
            // An option's own warnings (deleting erases history; the payment method the end customer needs) stand out
            // like the billing-data warning.
            blocks.AddRange(option.Warnings.Select(w => new ParagraphBlock(w, Tone.Warning)));
        }

        var denied = options.Decision.Denied.ToList();
        if (denied.Count > 0)
        {
            blocks.Add(new ParagraphBlock("Not available for this account:", Tone.Subtle));
            blocks.Add(new FactsBlock([.. denied.Select(o => new ReplyFact(o.Title, o.DenialReason ?? "Not allowed."))]));
        }

        var actions = options.Decision.Allowed
            .Select(o => Action(state, o.Title, ActionIds.ChooseOption,
                o.Info.Handling == OptionHandling.SelfService ? ReplyActionStyle.Destructive : ReplyActionStyle.Default,
                (DataKeys.Option, o.Option.ToString())))
            .ToList();
        if (actions.Count == 0)
        {
            blocks.Add(new ParagraphBlock("There is nothing you can do with this account from here right now.", Tone.Attention));
        }

        if (options.OpenRequest is { } open)
        {
            // The request that holds the account: its card shows where it stands and offers Cancel while that is allowed.
            actions.Add(new ReplyAction($"Open request {open.RequestId}", ActionIds.RefreshStatus,
                new Dictionary<string, string>(StringComparer.Ordinal) { [DataKeys.RequestId] = open.RequestId }) { SubmitsInputs = false });
        }

        actions.Add(BackAction(state));
        actions.Add(CancelAction(state));
        blocks.Add(new ActionsBlock(actions));
        return new Reply(blocks) { Summary = $"What to do with {Texts.AccountLabel(account)}" };
    }

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
