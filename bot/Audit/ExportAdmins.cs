using Microsoft.EntityFrameworkCore;
using SesBot.Core.Domain;
using SesBot.Core.Persistence;

namespace SesBot.Bot.Audit;

/// <summary>Whoever a link was made for, as the directory knows them now: the export needs them to still be an admin.</summary>
internal static class ExportAdmins
{
    /// <summary>The person behind an actor id (<c>channel:tenant:user</c>, see <see cref="Core.Identity.ChannelUser.ToActor"/>) if they are an admin today.</summary>
    public static async Task<Actor?> CurrentAdminAsync(SesBotDbContext db, string actorId, CancellationToken cancellationToken)
    {
        var parts = actorId.Split(':', 3);
        if (parts.Length != 3)
        {
            return null;
        }

        var (channel, tenant, user) = (parts[0], parts[1], parts[2]);
        var person = await db.ChannelUsers.AsNoTracking()
            .FirstOrDefaultAsync(u => u.Channel == channel && u.TenantKey == tenant && u.UserKey == user, cancellationToken);
        var actor = person?.ToActor();
        return actor is { Role: Role.Admin } && actor.Id == actorId ? actor : null;
    }
}
