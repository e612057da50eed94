namespace SesBot.Core.Gateways.Simulated;

/// <summary>What a row of the simulated cloud stands for, and so which failure codes it takes.</summary>
public enum SimulatedTarget
{
    /// <summary>A member of the simulated payer organization (<c>SimulatedAwsAccounts</c>), by its 12-digit account id.</summary>
    AwsAccount,

    /// <summary>An inbound billing transfer (<c>SimulatedBillingTransfers</c>), by its transfer id (<c>rt-…</c>).</summary>
    BillingTransfer,

    /// <summary>A subscription of the simulated Partner Center (<c>SimulatedAzureSubscriptions</c>), by its GUID.</summary>
    AzureSubscription,
}
