using System.Text.RegularExpressions;

namespace SesBot.Bot.Dialogs;

/// <summary>
/// Recognises typed commands, case-insensitively and tolerant of extra words ("please remove an account",
/// "status of R-7KD2QX?"). Anything else is <see cref="CommandKind.None"/> and goes to the dialog in progress.
/// </summary>
public static partial class CommandParser
{
    /// <summary>The argument of "queue mine".</summary>
    public const string Mine = "mine";

    public static Command Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Command.None;
        }

        var words = Words().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToList();
        if (words.Count == 0)
        {
            return text.Trim() == "?" ? new Command(CommandKind.Help) : Command.None;
        }

        var requestId = RequestId().Match(text);
        bool Has(params string[] any) => any.Any(words.Contains);

        if (words.Count <= 3 && Has("cancel", "stop", "quit", "abort", "nevermind") && !requestId.Success)
        {
            return new Command(CommandKind.Cancel);
        }

        if (AuditCommand(text) is { } audit)
        {
            return audit;
        }

        if (Has("status") && requestId.Success)
        {
            return new Command(CommandKind.Status, requestId.Value.ToUpperInvariant());
        }

        if (Has("status") && words.Count <= 2)
        {
            return new Command(CommandKind.Status);
        }

        if (Has("support") && Has("channel") && Has("use", "set", "make", "choose", "pick") && Has("this", "here") && words.Count <= 8)
        {
            return new Command(CommandKind.UseSupportChannel);
        }

        if (Has("support") && Has("channel") && words.Count <= 4)
        {
            return new Command(CommandKind.ShowSupportChannel);
        }

        if (words.Count <= 3 && Has("queue"))
        {
            return Has("mine", "my", "me") ? new Command(CommandKind.Queue, Mine) : new Command(CommandKind.Queue);
        }

        if (RemovalTarget(words) is { } target)
        {
            return new Command(target);
        }

        if (Has("requests", "request", "tickets") && (Has("my", "list", "show", "open") || words.Count == 1))
        {
            return new Command(CommandKind.MyRequests);
        }

        if (words.Count <= 3 && Has("help", "hi", "hello", "hey", "menu", "commands", "start"))
        {
            return new Command(CommandKind.Help);
        }

        return Command.None;
    }

    /// <summary>
    /// "remove account" or "remove customer": the first thing named after the verb decides, so "remove an account
    /// from a customer" removes an account. A customer named as the account's owner ("the customer's account",
    /// "customer account") is not the thing removed.
    /// </summary>
    private static CommandKind? RemovalTarget(List<string> words)
    {
        var verb = words.FindIndex(RemovalVerbs.Contains);
        if (verb < 0)
        {
            return null;
        }

        foreach (var i in Enumerable.Range(verb + 1, words.Count - verb - 1).Concat(Enumerable.Range(0, verb)))
        {
            if (AccountNouns.Contains(words[i]))
            {
                return CommandKind.RemoveAccount;
            }

            var modifiesNext = i + 1 < words.Count && (words[i + 1] == "s" || AccountNouns.Contains(words[i + 1]));
            if (CustomerNouns.Contains(words[i]) && !modifiesNext)
            {
                return CommandKind.RemoveCustomer;
            }
        }

        return null;
    }

    /// <summary>"history 3456-7890-1234", "show history of 345678901234", "export audit for Northwind from 2026-11-01".</summary>
    private static Command? AuditCommand(string text)
    {
        if (History().Match(text) is { Success: true } history)
        {
            return new Command(CommandKind.History, history.Groups["id"].Success ? history.Groups["id"].Value : null);
        }

        return ExportAudit().Match(text) is { Success: true } export
            ? new Command(CommandKind.ExportAudit, export.Groups["filter"].Value.Trim())
            : null;
    }

    private static readonly HashSet<string> RemovalVerbs = ["remove", "delete", "unlink", "offboard", "transfer", "release", "suspend"];

    private static readonly HashSet<string> AccountNouns = ["account", "accounts", "subscription", "subscriptions", "acct"];

    private static readonly HashSet<string> CustomerNouns = ["customer", "client", "customers", "clients"];

    [GeneratedRegex(@"[a-z]+", RegexOptions.CultureInvariant)]
    private static partial Regex Words();

    [GeneratedRegex(@"\bR-[A-Z0-9]{6}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RequestId();

    [GeneratedRegex(@"^\s*(?:(?:show|see)\s+(?:me\s+)?)?(?:the\s+)?(?:account\s+)?history(?:\s+(?:of|for)\s+(?:account\s+|subscription\s+)?|\s+)?(?<id>(?=[0-9a-z-]*[0-9])[0-9a-z][0-9a-z-]{5,63})?\s*[.?!]?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex History();

    [GeneratedRegex(@"^\s*export\s+(?:the\s+)?audit(?:\s+log)?(?<filter>(?:\s.*)?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex ExportAudit();
}
