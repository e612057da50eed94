using Microsoft.EntityFrameworkCore;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Core.Domain;
using SesBot.Core.Persistence;

namespace SesBot.Bot.Dialogs;

/// <summary>Who is talking: the channel user mapped to a role and reseller, or nobody SesBot knows.</summary>
public sealed class UserDirectory(SesBotDbContext db)
{
    public async Task<Actor?> FindAsync(TurnInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var user = await db.ChannelUsers.AsNoTracking().FirstOrDefaultAsync(
            u => u.Channel == input.Channel && u.TenantKey == input.TenantKey && u.UserKey == input.UserKey, cancellationToken);
        return user?.ToActor();
    }
}
