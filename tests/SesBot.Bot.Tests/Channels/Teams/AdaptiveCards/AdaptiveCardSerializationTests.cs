using System.Text.Json;
using System.Text.Json.Nodes;
using SesBot.Bot.Cards;
using SesBot.Bot.Channels.Teams.AdaptiveCards;
using SesBot.Bot.Channels.Teams;
using SesBot.Bot.Channels.Teams.Protocol;
using SesBot.Bot.Tests.Support;

namespace SesBot.Bot.Tests.Channels.Teams.AdaptiveCards;

public sealed class AdaptiveCardSerializationTests
{
    private static readonly Dictionary<string, (object Value, Type Declared, string Json)> Shapes = new()
    {
        ["TextBlock"] = (
            new TextBlock { Text = "Hi", Wrap = true, Weight = TextWeight.Bolder, Size = TextSize.ExtraLarge, Color = TextColor.Good, IsSubtle = false, Spacing = Spacing.Medium, Separator = true },
            typeof(CardElement),
            """{"type":"TextBlock","text":"Hi","wrap":true,"weight":"Bolder","size":"ExtraLarge","color":"Good","isSubtle":false,"spacing":"Medium","separator":true}"""),
        ["RichTextBlock"] = (
            new RichTextBlock { Inlines = [new TextRun { Text = "a", Weight = TextWeight.Lighter, Italic = true }] },
            typeof(CardElement),
            """{"type":"RichTextBlock","inlines":[{"type":"TextRun","text":"a","weight":"Lighter","italic":true}]}"""),
        ["FactSet"] = (
            new FactSet { Facts = [new Fact { Title = "Account", Value = "123456789012" }] },
            typeof(CardElement),
            """{"type":"FactSet","facts":[{"title":"Account","value":"123456789012"}]}"""),
        ["Container"] = (
            new Container { Items = [new TextBlock { Text = "x" }], Style = ContainerStyle.Attention, Bleed = true },
            typeof(CardElement),
            """{"type":"Container","items":[{"type":"TextBlock","text":"x"}],"style":"attention","bleed":true}"""),
        ["ColumnSet"] = (
            new ColumnSet
            {
                Columns =
                [
                    new Column { Width = ColumnWidth.Auto, Items = [] },
                    new Column { Width = ColumnWidth.Stretch, Items = [] },
                    new Column { Width = ColumnWidth.Weight(3), Items = [] },
                    new Column { Width = ColumnWidth.Pixels(50), Items = [] },
                    new Column { Items = [] },
                ],
            },
            typeof(CardElement),
            """{"type":"ColumnSet","columns":[{"type":"Column","width":"auto","items":[]},{"type":"Column","width":"stretch","items":[]},{"type":"Column","width":3,"items":[]},{"type":"Column","width":"50px","items":[]},{"type":"Column","items":[]}]}"""),
        ["Image"] = (
            new Image { Url = new Uri("https://example.com/a.png"), AltText = "A", Size = ImageSize.Medium },
            typeof(CardElement),
            """{"type":"Image","url":"https://example.com/a.png","altText":"A","size":"Medium"}"""),
        ["Input.Text"] = (
            new TextInput { Id = "t", Label = "L", Placeholder = "P", Value = "V", IsMultiline = true, MaxLength = 9, Regex = "^a$", Style = TextInputStyle.Email, IsRequired = true, ErrorMessage = "E" },
            typeof(CardElement),
            """{"type":"Input.Text","id":"t","label":"L","placeholder":"P","value":"V","isMultiline":true,"maxLength":9,"regex":"^a$","style":"email","isRequired":true,"errorMessage":"E"}"""),
        ["Input.Number"] = (
            new NumberInput { Id = "n", Value = 2.5m, Min = 0, Max = 10 },
            typeof(CardElement),
            """{"type":"Input.Number","id":"n","value":2.5,"min":0,"max":10}"""),
        ["Input.Date"] = (
            new DateInput { Id = "d", Value = new DateOnly(2026, 1, 31), Min = new DateOnly(2026, 1, 1) },
            typeof(CardElement),
            """{"type":"Input.Date","id":"d","value":"2026-01-31","min":"2026-01-01"}"""),
        ["Input.Toggle"] = (
            new ToggleInput { Id = "g", Title = "T", Value = "yes", ValueOn = "yes", ValueOff = "no" },
            typeof(CardElement),
            """{"type":"Input.Toggle","id":"g","title":"T","value":"yes","valueOn":"yes","valueOff":"no"}"""),
        ["Input.ChoiceSet"] = (
            new ChoiceSetInput
            {
                Id = "c",
                Choices = [new Choice { Title = "A", Value = "a" }],
                ChoicesData = new DataQuery { Dataset = "customers", Count = 15 },
                Style = ChoiceInputStyle.Filtered,
                IsMultiSelect = true,
                Value = "a",
            },
            typeof(CardElement),
            """{"type":"Input.ChoiceSet","id":"c","choices":[{"title":"A","value":"a"}],"choices.data":{"type":"Data.Query","dataset":"customers","count":15},"style":"filtered","isMultiSelect":true,"value":"a"}"""),
        ["ActionSet"] = (
            new ActionSet { Actions = [new OpenUrlAction { Title = "Docs", Url = new Uri("https://example.com/") }] },
            typeof(CardElement),
            """{"type":"ActionSet","actions":[{"type":"Action.OpenUrl","title":"Docs","url":"https://example.com/"}]}"""),
        ["Action.Execute"] = (
            new ExecuteAction { Title = "Go", Verb = ActionIds.SelectAccount, Data = new Dictionary<string, string> { ["accountId"] = "a-1" }, Style = ActionStyle.Positive, Fallback = new SubmitAction { Title = "Go" } },
            typeof(CardAction),
            """{"type":"Action.Execute","title":"Go","verb":"selectAccount","data":{"accountId":"a-1"},"style":"positive","fallback":{"type":"Action.Submit","title":"Go"}}"""),
        ["Action.Submit"] = (
            new SubmitAction { Title = "Send", Data = new { verb = "help" } },
            typeof(CardAction),
            """{"type":"Action.Submit","title":"Send","data":{"verb":"help"}}"""),
        ["Action.OpenUrl"] = (
            new OpenUrlAction { Url = new Uri("https://example.com/x?y=1") },
            typeof(CardAction),
            """{"type":"Action.OpenUrl","url":"https://example.com/x?y=1"}"""),
        ["Action.ShowCard"] = (
            new ShowCardAction { Title = "More", Card = new AdaptiveCard { Body = [new TextBlock { Text = "x" }] } },
            typeof(CardAction),
            """{"type":"Action.ShowCard","title":"More","card":{"type":"AdaptiveCard","$schema":"http://adaptivecards.io/schemas/adaptive-card.json","version":"1.5","body":[{"type":"TextBlock","text":"x"}]}}"""),
    };

