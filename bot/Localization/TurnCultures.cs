using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Bot.Pipeline;
using SesBot.Core.Localization;
using SesBot.Core.Persistence;

namespace SesBot.Bot.Localization;

/// <summary>
/// The culture a turn is answered in: the activity's locale when SesBot speaks its language; when the activity has
/// none (an install event), the locale the person's last activity carried; else English. Each person's latest locale
/// is kept on their mapping (<c>ChannelUsers.Locale</c>), written in the turn's one commit, only when it changed.
/// </summary>
public sealed class TurnCultures(SesBotDbContext db, LocaleCache cache, TurnTransaction transaction)
{
    public async Task<(CultureInfo Culture, CultureSource Source)> ResolveAsync(TurnInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var sent = input.Locale?.Trim();
        if (!string.IsNullOrEmpty(sent))
        {
            await RememberAsync(input, sent, cancellationToken);
            return SupportedCultures.Match(sent) is { } culture
                ? (culture, CultureSource.Activity)
                : (SupportedCultures.Default, CultureSource.Default);
        }

        return SupportedCultures.Match(await LastKnownAsync(input, cancellationToken)) is { } known
            ? (known, CultureSource.LastKnown)
            : (SupportedCultures.Default, CultureSource.Default);
    }

    private async Task RememberAsync(TurnInput input, string locale, CancellationToken cancellationToken)
    {
        if (!IsPerson(input) || locale.Length > SupportedCultures.MaxLocaleLength
            || (cache.TryGet(input.Channel, input.TenantKey, input.UserKey, out var kept) && kept == locale))
        {
            return;
        }

        var user = await db.ChannelUsers.FirstOrDefaultAsync(
            u => u.Channel == input.Channel && u.TenantKey == input.TenantKey && u.UserKey == input.UserKey, cancellationToken);
        if (user is null)
        {
            return;
        }

        user.RememberLocale(locale);
        transaction.OnCommitted(() => cache.Set(input.Channel, input.TenantKey, input.UserKey, locale));
    }

    private async Task<string?> LastKnownAsync(TurnInput input, CancellationToken cancellationToken)
    {
        if (!IsPerson(input))
        {
            return null;
        }

        if (cache.TryGet(input.Channel, input.TenantKey, input.UserKey, out var kept))
        {
            return kept;
        }

        var locale = await db.ChannelUsers.AsNoTracking()
            .Where(u => u.Channel == input.Channel && u.TenantKey == input.TenantKey && u.UserKey == input.UserKey)
            .Select(u => u.Locale)
            .FirstOrDefaultAsync(cancellationToken);
        cache.Set(input.Channel, input.TenantKey, input.UserKey, locale);
        return locale;
    }

    private static bool IsPerson(TurnInput input) => !string.IsNullOrEmpty(input.UserKey) && !string.IsNullOrEmpty(input.TenantKey);
}
