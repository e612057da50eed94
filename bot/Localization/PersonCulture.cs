using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SesBot.Core.Localization;
using SesBot.Core.Persistence;

namespace SesBot.Bot.Localization;

/// <summary>
/// The language of a message SesBot sends to a person outside their own turn (a notice when support moves their
/// request on, a reminder, a cloud result): the locale their mapping last kept (<c>ChannelUsers.Locale</c>), English
/// when there is none or SesBot does not speak it.
/// </summary>
public static class PersonCulture
{
    /// <summary>The culture for the person named by their actor id (<c>channel:tenant:user</c>).</summary>
    public static async Task<CultureInfo> OfAsync(SesBotDbContext db, string actorId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actorId);
        var parts = actorId.Split(':', 3);
        if (parts.Length != 3)
        {
            return SupportedCultures.Default;
        }

        var (channel, tenant, user) = (parts[0], parts[1], parts[2]);
        var locale = await db.ChannelUsers.AsNoTracking()
            .Where(u => u.Channel == channel && u.TenantKey == tenant && u.UserKey == user)
            .Select(u => u.Locale)
            .FirstOrDefaultAsync(cancellationToken);
        return SupportedCultures.Match(locale) ?? SupportedCultures.Default;
    }
}
