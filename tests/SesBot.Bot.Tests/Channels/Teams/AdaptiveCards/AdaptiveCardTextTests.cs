using SesBot.Bot.Channels.Teams;
using SesBot.Bot.Channels.Teams.AdaptiveCards;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Bot.Tests.Support;

namespace SesBot.Bot.Tests.Channels.Teams.AdaptiveCards;

/// <summary>
/// Names people typed or imported show as typed wherever a card renders them: checked on the card the renderer builds,
/// rendered to HTML by the official Adaptive Cards renderer with a markdown processor.
/// </summary>
public sealed class AdaptiveCardTextTests
{
    private const string PhishingName = "[Verify your SES login](https://example.com/x)";

    public static TheoryData<string> HostileTexts => new()
    {
        PhishingName,
        "**Urgent** _now_",
        "# Heading",
        "- item\n- item",
        "1. first\n2. second",
        "<a href=\"https://example.com\">click</a> & <b>bold</b>",
        "C:\\temp\\*new*",
        "{{DATE(2026-12-04T09:00:00Z, SHORT)}}",
        "https://example.com/autolink",
        "`code` ~~gone~~ > quoted",
    };

    [Theory]
    [InlineData("Contoso Ltd.", "Contoso Ltd.")]
    [InlineData("Which customer? (optional): yes!", "Which customer? (optional): yes!")]
    [InlineData("[x](y)", "\\[x\\](y)")]
    [InlineData("a*b_c#d-e+f", "a\\*b\\_c#d-e+f")]
    [InlineData("<&>", "\\<\\&\\>")]
    [InlineData("back\\slash `code` ~x~ |t|", "back\\\\slash \\`code\\` \\~x\\~ \\|t\\|")]
    [InlineData("# h\n- a\n  + b\n===", "\\# h\n\\- a\n  \\+ b\n\\===")]
    [InlineData("1. first\n10) tenth\nR-12.5", "1\\. first\n10\\) tenth\nR-12.5")]
    [InlineData("{{DATE(x)}}", "{\u200B{DATE(x)}}")]
    [InlineData("Café 😀", "Café 😀")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Escape_MarkupCharacters_Backslashed(string? text, string expected) =>
        Assert.Equal(expected, AdaptiveCardText.Escape(text));

    [Theory]
    [InlineData("Contoso Ltd.")]
    [InlineData("  Northwind Cloud Partners")]
    [InlineData("R-12.5 (open)")]
    public void Escape_NothingToEscape_TheSameText(string text) =>
        Assert.Same(text, AdaptiveCardText.Escape(text));

    [Theory]
    [InlineData(" # heading")]
    [InlineData("\t- item")]
    [InlineData(" 12. twelfth")]
    [InlineData("7) seventh")]
    [InlineData("> quoted")]
    [InlineData("= underline")]
    [InlineData("+ plus")]
    public void Escape_OneLineStartingLikeMarkup_StillEscaped(string text) =>
        Assert.NotEqual(text, AdaptiveCardText.Escape(text));

    [Fact]
    public void Escape_ManyMixedTexts_SameAsEscapingEachCharacter()
    {
        // Short texts over an alphabet of markup characters, blanks, digits, dots and letters: whatever path Escape
        // takes, it gives what the character-by-character escaping gives.
        const string alphabet = "a Z1 9.)#-+=>*_[]<&|~`\\{\n\t";
        var random = new Random(20261205);
        for (var i = 0; i < 20_000; i++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(1, 9)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            Assert.Equal(AdaptiveCardText.EscapeEachCharacter(text), AdaptiveCardText.Escape(text));
        }
    }

    [Fact]
    public async Task OfficialRenderer_UnescapedName_WouldBeALink()
    {
        // The check below is only meaningful if the renderer, as set up, turns markdown into a link.
        var card = new AdaptiveCard { Body = [new TextBlock { Text = PhishingName, Wrap = true }] };

        var rendered = await AdaptiveCardsRenderer.RenderAsync(card);

        Assert.Contains("<a ", rendered.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToCard_HostileNamesInEveryTextBlock_RenderAsTheirTextWithNoMarkup()
    {
        var card = new TeamsReplyRenderer().ToCard(CardShowing(PhishingName));

        var rendered = await AdaptiveCardsRenderer.RenderAsync(card);

        Assert.True(rendered.Valid, rendered.ToString());
        Assert.DoesNotContain("<a ", rendered.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("example.com/x\"", rendered.Html, StringComparison.Ordinal);
        Assert.Contains("[Verify your SES login](https://example.com/x)", Text(rendered.Html!), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(HostileTexts))]
    public async Task ToCard_MarkdownInNames_NoElementIsCreatedFromIt(string name)
    {
        var card = new TeamsReplyRenderer().ToCard(CardShowing(name));

        var html = (await AdaptiveCardsRenderer.RenderAsync(card)).Html!;

        foreach (var tag in new[] { "<a ", "<strong", "<em", "<h1", "<ul", "<ol", "<li", "<b>", "<code", "<blockquote", "<s>" })
        {
            Assert.DoesNotContain(tag, html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("{{DATE(", html, StringComparison.Ordinal);
    }

    /// <summary>A card with <paramref name="name"/> in each place a neutral reply puts people's text.</summary>
    private static Reply CardShowing(string name) => Reply.Card(
        "summary",
        new HeadingBlock(name),
        new ParagraphBlock($"Remove {name}?"),
        new ParagraphBlock(name, Tone.Warning),
        new ParagraphBlock(name, Tone.Subtle),
        new FactsBlock([new ReplyFact("Customer", name), new ReplyFact(name, "value")]),
        new TextInputBlock("reason", "Reason") { Error = $"{name} is not valid." });

    /// <summary>The visible text of rendered HTML (tags removed, the few entities the renderer emits decoded).</summary>
    private static string Text(string html) =>
        System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", string.Empty));
}
