using System.Buffers;
using System.Text;

namespace SesBot.Bot.Channels.Teams.AdaptiveCards;

/// <summary>
/// Text for the Adaptive Card properties that interpret markdown (TextBlock <c>text</c>, Fact <c>title</c> and
/// <c>value</c>). Whatever people typed or imported (customer and account names, reasons, contact fields, partner names)
/// must show as typed: a customer named <c>[Verify your SES login](https://example.com/x)</c> is text, not a link.
/// </summary>
public static class AdaptiveCardText
{
    /// <summary>Characters that open markup anywhere: emphasis, code, links, HTML, entities, strikethrough, tables, escapes.</summary>
    private const string Anywhere = "\\`*_[]<>&~|";

    /// <summary>Characters that open markup at the start of a line: headings, lists, quotes, setext underlines.</summary>
    private const string AtLineStart = "#-+=>";

    /// <summary>Breaks <c>{{</c> apart so Teams' <c>{{DATE(…)}}</c> / <c>{{TIME(…)}}</c> functions never fire.</summary>
    private const char ZeroWidthSpace = '\u200B';

    /// <summary>Any character that may need escaping somewhere in a line, or that starts a new line.</summary>
    private static readonly SearchValues<char> MayNeedEscaping = SearchValues.Create(Anywhere + "{\n\r");

    /// <summary>
    /// <paramref name="text"/> as literal text in markdown. A backslash (CommonMark's escape) goes before
    /// <c>\ ` * _ [ ] &lt; &gt; &amp; ~ |</c> anywhere, before <c># - + =</c> at the start of a line, and before the
    /// <c>.</c> or <c>)</c> of a line that starts with a number (an ordered list); <c>{{</c> gets a zero-width space
    /// between the braces. Other punctuation is left alone, so ordinary sentences read the same in any client.
    /// Null gives empty.
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        // Most texts (names, labels, sentences) have nothing to escape: one line, no markup character, and not
        // starting like a heading, a list or a quote. They are returned as they are.
        if (text.AsSpan().IndexOfAny(MayNeedEscaping) < 0 && text.AsSpan().TrimStart(" \t") is var rest
            && (rest.IsEmpty || !(AtLineStart.Contains(rest[0], StringComparison.Ordinal) || char.IsAsciiDigit(rest[0]))))
        {
            return text;
        }

        return EscapeEachCharacter(text);
    }

    /// <summary>The escaping itself, character by character (see <see cref="Escape"/>).</summary>
    internal static string EscapeEachCharacter(string text)
    {
        var escaped = new StringBuilder(text.Length + 16);
        var leading = true;   // only blanks so far on this line
        var numeral = false;  // blanks, then only digits so far on this line
        var previous = '\0';
        foreach (var c in text)
        {
            if (c is '\n' or '\r')
            {
                escaped.Append(c);
                (leading, numeral, previous) = (true, false, c);
                continue;
            }

            if (c == '{' && previous == '{')
            {
                escaped.Append(ZeroWidthSpace);
            }

            var blank = c is ' ' or '\t';
            if (Anywhere.Contains(c, StringComparison.Ordinal)
                || (leading && AtLineStart.Contains(c, StringComparison.Ordinal))
                || (numeral && c is '.' or ')'))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
            numeral = char.IsAsciiDigit(c) && (leading || numeral);
            leading = leading && blank;
            previous = c;
        }

        return escaped.ToString();
    }
}
