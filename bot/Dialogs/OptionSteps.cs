using System.Collections.Frozen;
using SesBot.Core.Domain;

namespace SesBot.Bot.Dialogs;

/// <summary>
/// The step of the removal dialog at which each option's form (or confirmation) is shown. What the form asks for comes
/// from the option's catalog entry (<see cref="RemovalOptionCatalog"/>); this only says where in the dialog it is.
/// </summary>
public static class OptionSteps
{
    private static readonly FrozenDictionary<RemovalOption, FlowStep> Steps = new Dictionary<RemovalOption, FlowStep>
    {
        [RemovalOption.DeleteFromPlatform] = FlowStep.ConfirmDelete,
        [RemovalOption.RemoveCustomer] = FlowStep.ConfirmRemoveCustomer,
        [RemovalOption.AzureTransferToCsp] = FlowStep.AzureTransferDetails,
        [RemovalOption.AzureSuspend] = FlowStep.AzureSuspendDetails,
        [RemovalOption.AwsTransferOwnership] = FlowStep.TransferContact,
        [RemovalOption.AwsRemoveFromPayer] = FlowStep.ConfirmRemoveFromPayer,
        [RemovalOption.AwsSelfUnlink] = FlowStep.UnlinkDetails,
        [RemovalOption.DeletedInErrorTicket] = FlowStep.DeletedInErrorDetails,
        [RemovalOption.AwsEndBillingTransfer] = FlowStep.ConfirmEndBillingTransfer,
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<FlowStep, RemovalOption> Options =
        Steps.ToFrozenDictionary(s => s.Value, s => s.Key);

    /// <summary>The step that shows the option's form; an option without one is a programming error.</summary>
    public static FlowStep FormStep(RemovalOption option) =>
        Steps.TryGetValue(option, out var step) ? step : throw new DomainException($"The removal option {option} has no dialog step.");

    /// <summary>The option whose form the step shows, if it shows one.</summary>
    public static RemovalOption? OptionAt(FlowStep step) => Options.TryGetValue(step, out var option) ? option : null;
}
