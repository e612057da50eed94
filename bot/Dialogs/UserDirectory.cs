using Microsoft.EntityFrameworkCore;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Bot.Pipeline;
using SesBot.Core.Domain;
using SesBot.Core.Identity;
using SesBot.Core.Persistence;

namespace SesBot.Bot.Dialogs;

/// <summary>
/// Who is talking: the channel user mapped to a role and reseller, or nobody SesBot knows. A person SES registered
/// by email is linked to their channel id the first time they write, when the channel tells us their email (the link
/// is part of the turn's transaction).
/// </summary>
public sealed class UserDirectory(SesBotDbContext db, ActorCache cache, TurnTransaction transaction)
{
    public async Task<bool> IsKnownAsync(TurnInput input, CancellationToken cancellationToken) =>
        await LookUpAsync(input, cancellationToken) is not null;

    public async Task<Actor?> FindAsync(TurnInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var actor = await LookUpAsync(input, cancellationToken);
        if (actor is not null || string.IsNullOrWhiteSpace(input.Email))
        {
            return actor;
        }

        var pending = ChannelUser.PendingKey(input.Email);
        var user = await db.ChannelUsers.FirstOrDefaultAsync(
            u => u.Channel == input.Channel && u.TenantKey == input.TenantKey && u.UserKey == pending, cancellationToken);
        if (user is null)
        {
            return null;
        }

        user.Link(input.UserKey);
        var linked = user.ToActor();
        transaction.OnCommitted(() => cache.Set(input.Channel, input.TenantKey, input.UserKey, linked));
        return linked;
    }

    private async Task<Actor?> LookUpAsync(TurnInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (string.IsNullOrEmpty(input.UserKey) || string.IsNullOrEmpty(input.TenantKey))
        {
            return null;
        }

        if (cache.TryGet(input.Channel, input.TenantKey, input.UserKey, out var known))
        {
            return known;
        }

        var user = await db.ChannelUsers.AsNoTracking().FirstOrDefaultAsync(
            u => u.Channel == input.Channel && u.TenantKey == input.TenantKey && u.UserKey == input.UserKey, cancellationToken);
        var actor = user?.ToActor();
        if (actor is not null)
        {
            cache.Set(input.Channel, input.TenantKey, input.UserKey, actor);
        }

        return actor;
    }
}
