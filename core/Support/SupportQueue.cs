using Microsoft.EntityFrameworkCore;
using SesBot.Core.Domain;
using SesBot.Core.Persistence;

namespace SesBot.Core.Support;

/// <summary>The open requests support works, oldest first. Only support agents and admins see it.</summary>
public sealed class SupportQueue(SesBotDbContext db)
{
    /// <summary>The most a queue shows at once.</summary>
    public const int MaxEntries = 50;

    /// <summary>The open requests, oldest first; null when <paramref name="actor"/> is not support.</summary>
    /// <param name="mine">Only the requests assigned to <paramref name="actor"/>.</param>
    public async Task<IReadOnlyList<QueueEntry>?> OpenAsync(Actor actor, bool mine = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsSupport)
        {
            return null;
        }

        var open =
            from r in db.RemovalRequests.AsNoTracking()
            where r.OpenSubjectKey != null && (!mine || r.AssignedToId == actor.Id)
            join c in db.Customers on r.CustomerId equals c.Id
            join s in db.Resellers on r.ResellerId equals s.Id
            join a in db.CloudAccounts on r.CloudAccountId equals a.Id into accounts
            from a in accounts.DefaultIfEmpty()
            orderby r.CreatedAt, r.Id
            select new QueueEntry(
                r.Id, r.Kind, r.Status, s.Name, c.Name,
                a == null ? null : a.Provider, a == null ? null : a.ExternalId, r.CreatedAt, r.AssignedToName)
            {
                WaitingOnReseller = r.OpenQuestion != null,
            };
        return await open.Take(MaxEntries).ToListAsync(cancellationToken);
    }
}
