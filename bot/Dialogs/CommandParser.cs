using System.Text.RegularExpressions;

namespace SesBot.Bot.Dialogs;

/// <summary>
/// Recognises typed commands, case-insensitively and tolerant of extra words ("please remove an account",
/// "status of R-7KD2QX?"). Anything else is <see cref="CommandKind.None"/> and goes to the dialog in progress.
/// </summary>
public static partial class CommandParser
{
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

        if (Has("status") && requestId.Success)
        {
            return new Command(CommandKind.Status, requestId.Value.ToUpperInvariant());
        }

        if (Has("status") && words.Count <= 2)
        {
            return new Command(CommandKind.Status);
        }

        if (Has("remove", "delete", "unlink", "offboard", "transfer", "release", "suspend") && Has("customer", "client", "customers"))
        {
            return new Command(CommandKind.RemoveCustomer);
        }

        if (Has("remove", "delete", "unlink", "offboard", "transfer", "release", "suspend")
            && Has("account", "accounts", "subscription", "subscriptions", "acct"))
        {
            return new Command(CommandKind.RemoveAccount);
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

    [GeneratedRegex(@"[a-z]+", RegexOptions.CultureInvariant)]
    private static partial Regex Words();

    [GeneratedRegex(@"\bR-[A-Z0-9]{6}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RequestId();
}
