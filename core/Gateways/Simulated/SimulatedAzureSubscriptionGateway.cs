using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SesBot.Core.Domain;
using SesBot.Core.Gateways.Azure;
using SesBot.Core.Persistence;

namespace SesBot.Core.Gateways.Simulated;

/// <summary>
/// Partner Center in local mode: the <c>SimulatedAzureSubscriptions</c> table, one row per SES Azure subscription,
/// made on first use. A suspension is counted, refused when the row carries a failure, and otherwise a conditional
/// update to <c>suspended</c> that is then read back, as the real client does.
/// </summary>
public sealed class SimulatedAzureSubscriptionGateway(IServiceScopeFactory scopes, ILogger<SimulatedAzureSubscriptionGateway> logger)
    : IAzureSubscriptionGateway
{
    public bool IsSimulated => true;

    public async Task<AzureSubscriptionFacts> ReadAsync(string? customerTenantId, string subscriptionId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
        Log.SimulatedAzureCall(logger, "GetSubscription", subscriptionId);
        var subscription = await SubscriptionAsync(db, subscriptionId, cancellationToken);
        return new AzureSubscriptionFacts(subscriptionId, subscription.Status, subscription.OfferName);
    }

    public async Task<AzureSuspensionResult> SuspendAsync(string? customerTenantId, string subscriptionId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
        var writes = scope.ServiceProvider.GetRequiredService<DatabaseWrites>();
        var before = await SubscriptionAsync(db, subscriptionId, cancellationToken);
        if (before.Status == PartnerCenterSubscriptionStatus.Suspended)
        {
            return new AzureSuspensionResult(SuspensionOutcome.AlreadySuspended, before.Status, before.Status);
        }

        Log.SimulatedAzureCall(logger, "UpdateSubscription", subscriptionId);
        await writes.RunAsync(
            ct => db.Set<SimulatedAzureSubscription>().Where(s => s.SubscriptionId == subscriptionId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.PatchCalls, x => x.PatchCalls + 1), ct),
            cancellationToken);
        if (before.Failure is { Length: > 0 } failure)
        {
            var kind = Enum.TryParse<PartnerCenterErrorKind>(failure, ignoreCase: true, out var parsed) ? parsed : PartnerCenterErrorKind.ServiceError;
            throw new PartnerCenterException(kind, "UpdateSubscription", $"Simulated Partner Center refused the suspension of {subscriptionId} ({kind}).");
        }

        await writes.RunAsync(
            ct => db.Set<SimulatedAzureSubscription>().Where(s => s.SubscriptionId == subscriptionId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, PartnerCenterSubscriptionStatus.Suspended), ct),
            cancellationToken);
        var after = await db.Set<SimulatedAzureSubscription>().AsNoTracking().FirstAsync(s => s.SubscriptionId == subscriptionId, cancellationToken);
        return new AzureSuspensionResult(
            after.Status == PartnerCenterSubscriptionStatus.Suspended ? SuspensionOutcome.Suspended : SuspensionOutcome.NotConfirmed,
            before.Status,
            after.Status);
    }

    private static async Task<SimulatedAzureSubscription> SubscriptionAsync(SesBotDbContext db, string subscriptionId, CancellationToken cancellationToken)
    {
        var existing = await db.Set<SimulatedAzureSubscription>().AsNoTracking().FirstOrDefaultAsync(s => s.SubscriptionId == subscriptionId, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var account = await db.CloudAccounts.AsNoTracking()
            .FirstOrDefaultAsync(a => a.Provider == CloudProvider.Azure && a.ExternalId == subscriptionId, cancellationToken)
            ?? throw new PartnerCenterException(PartnerCenterErrorKind.NotFound, "GetSubscription", $"Simulated Partner Center has no subscription {subscriptionId}.");
        var created = SimulatedScenarios.AzureSubscriptionFor(account);
        db.Set<SimulatedAzureSubscription>().Add(created);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return created;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Entries<SimulatedAzureSubscription>().ToList().ForEach(e => e.State = EntityState.Detached);
            return await db.Set<SimulatedAzureSubscription>().AsNoTracking().FirstAsync(s => s.SubscriptionId == subscriptionId, cancellationToken);
        }
    }
}
