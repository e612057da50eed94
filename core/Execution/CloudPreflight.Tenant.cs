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
        var request = await db.RemovalRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == ask.RequestId, cancellationToken);
        var tenant = AzureTenant.Normalize(ask.TenantId);
        if (request?.CloudAccountId is null || CloudOperations.For(request.Kind) != CloudOperation.AzureSuspendSubscription || tenant is null)
        {
            return null;
        }

        var account = await db.CloudAccounts.AsNoTracking().FirstAsync(a => a.Id == request.CloudAccountId, cancellationToken);
        var customer = await db.Customers.FirstAsync(c => c.Id == account.CustomerId, cancellationToken);
        var latest = await db.Set<CloudExecution>().AsNoTracking().Where(e => e.RequestId == request.Id)
            .OrderByDescending(e => e.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        var previous = customer.AzureTenantId;
        var known = new PreflightReport(request, account, azure.IsSimulated, [])
        {
            CustomerName = customer.Name,
            AzureTenantId = previous,
            LatestExecution = latest,
        };

        PreflightReport found;
        try
        {
            found = await ReadAzureAsync(known, tenant, cancellationToken);
        }
        catch (PartnerCenterException ex)
        {
            var outcome = ex.Kind == PartnerCenterErrorKind.NotFound ? AzureTenantOutcome.NotFound : AzureTenantOutcome.ReadFailed;
            return new AzureTenantCheck(outcome, tenant, known with { NeedsAzureTenant = true }) { PreviousTenantId = previous, Message = ex.Message };
        }

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
}
