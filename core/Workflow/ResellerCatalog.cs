using Microsoft.EntityFrameworkCore;
using SesBot.Core.Domain;
using SesBot.Core.Persistence;
using SesBot.Core.Policy;

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

        if (string.IsNullOrWhiteSpace(text) && !actor.IsSupport && actor.ResellerId is { } resellerId)
        {
            // The first page a reseller sees when a removal starts: compiled (or written by hand).
            var page = db.DirectReads is { } reads
                ? [.. (await reads.CustomerPageAsync(resellerId, Math.Max(0, skip), take + 1, cancellationToken)).Select(c => new CustomerSummary(c.Id, c.Name))]
                : await ResellerCustomerPageQuery.For(db)(db, resellerId, Math.Max(0, skip), take + 1).ToListAsync(cancellationToken);

            return new CustomerPage(page.Take(take).ToList(), page.Count > take);
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
        if (!actor.IsSupport && actor.ResellerId is { } resellerId)
        {
            return db.DirectReads is { } reads
                ? await reads.ResellerCustomerAsync(resellerId, customerId, cancellationToken)
                : await ResellerCustomerQuery.For(db)(db, resellerId, customerId, cancellationToken);
        }

        return await Visible(actor, db.Customers.AsNoTracking().Include(c => c.Accounts).ThenInclude(a => a.BillingRecords))
            .AsSplitQuery()
            .FirstOrDefaultAsync(c => c.Id == customerId, cancellationToken);
    }

    /// <summary>The open request of each account of a customer the person may see, by account id (accounts without one are absent).</summary>
    public async Task<IReadOnlyDictionary<string, OpenRequestRef>> OpenRequestsByAccountAsync(Actor actor, string customerId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        List<OpenRequestRow> rows;
        if (!actor.IsSupport && actor.ResellerId is { } resellerId)
        {
            rows = db.DirectReads is { } reads
                ? [.. (await reads.OpenRequestsAsync(resellerId, customerId, cancellationToken)).Select(r => new OpenRequestRow(r.AccountId, new OpenRequestRef(r.RequestId, r.Kind)))]
                : await ResellerOpenRequestsQuery.For(db)(db, resellerId, customerId).ToListAsync(cancellationToken);
        }
        else
        {
            var query = db.RemovalRequests.AsNoTracking().Where(r => r.CustomerId == customerId && r.CloudAccountId != null && r.OpenSubjectKey != null);
            if (!actor.IsSupport)
            {
                query = query.Where(r => r.ResellerId == actor.ResellerId);
            }

            rows = await query.Select(r => new OpenRequestRow(r.CloudAccountId!, new OpenRequestRef(r.Id, r.Kind))).ToListAsync(cancellationToken);
        }

        return rows.GroupBy(r => r.AccountId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Ref, StringComparer.Ordinal);
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

    // Compiled forms of what a reseller's removal dialog reads on its first turns (a support person's reads differ:
    // they see every reseller's customers).
    private static readonly CompiledPerModel<Func<SesBotDbContext, string, int, int, IAsyncEnumerable<CustomerSummary>>> ResellerCustomerPageQuery = new(() =>
        EF.CompileAsyncQuery((SesBotDbContext context, string resellerId, int skip, int take) => context.Customers.AsNoTracking()
            .Where(c => c.ResellerId == resellerId && c.RemovedAt == null)
            .OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Skip(skip).Take(take)
            .Select(c => new CustomerSummary(c.Id, c.Name))));

    private static readonly CompiledPerModel<Func<SesBotDbContext, string, string, CancellationToken, Task<Customer?>>> ResellerCustomerQuery = new(() =>
        EF.CompileAsyncQuery((SesBotDbContext context, string resellerId, string customerId, CancellationToken _) => context.Customers.AsNoTracking()
            .Include(c => c.Accounts).ThenInclude(a => a.BillingRecords)
            .AsSplitQuery()
            .Where(c => c.ResellerId == resellerId)
            .FirstOrDefault(c => c.Id == customerId)));

    private static readonly CompiledPerModel<Func<SesBotDbContext, string, string, IAsyncEnumerable<OpenRequestRow>>> ResellerOpenRequestsQuery = new(() =>
        EF.CompileAsyncQuery((SesBotDbContext context, string resellerId, string customerId) => context.RemovalRequests.AsNoTracking()
            .Where(r => r.CustomerId == customerId && r.CloudAccountId != null && r.OpenSubjectKey != null && r.ResellerId == resellerId)
            .Select(r => new OpenRequestRow(r.CloudAccountId!, new OpenRequestRef(r.Id, r.Kind)))));

    private sealed record OpenRequestRow(string AccountId, OpenRequestRef Ref);

    private static IQueryable<Customer> Visible(Actor actor, IQueryable<Customer> customers) =>
        actor.IsSupport ? customers : customers.Where(c => c.ResellerId == actor.ResellerId);

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
