using System.Text.Json;
using System.Text.Json.Nodes;
using SesBot.Bot.Channels.Teams;
using SesBot.Bot.Channels.Teams.Protocol;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Bot.Tests.Support;

namespace SesBot.Bot.Tests.Channels.Teams;

/// <summary>
/// Neutral replies → the activity Teams is sent, compared as JSON with hand-written expectations in
/// Fixtures/teams/renderer/ (property order and whitespace do not count; every value does).
/// </summary>
public sealed class TeamsReplyRendererFixtureTests
{
    private readonly TeamsReplyRenderer _renderer = new();

    [Fact]
    public void ToActivity_PlainParagraph_PlainTextMessage()
    {
        var reply = Reply.Text("OK, I stopped. Nothing was submitted. Type \"help\" to see what I can do.");

        AssertActivity("plain-text-reply", _renderer.ToActivity(reply));
    }

    [Fact]
    public void ToActivity_SubtleParagraphAlone_IsACardNotPlainText()
    {
        var reply = Reply.Card("Fine print", new ParagraphBlock("Only the requester can cancel.", Tone.Subtle));

        AssertActivity("subtle-paragraph-card", _renderer.ToActivity(reply));
    }

    [Fact]
    public void ToActivity_CardWithEveryBlockKind_AdaptiveCardAttachment()
    {
        AssertActivity("card-every-block", _renderer.ToActivity(EveryBlock()));
    }

    [Fact]
    public async Task ToCard_CardWithEveryBlockKind_PassesTheOfficialRenderer()
    {
        var result = await AdaptiveCardsRenderer.ValidateAsync(_renderer.ToCard(EveryBlock()));

        Assert.True(result.Valid, result.ToString());
    }

    [Fact]
    public void ToActivity_TextThatLooksLikeMarkdown_EscapedInTheCardButNotInPlainText()
    {
        var card = Reply.Card("*Contoso* [Ltd]", new HeadingBlock("*Contoso* [Ltd](http://x)"), new FactsBlock([new ReplyFact("1. Name", "_Hank_ #1")]));
        var plain = Reply.Text("*Contoso* [Ltd]");

        AssertActivity("markdown-escaped-card", _renderer.ToActivity(card));
        Assert.Equal("*Contoso* [Ltd]", _renderer.ToActivity(plain).Text);
    }

    /// <summary>Heading, a paragraph of every tone, facts, badges, list rows, a section, each input kind (with value, error, limits), and buttons of every style, plus a refresh.</summary>
    private static Reply EveryBlock() => new Reply(
    [
        new HeadingBlock("Transfer of ownership: AWS 123456789012"),
        new ParagraphBlock("Who takes the account over?"),
        new ParagraphBlock("Billing contact", Tone.Subtle),
        new ParagraphBlock("Request R-REQ001 is submitted.", Tone.Good),
        new ParagraphBlock("This account has billing data in SES.", Tone.Warning),
        new ParagraphBlock("1 field(s) need fixing.", Tone.Attention),
        new FactsBlock([new ReplyFact("Customer", "Contoso Ltd"), new ReplyFact("Billing", "12 month(s) of billing data")]),
        new BadgesBlock([new ReplyBadge("Status: Submitted", Tone.Warning), new ReplyBadge("Status: Completed", Tone.Good)]),
        new ItemsBlock(
        [
            new ReplyItem("AWS 123456789012 · Contoso Prod")
            {
                Detail = "assigned by the distributor, linked 3 Nov 2026",
                Badges = [new ReplyBadge("billing data: 3 months", Tone.Warning), new ReplyBadge("active", Tone.Good), new ReplyBadge("open request R-REQ001", Tone.Attention)],
                Warnings = ["Deleting removes all of its history."],
                Action = new ReplyAction("Select", "selectAccount", new Dictionary<string, string> { ["accountId"] = "a-1" }),
            },
            new ReplyItem("Azure 0000 · Lab"),
        ]),
        new SectionBlock("Billing contact", [new TextInputBlock("billingContactName", "Billing contact name"), new FactsBlock([new ReplyFact("Phone", "+1 206-555-0100")])]),
        new ChoiceInputBlock("customerId", "Customer", [new ReplyChoice("Contoso Ltd", "c-contoso"), new ReplyChoice("Tailspin Toys", "c-tailspin")])
        {
            IsRequired = false,
            Placeholder = "Choose a customer",
            SearchDataset = "customers",
            Error = "Choose a customer first.",
        },
        new ChoiceInputBlock("language", "Language", [new ReplyChoice("English", "en"), new ReplyChoice("Deutsch", "de")]) { Value = "de" },
        new TextInputBlock("companyName", "Company name") { Value = "Globex Corporation", MaxLength = 200 },
        new TextInputBlock("note", "Note for support") { IsRequired = false, Kind = TextInputKind.Multiline, Placeholder = "Anything support should know" },
        new TextInputBlock("billingContactEmail", "Billing contact email") { Kind = TextInputKind.Email, Value = "sam.at.globex", Error = "\"sam.at.globex\" is not an email address." },
        new TextInputBlock("contactPhone", "Contact phone") { Kind = TextInputKind.Phone },
        new ActionsBlock(
        [
            new ReplyAction("Review", "reviewTransferContact", new Dictionary<string, string> { ["flow"] = "flow-1", ["step"] = "TransferContact" }, ReplyActionStyle.Primary),
            new ReplyAction("Delete the account", "confirmDelete", Style: ReplyActionStyle.Destructive),
            new ReplyAction("Back", "back", new Dictionary<string, string> { ["flow"] = "flow-1" }) { SubmitsInputs = false },
        ]),
    ])
    {
        Summary = "Transfer of ownership: contact details",
        Refresh = new ReplyAction("Refresh", "refreshStatus", new Dictionary<string, string> { ["requestId"] = "R-REQ001", ["version"] = "1" }) { SubmitsInputs = false },
    };

    private static void AssertActivity(string name, Activity activity)
    {
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(TeamsFixtures.Directory, "renderer", name + ".json")));
        var actual = JsonNode.Parse(JsonSerializer.Serialize(activity, ProtocolJson.Options));
        Assert.True(JsonNode.DeepEquals(expected, actual),
            $"{name}: the rendered activity differs from Fixtures/teams/renderer/{name}.json:\n{actual?.ToJsonString(new JsonSerializerOptions { WriteIndented = true })}");
    }
}
