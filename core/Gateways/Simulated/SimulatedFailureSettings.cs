using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SesBot.Core.Persistence;

namespace SesBot.Core.Gateways.Simulated;

/// <summary>
/// Puts the failures chosen in configuration (<see cref="SimulationOptions.Failures"/>) on the rows of the simulated
/// cloud, after they are seeded: each id is looked up in the simulated side(s), its code checked against what that kind
/// of row takes (<see cref="SimulatedFailureCodes"/>), and its <c>Failure</c> column set (an empty code clears it). An
/// entry that does not fit is logged as a warning naming the id, the code and the valid codes, and skipped; the others
/// are still applied. Rows not named keep what they have.
/// </summary>
public sealed class SimulatedFailureSettings(SesBotDbContext db, DatabaseWrites writes, ILogger<SimulatedFailureSettings> logger)
{
    private const int IdsShownInWarning = 30;

    /// <summary>Applies every entry that fits to the simulated side(s) named; returns how many rows were set or cleared.</summary>
    public async Task<int> ApplyAsync(IReadOnlyDictionary<string, string?> failures, bool aws, bool azure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(failures);
        if (failures.Count == 0 || (!aws && !azure))
        {
            return 0;
        }

        var rows = await SimulatedIdsAsync(aws, azure, cancellationToken);
        var applied = 0;
        foreach (var (key, value) in failures.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var id = key.Trim();
            if (!rows.TryGetValue(id, out var row))
            {
                WarnUnknownId(id, value, [.. rows.Keys], aws, azure);
                continue;
            }

            string? code = null;
            if (!string.IsNullOrWhiteSpace(value) && !SimulatedFailureCodes.TryNormalize(row.Target, value, out code))
            {
                Log.SimulatedFailureUnknownCode(logger, id, value, row.Target, string.Join(", ", SimulatedFailureCodes.For(row.Target)));
                continue;
            }

            await SetAsync(row, code, cancellationToken);
            applied++;
            if (code is null)
            {
                Log.SimulatedFailureCleared(logger, row.Target, row.Id);
            }
            else
            {
                Log.SimulatedFailureApplied(logger, row.Target, row.Id, code);
            }
        }

        return applied;
    }

    private void WarnUnknownId(string id, string? code, List<string> known, bool aws, bool azure)
    {
        var shown = string.Join(", ", known.Order(StringComparer.Ordinal).Take(IdsShownInWarning));
        if (!aws)
        {
            Log.SimulatedFailureAwsReal(logger, id, code, shown, known.Count);
        }
        else if (!azure)
        {
            Log.SimulatedFailurePartnerCenterReal(logger, id, code, shown, known.Count);
        }
        else
        {
            Log.SimulatedFailureUnknownId(logger, id, code, shown, known.Count);
        }
    }

    /// <summary>The ids of the simulated rows of the side(s) simulated, matched without regard to case.</summary>
    private async Task<Dictionary<string, (SimulatedTarget Target, string Id)>> SimulatedIdsAsync(bool aws, bool azure, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<string, (SimulatedTarget Target, string Id)>(StringComparer.OrdinalIgnoreCase);
        if (aws)
        {
            foreach (var id in await db.Set<SimulatedAwsAccount>().AsNoTracking().Select(a => a.AccountId).ToListAsync(cancellationToken))
            {
                rows.TryAdd(id, (SimulatedTarget.AwsAccount, id));
            }

            foreach (var id in await db.Set<SimulatedBillingTransfer>().AsNoTracking().Select(t => t.TransferId).ToListAsync(cancellationToken))
            {
                rows.TryAdd(id, (SimulatedTarget.BillingTransfer, id));
            }
        }

        if (azure)
        {
            foreach (var id in await db.Set<SimulatedAzureSubscription>().AsNoTracking().Select(s => s.SubscriptionId).ToListAsync(cancellationToken))
            {
                rows.TryAdd(id, (SimulatedTarget.AzureSubscription, id));
            }
        }

        return rows;
    }

    private Task<int> SetAsync((SimulatedTarget Target, string Id) row, string? code, CancellationToken cancellationToken) => row.Target switch
    {
        SimulatedTarget.AwsAccount => writes.RunAsync(
            ct => db.Set<SimulatedAwsAccount>().Where(a => a.AccountId == row.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Failure, code), ct),
            cancellationToken),
        SimulatedTarget.BillingTransfer => writes.RunAsync(
            ct => db.Set<SimulatedBillingTransfer>().Where(t => t.TransferId == row.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.Failure, code), ct),
            cancellationToken),
        _ => writes.RunAsync(
            ct => db.Set<SimulatedAzureSubscription>().Where(x => x.SubscriptionId == row.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Failure, code), ct),
            cancellationToken),
    };
}
