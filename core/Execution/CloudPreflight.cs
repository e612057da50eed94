using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SesBot.Core.Domain;
using SesBot.Core.Gateways;
using SesBot.Core.Gateways.Aws;
using SesBot.Core.Gateways.Azure;
using SesBot.Core.Persistence;

namespace SesBot.Core.Execution;

/// <summary>
/// Reads a request's account through the gateway port and assesses it (dispatcher only: it calls the provider;
/// <see cref="KnownAzureAsync(string, CancellationToken)"/> alone does not).
/// </summary>
public sealed partial class CloudPreflight(
    SesBotDbContext db,
    IAwsOrganizationGateway aws,
    IAzureSubscriptionGateway azure,
    IAwsBillingTransferGateway transfers,
    TimeProvider clock,
    ILogger<CloudPreflight> logger)
{
    public async Task<PreflightReport?> CheckAsync(string requestId, CancellationToken cancellationToken)
    {
        var request = await db.RemovalRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request?.CloudAccountId is null || CloudOperations.For(request.Kind) is not { } operation)
        {
            return null;
        }

        var account = await db.CloudAccounts.AsNoTracking().FirstAsync(a => a.Id == request.CloudAccountId, cancellationToken);
        var latest = await LatestExecutionAsync(requestId, cancellationToken);
        if (operation == CloudOperation.AwsRemoveFromOrganization)
        {
            try
            {
                var facts = await aws.ReadAccountAsync(account.ExternalId, cancellationToken);
                return new PreflightReport(request, account, aws.IsSimulated, PreflightAssessment.Assess(account, facts, clock.GetUtcNow()))
                {
                    Aws = facts,
                    LatestExecution = latest,
                };
            }
            catch (AwsOrganizationsException ex)
            {
                return new PreflightReport(request, account, aws.IsSimulated, []) { ReadError = ex.Error.Guidance.SupportText, LatestExecution = latest };
            }
        }

        if (operation == CloudOperation.AwsEndBillingTransfer)
        {
            return await CheckTransferAsync(request, account, latest, cancellationToken);
        }

        var known = await KnownAzureAsync(request, account, latest, cancellationToken);
        if (known.AzureTenantId is not { } tenant)
        {
            return known with { NeedsAzureTenant = true };
        }

        try
        {
            return await ReadAzureAsync(known, tenant, cancellationToken);
        }
        catch (PartnerCenterException ex)
        {
            // Not found under the tenant SES has: the tenant may be the wrong one, so the card offers to correct it.
            return known with { ReadError = ex.Message, NeedsAzureTenant = ex.Kind == PartnerCenterErrorKind.NotFound };
        }
    }

    private Task<CloudExecution?> LatestExecutionAsync(string requestId, CancellationToken cancellationToken) =>
        db.Set<CloudExecution>().AsNoTracking().Where(e => e.RequestId == requestId)
            .OrderByDescending(e => e.CreatedAt).FirstOrDefaultAsync(cancellationToken);

    private async Task<PreflightReport> ReadAzureAsync(PreflightReport known, string tenantId, CancellationToken cancellationToken)
    {
        var subscription = await azure.ReadAsync(tenantId, known.Account.ExternalId, cancellationToken);
        List<PreflightFinding> findings = subscription.IsSuspended
            ? [new(PreflightSeverity.Info, ExecutionTexts.S["Preflight.AlreadySuspended"])]
            : [];
        return known with { Findings = findings, Azure = subscription, AzureTenantId = tenantId };
    }

    private async Task<PreflightReport> CheckTransferAsync(RemovalRequest request, CloudAccount account, CloudExecution? latest, CancellationToken cancellationToken)
    {
        if (account.BillingTransfer is not { } known)
        {
            return new PreflightReport(request, account, transfers.IsSimulated, [new(PreflightSeverity.Blocker, ExecutionTexts.S["Transfer.NoneRecorded"])])
            {
                LatestExecution = latest,
            };
        }

        try
        {
            var transfer = await transfers.ReadTransferAsync(known.Id, cancellationToken);
            return new PreflightReport(request, account, transfers.IsSimulated, PreflightAssessment.AssessTransfer(known, transfer, clock.GetUtcNow()))
            {
                Transfer = transfer,
                LatestExecution = latest,
            };
        }
        catch (AwsOrganizationsException ex)
        {
            return new PreflightReport(request, account, transfers.IsSimulated, []) { ReadError = ex.Error.Guidance.SupportText, LatestExecution = latest };
        }
    }
}
