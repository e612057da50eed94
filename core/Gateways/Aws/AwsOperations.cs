namespace SesBot.Core.Gateways.Aws;

/// <summary>The Organizations operations SesBot calls; changes are never replayed after an ambiguous failure.</summary>
public static class AwsOperations
{
    public const string DescribeOrganization = nameof(DescribeOrganization);
    public const string DescribeAccount = nameof(DescribeAccount);
    public const string ListAccounts = nameof(ListAccounts);
    public const string ListTagsForResource = nameof(ListTagsForResource);
    public const string ListDelegatedServicesForAccount = nameof(ListDelegatedServicesForAccount);
    public const string RemoveAccountFromOrganization = nameof(RemoveAccountFromOrganization);
    public const string ListInboundResponsibilityTransfers = nameof(ListInboundResponsibilityTransfers);
    public const string TerminateResponsibilityTransfer = nameof(TerminateResponsibilityTransfer);

    /// <summary>True for operations that change the organization (not safe to resend when the outcome is unknown).</summary>
    public static bool IsChange(string operation) =>
        operation is RemoveAccountFromOrganization or TerminateResponsibilityTransfer;
}
