using Microsoft.EntityFrameworkCore;
using SesBot.Core.Domain;
using SesBot.Core.Persistence;

namespace SesBot.Core.Workflow;

/// <summary>Read-only look-ups scoped to what a person may see: their reseller's customers, accounts and requests.</summary>
public sealed class ResellerCatalog(SesBotDbContext db)
{
    /// <summary>Customers whose name contains the text (case-insensitive), by name; a page of them and whether there are more.</summary>
    public async Task<CustomerPage> SearchCustomersAsync(Actor actor, string? text, int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (text?.Trim().Length > FieldLimits.SearchText)
        {
            // Longer than any search box sends (typeahead passes the text straight through): nothing to look for.
            return new CustomerPage([], HasMore: false);
        }

        var query = Visible(actor, db.Customers.AsNoTracking()).Where(c => c.RemovedAt == null);
        if (!string.IsNullOrWhiteSpace(text))
        {
            var pattern = "%" + EscapeLike(text.Trim().ToLowerInvariant()) + "%";
#pragma warning disable CA1304, CA1311 // translated to SQL lower(), not run in .NET
            query = query.Where(c => EF.Functions.Like(c.Name.ToLower(), pattern, "\\"));
#pragma warning restore CA1304, CA1311
        }

        var rows = await query.OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Skip(Math.Max(0, skip)).Take(take + 1)
            .Select(c => new CustomerSummary(c.Id, c.Name))
            .ToListAsync(cancellationToken);
        return new CustomerPage(rows.Take(take).ToList(), rows.Count > take);
    }

    public async Task<Customer?> FindCustomerAsync(Actor actor, string customerId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        // Split: as one statement SQLite would build the join of every account with its billing rows before picking
        // this customer's (a scan of the whole table per call); split, each part is an index lookup.
        return await Visible(actor, db.Customers.AsNoTracking().Include(c => c.Accounts).ThenInclude(a => a.BillingRecords))
            .AsSplitQuery()
            .FirstOrDefaultAsync(c => c.Id == customerId, cancellationToken);
    }

    /// <summary>The latest requests the person may see, each with its customer and account, in one query.</summary>
    public async Task<IReadOnlyList<RequestSummary>> RecentRequestsAsync(Actor actor, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var query = db.RemovalRequests.AsNoTracking();
        if (!actor.IsSupport)
        {
            query = query.Where(r => r.ResellerId == actor.ResellerId);
        }

        var rows = await (
            from r in query
            join c in db.Customers.AsNoTracking() on r.CustomerId equals c.Id
            join a in db.CloudAccounts.AsNoTracking() on r.CloudAccountId equals a.Id into accounts
            from a in accounts.DefaultIfEmpty()
            orderby r.CreatedAt descending
            select new { Request = r, Customer = c.Name, Provider = a == null ? (CloudProvider?)null : a.Provider, ExternalId = a == null ? null : a.ExternalId })
            .Take(take)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(x => new RequestSummary(x.Request, x.Customer, x.Provider, x.ExternalId))];
    }

    public async Task<RequestDetails?> FindRequestAsync(Actor actor, string requestId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var request = await db.RemovalRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null || (!actor.IsSupport && request.ResellerId != actor.ResellerId))
        {
            return null;
        }

        var customer = await db.Customers.AsNoTracking().FirstAsync(c => c.Id == request.CustomerId, cancellationToken);
        var account = request.CloudAccountId is null
            ? null
            : await db.CloudAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == request.CloudAccountId, cancellationToken);
        var timeline = await db.AuditEvents.AsNoTracking()
            .Where(e => e.EntityType == nameof(RemovalRequest) && e.EntityId == requestId)
            .OrderBy(e => e.Id)
            .ToListAsync(cancellationToken);
        return new RequestDetails(request, customer, account, timeline) { Email = await RequestEmails.FindAsync(db, request, cancellationToken) };
    }

    private static IQueryable<Customer> Visible(Actor actor, IQueryable<Customer> customers) =>
        actor.IsSupport ? customers : customers.Where(c => c.ResellerId == actor.ResellerId);

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
