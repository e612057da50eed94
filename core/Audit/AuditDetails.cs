using System.Text.RegularExpressions;
using SesBot.Core.Domain;

namespace SesBot.Core.Audit;

/// <summary>
/// Reads what the workflow writes into <see cref="AuditEvent.Details"/>: a request's move is "From -> To" or
/// "From -> To: note" (<see cref="RemovalRequest.Apply"/>); an account event names its request ("… by request R-XXXXXX.").
/// </summary>
internal static partial class AuditDetails
{
    private const string Arrow = " -> ";
    private const string NoteSeparator = ": ";

    public static (RequestStatus? From, RequestStatus? To, string? Note) Transition(string action, string? details)
    {
        if (string.Equals(action, "Submitted", StringComparison.Ordinal))
        {
            return (null, RequestStatus.Submitted, null);
        }

        if (details is null)
        {
            return (null, null, null);
        }

        var arrow = details.IndexOf(Arrow, StringComparison.Ordinal);
        if (arrow <= 0 || Status(details[..arrow]) is not { } from)
        {
            return (null, null, null);
        }

        var rest = details[(arrow + Arrow.Length)..];
        var separator = rest.IndexOf(NoteSeparator, StringComparison.Ordinal);
        var toText = separator < 0 ? rest : rest[..separator];
        if (Status(toText) is not { } to)
        {
            return (null, null, null);
        }

        return (from, to, separator < 0 ? null : rest[(separator + NoteSeparator.Length)..]);
    }

    /// <summary>The request an account or customer event names, if any.</summary>
    public static string? RequestIdIn(string? details)
    {
        if (details is null)
        {
            return null;
        }

        var match = ByRequest().Match(details);
        return match.Success ? match.Groups["id"].Value : null;
    }

    /// <summary>A status by its exact name (never a number).</summary>
    private static RequestStatus? Status(string text) =>
        text.Length > 0 && char.IsAsciiLetterUpper(text[0]) && Enum.TryParse<RequestStatus>(text, ignoreCase: false, out var status) ? status : null;

    [GeneratedRegex(@"\bby request (?<id>R-[A-Z0-9]+)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ByRequest();
}
