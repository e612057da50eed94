using Microsoft.EntityFrameworkCore;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Core.Domain;
using SesBot.Core.Identity;
using SesBot.Core.Persistence;

namespace SesBot.Bot.Dialogs;

/// <summary>
/// Who is talking: the channel user mapped to a role and reseller, or nobody SesBot knows. A person SES registered
/// by email is linked to their channel id the first time they write, when the channel tells us their email.
/// </summary>
public sealed class UserDirectory(SesBotDbContext db)
{
    public async Task<bool> IsKnownAsync(TurnInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return await db.ChannelUsers.AnyAsync(
            u => u.Channel == input.Channel && u.TenantKey == input.TenantKey && u.UserKey == input.UserKey, cancellationToken);
    }

    public async Task<Actor?> FindAsync(TurnInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var user = await db.ChannelUsers.FirstOrDefaultAsync(
            u => u.Channel == input.Channel && u.TenantKey == input.TenantKey && u.UserKey == input.UserKey, cancellationToken);
        if (user is null && !string.IsNullOrWhiteSpace(input.Email))
        {
            var pending = ChannelUser.PendingKey(input.Email);
            user = await db.ChannelUsers.FirstOrDefaultAsync(
                u => u.Channel == input.Channel && u.TenantKey == input.TenantKey && u.UserKey == pending, cancellationToken);
            if (user is not null)
            {
                user.Link(input.UserKey);
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        return user?.ToActor();
    }
}
