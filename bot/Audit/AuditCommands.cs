using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SesBot.Bot.Cards;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Core.Audit;
using SesBot.Core.Domain;
using SesBot.Core.Localization;
using SesBot.Core.Persistence;

namespace SesBot.Bot.Audit;

/// <summary>
/// The audit in chat: "history &lt;account id&gt;" (the account's timeline, for whoever may see it; anyone else hears the
/// same "not found" as for an account that does not exist) and "export audit [for &lt;reseller&gt;] [from yyyy-MM-dd]
/// [to yyyy-MM-dd]" (admins: a signed download link that expires, served by the bot; both days included, UTC).
/// </summary>
public sealed partial class AuditCommands(AccountHistory history, SesBotDbContext db, AuditExportLinks? links = null)
{
    private static readonly Strings S = Strings.For(typeof(AuditCommands));

    public async Task<Reply> HistoryAsync(Actor actor, string? typedAccountId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (string.IsNullOrWhiteSpace(typedAccountId))
        {
            return Reply.Text(S["History.WhichAccount"]);
        }

        var timeline = await history.FindAsync(actor, typedAccountId, cancellationToken);
        return timeline is null ? HistoryCards.NotFound(typedAccountId) : HistoryCards.Timeline(timeline);
    }

    public async Task<Reply> ExportAsync(Actor actor, string? filterText, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Role != Role.Admin)
        {
            return HistoryCards.ExportNotAllowed();
        }

        if (links is null)
        {
            return Reply.Text(S["Export.NoDownloads"]);
        }

        var match = Filter().Match(filterText ?? string.Empty);
        if (!match.Success || !TryDay(match.Groups["from"], out var from) || !TryDay(match.Groups["to"], out var to) || (from is not null && to is not null && to < from))
        {
            return Reply.Text(S["Export.BadFilter"]);
        }

        string? resellerId = null;
        string? resellerName = null;
        if (match.Groups["reseller"].Success)
        {
            var typed = match.Groups["reseller"].Value.Trim();
            var found = await FindResellerAsync(typed, cancellationToken);
            if (found is null)
            {
                return Reply.Text(S.Format("Export.NoReseller", typed));
            }

            (resellerId, resellerName) = found.Value;
        }

        // "to" names the last day included; the filter's end is the midnight after it.
        var filter = new AuditFilter(resellerId, from, to?.AddDays(1));
        var link = links.Create(actor, filter, AuditExportLinks.DefaultLifetime);
        if (link is null)
        {
            return HistoryCards.ExportNotAllowed();
        }

        var ready = HistoryCards.ExportReady(link);
        return ready with { Blocks = [.. ready.Blocks, new ParagraphBlock(Describe(resellerName, from, to), Tone.Subtle)] };
    }

    private static string Describe(string? resellerName, DateTimeOffset? from, DateTimeOffset? to)
    {
        var who = resellerName ?? S["Export.EveryReseller"];
        var when = (from, to) switch
        {
            (null, null) => S["Export.AllTime"],
            ({ } f, null) => S.Format("Export.From", Texts.Day(f)),
            (null, { } t) => S.Format("Export.UpTo", Texts.Day(t)),
            ({ } f, { } t) => S.Format("Export.Between", Texts.Day(f), Texts.Day(t)),
        };
        return S.Format("Export.Describe", who, when);
    }

    private static bool TryDay(Group group, out DateTimeOffset? day)
    {
        day = null;
        if (!group.Success)
        {
            return true;
        }

        if (!DateOnly.TryParseExact(group.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        day = new DateTimeOffset(parsed.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return true;
    }

    /// <summary>A reseller by its id, its whole name, or the one name that starts with what was typed (all case-insensitive).</summary>
    private async Task<(string Id, string Name)?> FindResellerAsync(string typed, CancellationToken cancellationToken)
    {
        var resellers = await db.Resellers.AsNoTracking().Select(r => new { r.Id, r.Name }).ToListAsync(cancellationToken);
        var exact = resellers.Find(r => string.Equals(r.Id, typed, StringComparison.OrdinalIgnoreCase) || string.Equals(r.Name, typed, StringComparison.OrdinalIgnoreCase));
        if (exact is not null)
        {
            return (exact.Id, exact.Name);
        }

        var starting = resellers.Where(r => r.Name.StartsWith(typed, StringComparison.OrdinalIgnoreCase)).ToList();
        return starting is [var only] ? (only.Id, only.Name) : null;
    }

    [GeneratedRegex(@"^\s*(?:for\s+(?<reseller>.+?))?\s*(?:from\s+(?<from>\S+))?\s*(?:to\s+(?<to>\S+))?\s*[.!]?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Filter();
}
