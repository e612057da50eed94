namespace SesBot.Bot.Cards;

/// <summary>
/// Every action a card can carry. The same constant is the Adaptive Card <c>Action.Execute</c> <c>verb</c> and the
/// Slack <c>action_id</c>; entity ids travel in the action's data and are checked again on the server.
/// </summary>
public static class ActionIds
{
    public const string StartRemoveAccount = "startRemoveAccount";
    public const string StartRemoveCustomer = "startRemoveCustomer";
    public const string SelectCustomer = "selectCustomer";
    public const string SearchCustomers = "searchCustomers";
    public const string SelectAccount = "selectAccount";
    public const string ChooseOption = "chooseOption";
    public const string ConfirmDelete = "confirmDelete";
    public const string ReviewTransferContact = "reviewTransferContact";
    public const string SubmitTransferRequest = "submitTransferRequest";
    public const string ConfirmRemoveFromPayer = "confirmRemoveFromPayer";
    public const string SubmitUnlink = "submitUnlink";
    public const string SubmitAzureTransfer = "submitAzureTransfer";
    public const string SubmitAzureSuspend = "submitAzureSuspend";
    public const string SubmitDeletedInError = "submitDeletedInError";
    public const string ConfirmRemoveCustomer = "confirmRemoveCustomer";
    public const string CancelRequest = "cancelRequest";

    /// <summary>The "Yes, cancel it" of the confirmation that "Cancel this request" asks for.</summary>
    public const string ConfirmCancelRequest = "confirmCancelRequest";
    public const string ShowMyRequests = "showMyRequests";
    public const string Help = "help";
    public const string Cancel = "cancel";
    public const string Back = "back";
    public const string RefreshStatus = "refreshStatus";
    public const string RetryEmail = "retryEmail";
    public const string ConfirmEndBillingTransfer = "confirmEndBillingTransfer";
    public const string CheckCloudAccount = "checkCloudAccount";
    public const string ExecuteCloudChange = "executeCloudChange";
    public const string ReleaseCloudExecution = "releaseCloudExecution";

    /// <summary>"Save and check" of the customer's Microsoft Entra tenant id on an Azure pre-flight card.</summary>
    public const string SaveAzureTenant = "saveAzureTenant";

    // The support card (in the support channel's thread) and the reseller's answer to support's question.
    public const string SupportRefresh = "supportRefresh";
    public const string SupportAssign = "supportAssign";
    public const string SupportAccept = "supportAccept";
    public const string SupportReject = "supportReject";
    public const string SupportAsk = "supportAsk";
    public const string SupportAwsContacted = "supportAwsContacted";
    public const string SupportPaperworkComplete = "supportPaperworkComplete";
    public const string SupportCredentialsDelivered = "supportCredentialsDelivered";
    public const string SupportRemovedFromPayer = "supportRemovedFromPayer";
    public const string SupportComplete = "supportComplete";
    public const string AnswerSupport = "answerSupport";

    /// <summary>All of the above, for routing tables and tests.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        StartRemoveAccount, StartRemoveCustomer, SelectCustomer, SearchCustomers, SelectAccount, ChooseOption, ConfirmDelete, ReviewTransferContact, SubmitTransferRequest,
        ConfirmRemoveFromPayer, SubmitUnlink, SubmitAzureTransfer, SubmitAzureSuspend, SubmitDeletedInError,
        ConfirmRemoveCustomer, CancelRequest, ConfirmCancelRequest, ShowMyRequests, Help, Cancel, Back, RefreshStatus, RetryEmail,
        ConfirmEndBillingTransfer,
        SupportRefresh, SupportAssign, SupportAccept, SupportReject, SupportAsk, SupportAwsContacted, SupportPaperworkComplete,
        SupportCredentialsDelivered, SupportRemovedFromPayer, SupportComplete, AnswerSupport,
        CheckCloudAccount, ExecuteCloudChange, ReleaseCloudExecution, SaveAzureTenant,
    ];
}
