using SesBot.Core.Gateways.Aws;

namespace SesBot.Core.Gateways;

/// <summary>The inbound billing transfers through the real Organizations client (chosen when the <c>Aws</c> section is configured).</summary>
public sealed class AwsBillingTransferGateway(AwsOrganizationsClient client) : IAwsBillingTransferGateway
{
    public bool IsSimulated => false;

    public async Task<BillingTransferFacts?> ReadTransferAsync(string transferId, CancellationToken cancellationToken)
    {
        var transfer = await client.FindInboundBillingTransferAsync(transferId, cancellationToken);
        return transfer is null ? null : FactsOf(transfer);
    }

    public async Task<BillingTransferFacts> EndTransferAsync(string transferId, DateTimeOffset endsAt, CancellationToken cancellationToken) =>
        FactsOf(await client.TerminateResponsibilityTransferAsync(transferId, endsAt, cancellationToken));

    private static BillingTransferFacts FactsOf(AwsResponsibilityTransfer transfer) =>
        new(transfer.Id, transfer.Status, transfer.StartTimestamp, transfer.EndTimestamp, transfer.Source?.ManagementAccountId);
}
