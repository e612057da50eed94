using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SesBot.Core.Domain;
using SesBot.Core.Gateways.Aws;
using SesBot.Core.Persistence;

namespace SesBot.Core.Gateways.Simulated;

/// <summary>
/// The payer's inbound billing transfers in local mode: the <c>SimulatedBillingTransfers</c> table, one row per transfer
/// SES bills accounts through, made the first time it is asked about. Ending is counted and a conditional update (a
/// running transfer gets its end once); a transfer already ended is refused as AWS does
/// (<see cref="AwsErrorKind.ResponsibilityTransferAlreadyInStatus"/>: the demo error case), and a row's
/// <see cref="SimulatedBillingTransfer.Failure"/> produces any other error. Each call uses its own database context.
/// </summary>
public sealed class SimulatedBillingTransferGateway(IServiceScopeFactory scopes, ILogger<SimulatedBillingTransferGateway> logger)
    : IAwsBillingTransferGateway
{
    /// <summary>The failure that ends the transfer and then loses AWS's answer.</summary>
    public const string OutcomeUnknownAfterEnd = nameof(OutcomeUnknownAfterEnd);

    /// <summary>The shadow column holding an account's transfer id (see CloudAccountConfiguration).</summary>
    private const string TransferIdColumn = "BillingTransferId";

    public bool IsSimulated => true;

    public async Task<BillingTransferFacts?> ReadTransferAsync(string transferId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
        Log.SimulatedTransferCall(logger, AwsOperations.ListInboundResponsibilityTransfers, transferId);
        var transfer = await TransferAsync(db, transferId, cancellationToken);
        return transfer is null ? null : FactsOf(transfer);
    }

    public async Task<BillingTransferFacts> EndTransferAsync(string transferId, DateTimeOffset endsAt, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
        var writes = scope.ServiceProvider.GetRequiredService<DatabaseWrites>();
        var transfer = await TransferAsync(db, transferId, cancellationToken);
        Log.SimulatedTransferCall(logger, AwsOperations.TerminateResponsibilityTransfer, transferId);
        if (transfer is null)
        {
            throw new AwsOrganizationsException(new AwsOrganizationsError(AwsErrorKind.ResponsibilityTransferNotFound,
                "ResponsibilityTransferNotFoundException", $"Simulated: there is no inbound billing transfer {transferId}.", null, 400));
        }

        await writes.RunAsync(
            ct => db.Set<SimulatedBillingTransfer>().Where(t => t.TransferId == transferId)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.TerminateCalls, t => t.TerminateCalls + 1), ct),
            cancellationToken);
        if (transfer.Failure is { Length: > 0 } failure && failure != OutcomeUnknownAfterEnd)
        {
            throw new AwsOrganizationsException(SimulatedScenarios.AwsError(failure));
        }

        if (transfer.EndsAt is not null || transfer.Status != BillingTransferFacts.Accepted)
        {
            throw new AwsOrganizationsException(new AwsOrganizationsError(AwsErrorKind.ResponsibilityTransferAlreadyInStatus,
                "ResponsibilityTransferAlreadyInStatusException", $"Simulated: billing transfer {transferId} has already been ended.", null, 400));
        }

        var end = endsAt.ToUniversalTime();
        await writes.RunAsync(
            ct => db.Set<SimulatedBillingTransfer>().Where(t => t.TransferId == transferId && t.EndsAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.EndsAt, end).SetProperty(t => t.Status, BillingTransferFacts.Withdrawn), ct),
            cancellationToken);
        if (transfer.Failure == OutcomeUnknownAfterEnd)
        {
            throw new AwsOrganizationsException(SimulatedScenarios.AwsError(nameof(AwsErrorKind.OutcomeUnknown)));
        }

        var after = await db.Set<SimulatedBillingTransfer>().AsNoTracking().FirstAsync(t => t.TransferId == transferId, cancellationToken);
        return FactsOf(after);
    }

    private static BillingTransferFacts FactsOf(SimulatedBillingTransfer transfer) =>
        new(transfer.TransferId, transfer.Status, transfer.StartedAt, transfer.EndsAt, transfer.SourceManagementAccountId);

    /// <summary>The simulated transfer, made from the SES accounts billed through it the first time; null when SES knows no such transfer.</summary>
    private static async Task<SimulatedBillingTransfer?> TransferAsync(SesBotDbContext db, string transferId, CancellationToken cancellationToken)
    {
        var existing = await db.Set<SimulatedBillingTransfer>().AsNoTracking().FirstOrDefaultAsync(t => t.TransferId == transferId, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var account = await db.CloudAccounts.AsNoTracking()
            .Where(a => a.Provider == CloudProvider.Aws && EF.Property<string?>(a, TransferIdColumn) == transferId)
            .OrderBy(a => a.ExternalId)
            .FirstOrDefaultAsync(cancellationToken);
        if (account?.BillingTransfer is not { } known)
        {
            return null;
        }

        var created = SimulatedScenarios.TransferFor(known);
        db.Set<SimulatedBillingTransfer>().Add(created);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return created;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Entries<SimulatedBillingTransfer>().ToList().ForEach(e => e.State = EntityState.Detached);
            return await db.Set<SimulatedBillingTransfer>().AsNoTracking().FirstAsync(t => t.TransferId == transferId, cancellationToken);
        }
    }
}
