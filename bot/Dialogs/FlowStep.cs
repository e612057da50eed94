namespace SesBot.Bot.Dialogs;

/// <summary>
/// The named steps of the removal dialogs. Stored by name, so a deploy that adds steps does not break a
/// conversation in flight; a step name a newer deploy no longer knows restarts the dialog politely.
/// </summary>
public enum FlowStep
{
    SelectCustomer,
    SelectAccount,
    ChooseOption,
    ConfirmDelete,
    TransferContact,
    ReviewTransfer,
    ConfirmRemoveFromPayer,
    UnlinkDetails,
    AzureTransferDetails,
    AzureSuspendDetails,
    DeletedInErrorDetails,
    ConfirmRemoveCustomer,
    ConfirmEndBillingTransfer,
}
