using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using SesBot.Core.Domain;
using SesBot.Core.Persistence;

namespace SesBot.Core.Audit;

/// <summary>
/// Reads the audit log for a person: the events they may see (<see cref="AuditVisibility"/>) that match a filter,
/// oldest first, streamed from the database one row at a time, so a large log is never held in memory.
/// </summary>
public sealed class AuditLogQuery(SesBotDbContext db)
{
    private const string RequestEntity = nameof(RemovalRequest);
    private const string AccountEntity = nameof(CloudAccount);
    private const string CustomerEntity = nameof(Customer);

    public async IAsyncEnumerable<AuditEntry> ReadAsync(Actor actor, AuditFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(filter);
        var rows = Query(actor, filter).AsAsyncEnumerable().WithCancellation(cancellationToken);
        await foreach (var row in rows)
        {
            yield return ToEntry(row);
        }
    }

    /// <summary>The query behind <see cref="ReadAsync"/>; exposed to tests to look at its SQL.</summary>
    internal IQueryable<AuditRow> Query(Actor actor, AuditFilter filter)
    {
        var events = db.AuditEvents.AsNoTracking();
        if (filter.AccountId is { } accountId)
        {
            // Narrow the events first, by the (EntityType, EntityId) index: the account's own and its requests'.
            var requestIds = db.RemovalRequests.Where(r => r.CloudAccountId == accountId).Select(r => r.Id);
            events = events.Where(e =>
                (e.EntityType == AccountEntity && e.EntityId == accountId) || (e.EntityType == RequestEntity && requestIds.Contains(e.EntityId)));
        }

        // An event is about a request, an account or a customer; from there the customer and its reseller follow.
        var rows =
            from e in events
            join r0 in db.RemovalRequests.AsNoTracking() on new { Type = e.EntityType, Id = e.EntityId } equals new { Type = RequestEntity, Id = r0.Id } into requests
            from r in requests.DefaultIfEmpty()
            join a0 in db.CloudAccounts.AsNoTracking()
                on (r != null ? r.CloudAccountId : e.EntityType == AccountEntity ? e.EntityId : null) equals a0.Id into accounts
            from a in accounts.DefaultIfEmpty()
            join c0 in db.Customers.AsNoTracking()
                on (r != null ? r.CustomerId : a != null ? a.CustomerId : e.EntityType == CustomerEntity ? e.EntityId : null) equals c0.Id into customers
            from c in customers.DefaultIfEmpty()
            join s0 in db.Resellers.AsNoTracking() on c!.ResellerId equals s0.Id into resellers
            from s in resellers.DefaultIfEmpty()
            select new AuditRow
            {
                Id = e.Id,
                At = e.At,
                Action = e.Action,
                ActorId = e.ActorId,
                ActorName = e.ActorName,
                ActorRole = e.ActorRole,
                EntityType = e.EntityType,
                EntityId = e.EntityId,
                Details = e.Details,
                RequestId = r != null ? r.Id : null,
                RequestKind = r != null ? (RemovalOption?)r.Kind : null,
                ResellerId = c != null ? c.ResellerId : null,
                ResellerName = s != null ? s.Name : null,
                CustomerId = c != null ? c.Id : null,
                CustomerName = c != null ? c.Name : null,
                AccountId = a != null ? a.Id : null,
                Provider = a != null ? (CloudProvider?)a.Provider : null,
                AccountExternalId = a != null ? a.ExternalId : null,
            };

        var scope = AuditVisibility.ResellerScope(actor);
        if (scope is not null)
        {
            rows = rows.Where(x => x.ResellerId == scope);
        }

        if (filter.ResellerId is { } reseller)
        {
            rows = rows.Where(x => x.ResellerId == reseller);
        }

        if (filter.AccountId is { } account)
        {
            rows = rows.Where(x => x.AccountId == account);
        }

        if (filter.From is { } from)
        {
            var utc = from.ToUniversalTime();
            rows = rows.Where(x => x.At >= utc);
        }

        if (filter.To is { } to)
        {
            var utc = to.ToUniversalTime();
            rows = rows.Where(x => x.At < utc);
        }

        return rows.OrderBy(x => x.At).ThenBy(x => x.Id);
    }

    private static AuditEntry ToEntry(AuditRow row)
    {
        var (from, to, note) = string.Equals(row.EntityType, RequestEntity, StringComparison.Ordinal)
            ? AuditDetails.Transition(row.Action, row.Details)
            : (null, null, null);
        return new AuditEntry
        {
            EventId = row.Id,
            At = row.At,
            Action = row.Action,
            ActorId = row.ActorId,
            ActorName = row.ActorName,
            ActorRole = row.ActorRole,
            EntityType = row.EntityType,
            EntityId = row.EntityId,
            RequestId = row.RequestId ?? AuditDetails.RequestIdIn(row.Details),
            RequestKind = row.RequestKind,
            ResellerId = row.ResellerId,
            ResellerName = row.ResellerName,
            CustomerId = row.CustomerId,
            CustomerName = row.CustomerName,
            AccountId = row.AccountId,
            Provider = row.Provider,
            AccountExternalId = row.AccountExternalId,
            FromStatus = from,
            ToStatus = to,
            Note = note,
            Details = row.Details,
        };
    }

    /// <summary>An audit event joined with what it is about, as the database returns it.</summary>
    internal sealed class AuditRow
    {
        public long Id { get; init; }

        public DateTimeOffset At { get; init; }

        public string Action { get; init; } = string.Empty;

        public string ActorId { get; init; } = string.Empty;

        public string ActorName { get; init; } = string.Empty;

        public Role ActorRole { get; init; }

        public string EntityType { get; init; } = string.Empty;

        public string EntityId { get; init; } = string.Empty;

        public string? Details { get; init; }

        public string? RequestId { get; init; }

        public RemovalOption? RequestKind { get; init; }

        public string? ResellerId { get; init; }

        public string? ResellerName { get; init; }

        public string? CustomerId { get; init; }

        public string? CustomerName { get; init; }

        public string? AccountId { get; init; }

        public CloudProvider? Provider { get; init; }

        public string? AccountExternalId { get; init; }
    }
}
