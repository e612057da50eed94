using System.Text;

namespace SesBot.Bot.Channels.Teams.AdaptiveCards;

/// <summary>
/// Text for the Adaptive Card properties that interpret markdown (TextBlock <c>text</c>, Fact <c>title</c> and
/// <c>value</c>). Whatever people typed or imported (customer and account names, reasons, contact fields, partner names)
/// must show as typed: a customer named <c>[Verify your SES login](https://example.com/x)</c> is text, not a link.
/// </summary>
public static class AdaptiveCardText
{
    /// <summary>Every ASCII punctuation character; CommonMark lets a backslash make each one literal.</summary>
    private const string MarkdownPunctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    /// <summary>Breaks <c>{{</c> apart so Teams' <c>{{DATE(…)}}</c> / <c>{{TIME(…)}}</c> functions never fire.</summary>
    private const char ZeroWidthSpace = '\u200B';

    /// <summary>
    /// <paramref name="text"/> as literal text in markdown: each ASCII punctuation character (<c>[ ] ( ) * _ # - + . !
    /// &lt; &gt; &amp; \ ` | ~ { }</c> …) is preceded by a backslash, so links, emphasis, headings, lists, HTML, entities
    /// and autolinks cannot form; <c>{{</c> additionally gets a zero-width space between the braces. Null gives empty.
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var escaped = new StringBuilder(text.Length + 16);
        var previous = '\0';
        foreach (var c in text)
        {
            if (c == '{' && previous == '{')
            {
                escaped.Append(ZeroWidthSpace);
            }

            if (MarkdownPunctuation.Contains(c, StringComparison.Ordinal))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
            previous = c;
        }

        return escaped.ToString();
    }
}
