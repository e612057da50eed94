using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SesBot.Core.Domain;
using SesBot.Core.Gateways.Azure;
using SesBot.Core.Persistence;

namespace SesBot.Core.Gateways.Simulated;

/// <summary>
/// Partner Center in local mode: the <c>SimulatedAzureSubscriptions</c> table, one row per SES Azure subscription,
/// made on first use, kept under its customer's tenant (<see cref="SimulatedScenarios.TenantOf"/>): as in Partner
/// Center, no tenant is refused before any call and another tenant does not find it (the same typed 404). A suspension is counted, refused when the row carries a failure, and otherwise a conditional
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
        var subscription = await SubscriptionAsync(db, customerTenantId, subscriptionId, cancellationToken);
        return new AzureSubscriptionFacts(subscriptionId, subscription.Status, subscription.OfferName);
    }

    public async Task<AzureSuspensionResult> SuspendAsync(string? customerTenantId, string subscriptionId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
        var writes = scope.ServiceProvider.GetRequiredService<DatabaseWrites>();
        var before = await SubscriptionAsync(db, customerTenantId, subscriptionId, cancellationToken);
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

    private static async Task<SimulatedAzureSubscription> SubscriptionAsync(
        SesBotDbContext db, string? customerTenantId, string subscriptionId, CancellationToken cancellationToken)
    {
        var tenant = PartnerCenterSubscriptionGateway.TenantOf(customerTenantId);
        var account = await db.CloudAccounts.AsNoTracking()
            .FirstOrDefaultAsync(a => a.Provider == CloudProvider.Azure && a.ExternalId == subscriptionId, cancellationToken);
        if (account is null || !string.Equals(SimulatedScenarios.TenantOf(account.CustomerId), AzureTenant.Normalize(tenant), StringComparison.Ordinal))
        {
            throw NotFound(tenant, subscriptionId);
        }

        var existing = await db.Set<SimulatedAzureSubscription>().AsNoTracking().FirstOrDefaultAsync(s => s.SubscriptionId == subscriptionId, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

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

    /// <summary>What the real client makes of Partner Center's 404 for this subscription and tenant.</summary>
    private static PartnerCenterException NotFound(string tenant, string subscriptionId) => new(
        PartnerCenterErrorKind.NotFound,
        "GetSubscription",
        GatewayTexts.S.Format("PartnerCenter.NotFound", GatewayTexts.S.Format("PartnerCenter.Subject.Subscription", subscriptionId, tenant)))
    {
        StatusCode = System.Net.HttpStatusCode.NotFound,
    };
}
