using SesBot.Core.Domain;

namespace SesBot.Core.Execution;

/// <summary>Which cloud change carries out a request, and at which status support may start it.</summary>
public static class CloudOperations
{
    /// <summary>The change for a request of this kind, or null when SesBot does not carry it out itself.</summary>
    public static CloudOperation? For(RemovalOption kind) => kind switch
    {
        RemovalOption.AwsRemoveFromPayer or RemovalOption.AwsTransferOwnership => CloudOperation.AwsRemoveFromOrganization,
        RemovalOption.AzureSuspend => CloudOperation.AzureSuspendSubscription,
        RemovalOption.AwsEndBillingTransfer => CloudOperation.AwsEndBillingTransfer,
        _ => null,
    };

    /// <summary>Whether support may start the change now (accepting or retrying the request on the way).</summary>
    public static bool CanStartAt(RemovalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Kind switch
        {
            RemovalOption.AwsRemoveFromPayer => request.Status is RequestStatus.Submitted or RequestStatus.Accepted or RequestStatus.Failed,
            RemovalOption.AwsTransferOwnership => request.Status == RequestStatus.CredentialsDelivered,
            RemovalOption.AzureSuspend => request.Status is RequestStatus.Submitted or RequestStatus.Accepted,
            RemovalOption.AwsEndBillingTransfer => request.Status is RequestStatus.Submitted or RequestStatus.Accepted or RequestStatus.Failed,
            _ => false,
        };
    }

    /// <summary>The move that completes the request once the provider confirmed the change.</summary>
    public static RequestTrigger CompletingTrigger(RemovalOption kind) => kind switch
    {
        RemovalOption.AzureSuspend => RequestTrigger.Complete,
        RemovalOption.AwsEndBillingTransfer => RequestTrigger.EndBillingTransfer,
        _ => RequestTrigger.MarkRemovedFromPayer,
    };

    /// <summary>The button's title.</summary>
    public static string Title(CloudOperation operation) => operation switch
    {
        CloudOperation.AwsRemoveFromOrganization => ExecutionTexts.S["Operation.RemoveFromOrganization"],
        CloudOperation.AwsEndBillingTransfer => ExecutionTexts.S["Operation.EndBillingTransfer"],
        _ => ExecutionTexts.S["Operation.SuspendSubscription"],
    };
}