    public static TheoryData<string> ShapeNames => [.. Shapes.Keys];

    [Theory]
    [MemberData(nameof(ShapeNames))]
    public void Serialize_ThroughBaseType_WritesDiscriminatorFirstAndSchemaPropertyNames(string type)
    {
        var (value, declared, expected) = Shapes[type];

        var json = JsonSerializer.Serialize(value, declared, AdaptiveCardSerializer.Options);

        Assert.Equal(expected, json);
    }

    [Fact]
    public void Serialize_OnlyRequiredProperties_OmitsEveryNull()
    {
        var card = new AdaptiveCard { Body = [new TextBlock { Text = "Hello" }, new TextInput { Id = "x" }] };

        var json = AdaptiveCardSerializer.Serialize(card);

        Assert.Equal(
            """{"type":"AdaptiveCard","$schema":"http://adaptivecards.io/schemas/adaptive-card.json","version":"1.5","body":[{"type":"TextBlock","text":"Hello"},{"type":"Input.Text","id":"x"}]}""",
            json);
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_CardLevelProperties_UsesSchemaNames()
    {
        var card = new AdaptiveCard
        {
            Refresh = new CardRefresh { Action = new ExecuteAction { Verb = ActionIds.RefreshStatus }, UserIds = [] },
            FallbackText = "Status",
            MsTeams = TeamsCardProperties.FullWidth,
            Actions = [new SubmitAction { Title = "OK" }],
        };

        var json = AdaptiveCardSerializer.Serialize(card);

        Assert.Equal(
            """{"type":"AdaptiveCard","$schema":"http://adaptivecards.io/schemas/adaptive-card.json","version":"1.5","actions":[{"type":"Action.Submit","title":"OK"}],"refresh":{"action":{"type":"Action.Execute","verb":"refreshStatus"},"userIds":[]},"fallbackText":"Status","msteams":{"width":"Full"}}""",
            json);
    }

    [Fact]
    public void WithSubmitFallback_VerbAndData_FallbackSubmitCarriesVerbAndSameData()
    {
        var action = ExecuteAction.WithSubmitFallback(
            ActionIds.SelectCustomer, "Next", new Dictionary<string, string> { ["customerId"] = "c-1" }, ActionStyle.Positive);

        var json = JsonSerializer.Serialize<CardAction>(action, AdaptiveCardSerializer.Options);

        Assert.Equal(
            """{"type":"Action.Execute","title":"Next","verb":"selectCustomer","data":{"customerId":"c-1"},"style":"positive","fallback":{"type":"Action.Submit","title":"Next","data":{"verb":"selectCustomer","customerId":"c-1"},"style":"positive"}}""",
            json);
    }

    [Fact]
    public void WithSubmitFallback_DataUsesReservedVerbKey_Throws()
    {
        var data = new Dictionary<string, string> { [ExecuteAction.VerbDataKey] = "x" };

        Assert.Throws<ArgumentException>(() => ExecuteAction.WithSubmitFallback(ActionIds.Help, "Help", data));
    }

    [Fact]
    public void Serialize_UserText_IsEscapedNotInterpolated()
    {
        var card = new AdaptiveCard { Body = [new TextBlock { Text = "\"},{\"type\":\"Input.Text\"" }] };

        var roundTripped = AdaptiveCardSerializer.Deserialize(AdaptiveCardSerializer.Serialize(card));

        var block = Assert.IsType<TextBlock>(Assert.Single(roundTripped.Body!));
        Assert.Equal("\"},{\"type\":\"Input.Text\"", block.Text);
    }

    [Fact]
    public void Serialize_CardAsAttachmentContentWithWireOptions_WritesTheSameJsonAsTheSerializer()
    {
        var card = SampleCards.EveryElement();
        var activity = new Activity { Type = ActivityTypes.Message, Attachments = [AdaptiveCardAttachment.Create(card)] };

        var wire = JsonNode.Parse(JsonSerializer.Serialize(activity, ProtocolJson.Options))!;

        Assert.Equal(Attachment.AdaptiveCardContentType, (string?)wire["attachments"]![0]!["contentType"]);
        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(AdaptiveCardSerializer.Serialize(card)), wire["attachments"]![0]!["content"]),
            "The card inside the activity differs from AdaptiveCardSerializer's output.");
    }

    [Fact]
    public void Deserialize_SerializedSample_RoundTripsToTheSameJson()
    {
        var json = AdaptiveCardSerializer.Serialize(SampleCards.EveryElement());

        var again = AdaptiveCardSerializer.Serialize(AdaptiveCardSerializer.Deserialize(json));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(again)), again);
    }

    [Fact]
    public void Deserialize_TypeNotFirst_ReadsTheDerivedElement()
    {
        var card = AdaptiveCardSerializer.Deserialize(
            """{"version":"1.5","body":[{"text":"late type","type":"TextBlock"}],"actions":[{"verb":"help","type":"Action.Execute"}]}""");

        Assert.Equal("late type", Assert.IsType<TextBlock>(Assert.Single(card.Body!)).Text);
        Assert.Equal(ActionIds.Help, Assert.IsType<ExecuteAction>(Assert.Single(card.Actions!)).Verb);
    }

    [Theory]
    [InlineData("\"auto\"", "auto")]
    [InlineData("\"Stretch\"", "stretch")]
    [InlineData("2", "2")]
    [InlineData("\"2\"", "2")]
    [InlineData("\"120px\"", "120px")]
    public void ColumnWidth_Read_AcceptsEveryForm(string json, string expected)
    {
        Assert.Equal(expected, JsonSerializer.Deserialize<ColumnWidth>(json).ToString());
    }

    [Fact]
    public void Serialize_SampleCard_MatchesGoldenFile()
    {
        Golden.AssertJson("adaptive-card-every-element", AdaptiveCardSerializer.Serialize(SampleCards.EveryElement(), indented: true));
    }
}
