using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
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
    /// <summary>The account's column holding its billing transfer's id (a private property of <see cref="CloudAccount"/>).</summary>
    private const string TransferIdColumn = "BillingTransferId";

    /// <summary>Adds the missing rows of the simulated AWS side and/or Partner Center; returns how many were added.</summary>
    public async Task<int> SeedAsync(bool aws, bool azure, CancellationToken cancellationToken)
    {
        if (!await AnyMissingAsync(aws, azure, cancellationToken))
        {
            return 0; // the usual restart: one statement, no query to compile
        }

        var now = clock.GetUtcNow();
        var (members, transfers, subscriptions) = (0, 0, 0);
        if (aws)
        {
            // Only the accounts that have no row yet: a database that was seeded before costs index lookups, not a
            // read of every account (the start of a bot with many accounts must stay fast).
            var missing = await db.CloudAccounts.AsNoTracking()
                .Where(a => a.Provider == CloudProvider.Aws && !db.Set<SimulatedAwsAccount>().Any(m => m.AccountId == a.ExternalId))
                .OrderBy(a => a.ExternalId).ToListAsync(cancellationToken);
            var added = new HashSet<string>(StringComparer.Ordinal);
            foreach (var account in missing.Where(a => added.Add(a.ExternalId)))
            {
                db.Set<SimulatedAwsAccount>().Add(SimulatedScenarios.AwsMemberFor(account, now));
                members++;
            }

            var missingTransfers = await db.CloudAccounts.AsNoTracking()
                .Where(a => a.Provider == CloudProvider.Aws && EF.Property<string?>(a, TransferIdColumn) != null
                    && !db.Set<SimulatedBillingTransfer>().Any(t => t.TransferId == EF.Property<string?>(a, TransferIdColumn)))
                .OrderBy(a => a.ExternalId).ToListAsync(cancellationToken);
            var addedTransfers = new HashSet<string>(StringComparer.Ordinal);
            foreach (var transfer in missingTransfers.Select(a => a.BillingTransfer).OfType<BillingTransfer>().Where(t => addedTransfers.Add(t.Id)))
            {
                db.Set<SimulatedBillingTransfer>().Add(SimulatedScenarios.TransferFor(transfer));
                transfers++;
            }
        }

        if (azure)
        {
            var missing = await db.CloudAccounts.AsNoTracking()
                .Where(a => a.Provider == CloudProvider.Azure && !db.Set<SimulatedAzureSubscription>().Any(s => s.SubscriptionId == a.ExternalId))
                .OrderBy(a => a.ExternalId).ToListAsync(cancellationToken);
            var added = new HashSet<string>(StringComparer.Ordinal);
            foreach (var account in missing.Where(a => added.Add(a.ExternalId)))
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

    /// <summary>
    /// Whether any SES account lacks its simulated row: one plain statement (valid on SQLite and PostgreSQL), so that a
    /// restart on a complete simulation does not compile the queries that find the missing rows.
    /// </summary>
    private async Task<bool> AnyMissingAsync(bool aws, bool azure, CancellationToken cancellationToken)
    {
        List<string> checks = [];
        if (aws)
        {
            checks.Add(MissingSql(typeof(SimulatedAwsAccount), nameof(SimulatedAwsAccount.AccountId), nameof(CloudAccount.ExternalId), CloudProvider.Aws));
            checks.Add(MissingSql(typeof(SimulatedBillingTransfer), nameof(SimulatedBillingTransfer.TransferId), TransferIdColumn, CloudProvider.Aws));
        }

        if (azure)
        {
            checks.Add(MissingSql(typeof(SimulatedAzureSubscription), nameof(SimulatedAzureSubscription.SubscriptionId), nameof(CloudAccount.ExternalId), CloudProvider.Azure));
        }

        if (checks.Count == 0)
        {
            return false;
        }

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT CASE WHEN " + string.Join(" OR ", checks) + " THEN 1 ELSE 0 END";
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 1;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>EXISTS an account of the provider whose key column has a value with no simulated row of that value.</summary>
    private string MissingSql(Type simulated, string simulatedKey, string accountKey, CloudProvider provider)
    {
        var accounts = db.Model.FindEntityType(typeof(CloudAccount))!;
        var rows = db.Model.FindEntityType(simulated)!;
        var accountTable = StoreObjectIdentifier.Table(accounts.GetTableName()!, accounts.GetSchema());
        var rowTable = StoreObjectIdentifier.Table(rows.GetTableName()!, rows.GetSchema());
        string Column(IEntityType entity, string property, StoreObjectIdentifier table) =>
            Quote(entity.FindProperty(property)!.GetColumnName(table)!);
        var key = Column(accounts, accountKey, accountTable);
        return $"EXISTS (SELECT 1 FROM {Quote(accountTable.Name)} a WHERE a.{Column(accounts, nameof(CloudAccount.Provider), accountTable)} = '{provider}' "
            + $"AND a.{key} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM {Quote(rowTable.Name)} s WHERE s.{Column(rows, simulatedKey, rowTable)} = a.{key}))";
    }

    private static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
