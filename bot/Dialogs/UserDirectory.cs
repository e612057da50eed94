using Microsoft.EntityFrameworkCore;
using SesBot.Core.Domain;
using SesBot.Core.Persistence;

namespace SesBot.Bot.Dialogs;

/// <summary>Who is talking: the channel user mapped to a role and reseller, or nobody SesBot knows.</summary>
public sealed class UserDirectory(SesBotDbContext db)
{
    public async Task<Actor?> FindAsync(string channel, string tenantKey, string userKey, CancellationToken cancellationToken)
    {
        var user = await db.ChannelUsers.AsNoTracking().FirstOrDefaultAsync(
            u => u.Channel == channel && u.TenantKey == tenantKey && u.UserKey == userKey, cancellationToken);
        return user?.ToActor();
    }
}
