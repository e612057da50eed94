using Microsoft.EntityFrameworkCore;
using SesBot.Core.Domain;
using SesBot.Core.Gateways.Azure;

namespace SesBot.Core.Execution;

/// <summary>Checking a tenant id support entered for an Azure customer before SesBot keeps it.</summary>
public sealed partial class CloudPreflight
{
    /// <summary>
    /// Reads the request's subscription from Partner Center under the tenant id in <paramref name="ask"/>; only when it
    /// is found there is the tenant id recorded on the customer, with an audit line (who, old → new). The change is left
    /// in this scope's unit of work: the caller commits it together with the card it sends. Null when the request is not
    /// an Azure suspension SesBot can check, or the tenant id is not a GUID (the turn refuses those before asking).
    /// </summary>
    public async Task<AzureTenantCheck?> CheckAzureTenantAsync(AzureTenantAsk ask, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ask);
        var tenant = AzureTenant.Normalize(ask.TenantId);
        if (tenant is null || await KnownAzureAsync(ask.RequestId, cancellationToken) is not { } known)
        {
            return null;
        }

        PreflightReport found;
        try
        {
            found = await ReadAzureAsync(known, tenant, cancellationToken);
        }
        catch (PartnerCenterException ex)
        {
            var outcome = ex.Kind == PartnerCenterErrorKind.NotFound ? AzureTenantOutcome.NotFound : AzureTenantOutcome.ReadFailed;
            return new AzureTenantCheck(outcome, tenant, known with { NeedsAzureTenant = true }) { PreviousTenantId = known.AzureTenantId, Message = ex.Message };
        }

        var (request, account) = (known.Request, known.Account);
        var customer = await db.Customers.FirstAsync(c => c.Id == account.CustomerId, cancellationToken);
        var previous = customer.AzureTenantId;
        var simulated = azure.IsSimulated ? " (simulated)" : string.Empty;
        var audit = customer.RecordAzureTenant(tenant, ask.Actor, clock.GetUtcNow(),
            $"subscription {account.ExternalId} found under it in Partner Center{simulated}; entered for request {request.Id}");
        if (audit is not null)
        {
            db.AuditEvents.Add(audit);
            Log.AzureTenantRecorded(logger, customer.Id, previous, tenant, ask.Actor.Id, request.Id);
        }

        return new AzureTenantCheck(audit is null ? AzureTenantOutcome.Unchanged : AzureTenantOutcome.Saved, tenant, found) { PreviousTenantId = previous };
    }

    /// <summary>
    /// What SES itself knows for an Azure suspension's pre-flight, without calling Partner Center (so a turn may ask for
    /// it): the request, its subscription, the customer's name and tenant id, the latest execution. Null when the request
    /// is not an Azure suspension of an account.
    /// </summary>
    public async Task<PreflightReport?> KnownAzureAsync(string requestId, CancellationToken cancellationToken)
    {
        var request = await db.RemovalRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request?.CloudAccountId is null || CloudOperations.For(request.Kind) != CloudOperation.AzureSuspendSubscription)
        {
            return null;
        }

        var account = await db.CloudAccounts.AsNoTracking().FirstAsync(a => a.Id == request.CloudAccountId, cancellationToken);
        return await KnownAzureAsync(request, account, await LatestExecutionAsync(request.Id, cancellationToken), cancellationToken);
    }

    private async Task<PreflightReport> KnownAzureAsync(RemovalRequest request, CloudAccount account, CloudExecution? latest, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == account.CustomerId)
            .Select(c => new { c.Name, c.AzureTenantId }).FirstAsync(cancellationToken);
        return new PreflightReport(request, account, azure.IsSimulated, [])
        {
            CustomerName = customer.Name,
            AzureTenantId = customer.AzureTenantId,
            LatestExecution = latest,
        };
    }
}
