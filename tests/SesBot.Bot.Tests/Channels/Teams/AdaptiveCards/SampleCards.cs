using SesBot.Bot.Cards;
using SesBot.Bot.Channels.Teams.AdaptiveCards;

namespace SesBot.Bot.Tests.Channels.Teams.AdaptiveCards;

/// <summary>Cards that exercise the whole model, for shape, golden-file and renderer tests.</summary>
public static class SampleCards
{
    /// <summary>One card with every element type, every action type, refresh, fallbackText and msteams.</summary>
    public static AdaptiveCard EveryElement() => new()
    {
        FallbackText = "Remove account 123456789012 from Contoso Ltd",
        MsTeams = TeamsCardProperties.FullWidth,
        Refresh = new CardRefresh
        {
            Action = new ExecuteAction { Verb = ActionIds.RefreshStatus, Data = new Dictionary<string, string> { ["requestId"] = "r-1" } },
            UserIds = ["29:1a2b3c"],
        },
        Body =
        [
            new TextBlock { Text = "Remove a cloud account", Weight = TextWeight.Bolder, Size = TextSize.Large, Wrap = true },
            new TextBlock
            {
                Text = "Deleting erases usage and billing history.",
                Color = TextColor.Attention,
                IsSubtle = true,
                Spacing = Spacing.Small,
                Separator = true,
                Wrap = true,
            },
            new RichTextBlock
            {
                Inlines =
                [
                    new TextRun { Text = "Account " },
                    new TextRun { Text = "123456789012", Weight = TextWeight.Bolder, Color = TextColor.Accent },
                    new TextRun { Text = " has billing data.", Italic = true, IsSubtle = true, Size = TextSize.Small },
                ],
            },
            new Container
            {
                Style = ContainerStyle.Emphasis,
                Bleed = true,
                Items =
                [
                    new FactSet
                    {
                        Facts =
                        [
                            new Fact { Title = "Customer", Value = "Contoso Ltd" },
                            new Fact { Title = "Provider", Value = "AWS" },
                        ],
                    },
                ],
            },
            new ColumnSet
            {
                Columns =
                [
                    new Column
                    {
                        Width = ColumnWidth.Auto,
                        Items = [new Image { Url = new Uri("https://sesbot.example.com/aws.png"), AltText = "AWS", Size = ImageSize.Small }],
                    },
                    new Column { Width = ColumnWidth.Stretch, Items = [new TextBlock { Text = "Distributor-assigned", Wrap = true }] },
                    new Column { Width = ColumnWidth.Weight(2), Items = [new TextBlock { Text = "Open" }] },
                    new Column { Width = ColumnWidth.Pixels(80), Items = [new TextBlock { Text = "€ 0.00" }] },
                ],
            },
            new ChoiceSetInput
            {
                Id = "customerId",
                Label = "Customer",
                Placeholder = "Type to search your customers",
                Style = ChoiceInputStyle.Filtered,
                IsRequired = true,
                ErrorMessage = "Pick a customer.",
                Choices = [new Choice { Title = "Contoso Ltd", Value = "c-1" }, new Choice { Title = "Fabrikam", Value = "c-2" }],
                ChoicesData = new DataQuery { Dataset = "customers", Count = 15 },
            },
            new ChoiceSetInput
            {
                Id = "option",
                Label = "What should happen?",
                Style = ChoiceInputStyle.Expanded,
                IsMultiSelect = false,
                Value = "transfer",
                Choices = [new Choice { Title = "Transfer ownership", Value = "transfer" }, new Choice { Title = "Remove from payer", Value = "remove" }],
            },
            new TextInput
            {
                Id = "accountIdConfirmation",
                Label = "Type the account id to confirm",
                Placeholder = "123456789012",
                Value = "",
                IsRequired = true,
                ErrorMessage = "Type the 12-digit account id.",
                MaxLength = 12,
                Regex = "^[0-9]{12}$",
                Style = TextInputStyle.Text,
            },
            new TextInput { Id = "notes", Label = "Notes for support", IsMultiline = true, MaxLength = 500 },
            new NumberInput { Id = "seats", Label = "Seats", Placeholder = "1", Value = 1, Min = 1, Max = 100 },
            new DateInput
            {
                Id = "effectiveOn",
                Label = "Effective on",
                Value = new DateOnly(2026, 12, 1),
                Min = new DateOnly(2026, 11, 26),
                Max = new DateOnly(2027, 11, 26),
            },
            new ToggleInput { Id = "notifyCustomer", Label = "End customer", Title = "Send the end customer the instructions", Value = "true", ValueOn = "true", ValueOff = "false" },
            new ActionSet
            {
                Actions =
                [
                    ExecuteAction.WithSubmitFallback(
                        ActionIds.ConfirmDelete,
                        "Delete from SES",
                        new Dictionary<string, string> { ["accountId"] = "a-1" },
                        ActionStyle.Destructive),
                ],
            },
        ],
        Actions =
        [
            new SubmitAction { Title = "Back", Data = new Dictionary<string, string> { [ExecuteAction.VerbDataKey] = ActionIds.Back } },
            new OpenUrlAction { Title = "Policy", Url = new Uri("https://sesbot.example.com/policy") },
            new ShowCardAction
            {
                Title = "Cancel the request",
                Card = new AdaptiveCard
                {
                    Body = [new TextInput { Id = "reason", Label = "Why?", IsMultiline = true }],
                    Actions = [ExecuteAction.WithSubmitFallback(ActionIds.CancelRequest, "Cancel request", new Dictionary<string, string> { ["requestId"] = "r-1" })],
                },
            },
        ],
    };
}
