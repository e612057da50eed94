using SesBot.Bot.Dialogs;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Core.Domain;
using SesBot.Core.Localization;
using SesBot.Core.Workflow;

namespace SesBot.Bot.Cards;

/// <summary>The removal dialog's cards, as channel-neutral replies: selection and the options for an account.</summary>
public static partial class RemovalCards
{
    public const string CustomersDataset = "customers";

    private static readonly Strings S = Strings.For(typeof(RemovalCards));

    public static Reply CustomerPicker(FlowState state, CustomerPage page, string? error = null, string? searchError = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(page);
        var blocks = new List<ReplyBlock> { new HeadingBlock(S["CustomerPicker.Heading"]) };
        if (page.Customers.Count == 0)
        {
            blocks.Add(new ParagraphBlock(string.IsNullOrWhiteSpace(state.SearchText)
                ? S["CustomerPicker.NoCustomers"]
                : S.Format("CustomerPicker.NoMatch", state.SearchText), Tone.Attention));
        }
        else
        {
            blocks.Add(new ParagraphBlock(string.IsNullOrWhiteSpace(state.SearchText)
                ? S[state.Kind == FlowKind.RemoveCustomer ? "CustomerPicker.Choose.RemoveCustomer" : "CustomerPicker.Choose.RemoveAccount"]
                : S.Format(page.HasMore ? "CustomerPicker.Matches.More" : "CustomerPicker.Matches", state.SearchText)));
            blocks.Add(new ChoiceInputBlock(DataKeys.CustomerId, S["Customer"], [.. page.Customers.Select(c => new ReplyChoice(c.Name, c.Id))])
            {
                IsRequired = false,
                Error = error,
                Placeholder = S["CustomerPicker.Placeholder"],
                SearchDataset = CustomersDataset,
            });
        }

        blocks.Add(new TextInputBlock(DataKeys.Search, S["CustomerPicker.Search"])
        {
            IsRequired = false,
            Value = state.SearchText,
            Error = searchError,
            Placeholder = S["CustomerPicker.SearchPlaceholder"],
            MaxLength = FieldLimits.SearchText,
        });
        var actions = new List<ReplyAction>();
        if (page.Customers.Count > 0)
        {
            actions.Add(Action(state, S["Continue"], ActionIds.SelectCustomer, ReplyActionStyle.Primary));
        }

        actions.Add(Action(state, S["CustomerPicker.SearchButton"], ActionIds.SearchCustomers));
        actions.Add(CancelAction(state));
        blocks.Add(new ActionsBlock(actions));
        return new Reply(blocks) { Summary = S["CustomerPicker.Heading"] };
    }

    public static Reply AccountPicker(FlowState state, Customer customer, string? error = null)
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

        blocks.Add(new FactsBlock([.. accounts.Select(a => new ReplyFact(
            $"{Texts.Provider(a.Provider)} {a.ExternalId}",
            S.Format("AccountPicker.Line", a.DisplayName, Texts.Origin(a), Texts.Day(a.LinkedAt), Texts.BillingStatus(a), Texts.State(a))))]));
        blocks.Add(new ChoiceInputBlock(DataKeys.AccountId, S["Account"], [.. accounts.Select(a => new ReplyChoice(Texts.AccountLabel(a), a.Id))])
        {
            IsRequired = false,
            Error = error,
            Placeholder = S["AccountPicker.Placeholder"],
        });
        blocks.Add(new ActionsBlock([Action(state, S["Continue"], ActionIds.SelectAccount, ReplyActionStyle.Primary), BackAction(state), CancelAction(state)]));
        return new Reply(blocks) { Summary = S.Format("AccountPicker.Heading", customer.Name) };
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
            blocks.Add(new ParagraphBlock(S.Format("Options.Option", option.Title, option.Explanation)));
            // An option's own warnings (deleting erases history; the payment method the end customer needs) stand out
            // like the billing-data warning.
            blocks.AddRange(option.Warnings.Select(w => new ParagraphBlock(w, Tone.Warning)));
        }

        var denied = options.Decision.Denied.ToList();
        if (denied.Count > 0)
        {
            blocks.Add(new ParagraphBlock(S["Options.Denied"], Tone.Subtle));
            blocks.Add(new FactsBlock([.. denied.Select(o => new ReplyFact(o.Title, o.DenialReason ?? S["Options.NotAllowed"]))]));
        }

        var actions = options.Decision.Allowed
            .Select(o => Action(state, o.Title, ActionIds.ChooseOption,
                o.Info.Handling == OptionHandling.SelfService ? ReplyActionStyle.Destructive : ReplyActionStyle.Default,
                (DataKeys.Option, o.Option.ToString())))
            .ToList();
        if (actions.Count == 0)
        {
            blocks.Add(new ParagraphBlock(S["Options.Nothing"], Tone.Attention));
        }

        if (options.OpenRequest is { } open)
        {
            // The request that holds the account: its card shows where it stands and offers Cancel while that is allowed.
            actions.Add(new ReplyAction(S.Format("Options.OpenRequest", open.RequestId), ActionIds.RefreshStatus,
                new Dictionary<string, string>(StringComparer.Ordinal) { [DataKeys.RequestId] = open.RequestId }) { SubmitsInputs = false });
        }

        actions.Add(BackAction(state));
        actions.Add(CancelAction(state));
        blocks.Add(new ActionsBlock(actions));
        return new Reply(blocks) { Summary = S.Format("Options.Summary", Texts.AccountLabel(account)) };
    }

    public static FactsBlock AccountFacts(Customer customer, CloudAccount account)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(account);
        return new FactsBlock(
        [
            new ReplyFact(S["Customer"], customer.Name),
            new ReplyFact(S[account.Provider == CloudProvider.Aws ? "Facts.AwsAccount" : "Facts.AzureSubscription"], account.ExternalId),
            new ReplyFact(S["Facts.Name"], account.DisplayName),
            new ReplyFact(S["Facts.Origin"], Texts.Origin(account)),
            new ReplyFact(S["Facts.Linked"], Texts.Day(account.LinkedAt)),
            new ReplyFact(S["Facts.Billing"], Texts.BillingStatus(account)),
            new ReplyFact(S["Facts.State"], Texts.State(account)),
        ]);
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
