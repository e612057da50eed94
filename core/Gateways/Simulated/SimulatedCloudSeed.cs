using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SesBot.Core.Domain;
using SesBot.Core.Persistence;

namespace SesBot.Core.Gateways.Simulated;

/// <summary>
/// Seeds the simulated organization, its billing transfers and the simulated Partner Center (local mode) with every
/// SES AWS account and Azure subscription that has no row yet, as <see cref="SimulatedScenarios"/> defines them: the
/// demo behaviours are in the tables from the start, and an operator can put a <c>Failure</c> on a demo account before
/// anyone has looked at it. Existing rows are left as they are (a removal that happened, a failure set by hand), so it
/// is safe at every start; an account SES gains later still joins the simulation when it is first asked about.
/// </summary>
public sealed class SimulatedCloudSeed(SesBotDbContext db, TimeProvider clock, ILogger<SimulatedCloudSeed> logger)
{
    /// <summary>Adds the missing rows of the simulated AWS side and/or Partner Center; returns how many were added.</summary>
    public async Task<int> SeedAsync(bool aws, bool azure, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (members, transfers, subscriptions) = (0, 0, 0);
        if (aws)
        {
            var accounts = await db.CloudAccounts.AsNoTracking().Where(a => a.Provider == CloudProvider.Aws)
                .OrderBy(a => a.ExternalId).ToListAsync(cancellationToken);
            var known = (await db.Set<SimulatedAwsAccount>().Select(m => m.AccountId).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
            foreach (var account in accounts.Where(a => known.Add(a.ExternalId)))
            {
                db.Set<SimulatedAwsAccount>().Add(SimulatedScenarios.AwsMemberFor(account, now));
                members++;
            }

            var knownTransfers = (await db.Set<SimulatedBillingTransfer>().Select(t => t.TransferId).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
            foreach (var transfer in accounts.Select(a => a.BillingTransfer).OfType<BillingTransfer>().Where(t => knownTransfers.Add(t.Id)))
            {
                db.Set<SimulatedBillingTransfer>().Add(SimulatedScenarios.TransferFor(transfer));
                transfers++;
            }
        }

        if (azure)
        {
            var accounts = await db.CloudAccounts.AsNoTracking().Where(a => a.Provider == CloudProvider.Azure)
                .OrderBy(a => a.ExternalId).ToListAsync(cancellationToken);
            var known = (await db.Set<SimulatedAzureSubscription>().Select(s => s.SubscriptionId).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
            foreach (var account in accounts.Where(a => known.Add(a.ExternalId)))
            {
                db.Set<SimulatedAzureSubscription>().Add(SimulatedScenarios.AzureSubscriptionFor(account));
                subscriptions++;
            }
        }

        if (members + transfers + subscriptions == 0)
        {
            return 0;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            // Another process seeded (or a first read made a row) meanwhile: its rows stand, the rest joins on first use.
            Log.SimulatedSeedRaced(logger, ex);
            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added
                && e.Entity is SimulatedAwsAccount or SimulatedBillingTransfer or SimulatedAzureSubscription).ToList())
            {
                entry.State = EntityState.Detached;
            }

            return 0;
        }

        Log.SimulatedSeeded(logger, members, transfers, subscriptions);
        return members + transfers + subscriptions;
    }
}
