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
            _ => false,
        };
    }

    /// <summary>The move that completes the request once the provider confirmed the change.</summary>
    public static RequestTrigger CompletingTrigger(RemovalOption kind) =>
        kind == RemovalOption.AzureSuspend ? RequestTrigger.Complete : RequestTrigger.MarkRemovedFromPayer;

    /// <summary>The button's title.</summary>
    public static string Title(CloudOperation operation) => operation == CloudOperation.AwsRemoveFromOrganization
        ? ExecutionTexts.S["Operation.RemoveFromOrganization"]
        : ExecutionTexts.S["Operation.SuspendSubscription"];
}
