namespace SesBot.Core.Domain;

/// <summary>How an account came into the platform.</summary>
public enum AccountOrigin
{
    /// <summary>Requested through the platform: the distributor created it and holds its ownership.</summary>
    DistributorAssigned,

    /// <summary>An account the customer already owned and linked into the distributor's organization.</summary>
    CustomerOwned,

    /// <summary>
    /// AWS only: an account of the customer's own organization, which is not a member of the distributor's payer
    /// organization; the distributor's payer pays that organization's bills through AWS Billing Transfer.
    /// </summary>
    BillingTransfer,
}
