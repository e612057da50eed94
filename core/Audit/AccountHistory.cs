using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SesBot.Core.Domain;
using SesBot.Core.Persistence;

namespace SesBot.Core.Audit;

/// <summary>
/// An account's full audit timeline, found by the id a person types (an AWS account number, dashes allowed, or an
/// Azure subscription GUID). Someone who may not see the account gets the same answer as for an account that does not
/// exist: null.
/// </summary>
public sealed class AccountHistory(SesBotDbContext db, AuditLogQuery log, ILogger<AccountHistory>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<AccountHistory>.Instance;

    public async Task<AccountTimeline?> FindAsync(Actor actor, string typedAccountId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var candidates = new List<(CloudProvider Provider, string ExternalId)>(2);
        foreach (var provider in Enum.GetValues<CloudProvider>())
        {
            if (CloudAccount.NormalizeExternalId(provider, typedAccountId) is { } normalized)
            {
                candidates.Add((provider, normalized));
            }
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        var aws = candidates.Find(c => c.Provider == CloudProvider.Aws).ExternalId;
        var azure = candidates.Find(c => c.Provider == CloudProvider.Azure).ExternalId;
        var found = await (
                from a in db.CloudAccounts.AsNoTracking()
                where (a.Provider == CloudProvider.Aws && a.ExternalId == aws) || (a.Provider == CloudProvider.Azure && a.ExternalId == azure)
                join c in db.Customers.AsNoTracking() on a.CustomerId equals c.Id
                join r in db.Resellers.AsNoTracking() on c.ResellerId equals r.Id
                select new { Account = a, Customer = c, Reseller = r })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        if (!AuditVisibility.MaySee(actor, found.Reseller.Id))
        {
            Log.AccountHistoryRefused(_logger, actor.Id, found.Account.Id);
            return null;
        }

        var entries = new List<AuditEntry>();
        await foreach (var entry in log.ReadAsync(actor, new AuditFilter(AccountId: found.Account.Id), cancellationToken))
        {
            entries.Add(entry);
        }

        return new AccountTimeline(found.Account, found.Customer, found.Reseller, entries);
    }
}
