using SesBot.Core.Domain;

namespace SesBot.Core.Workflow;

/// <summary>
/// Someone moves a request on. <paramref name="ExpectedVersion"/> comes from the card they clicked, when there is one.
/// <paramref name="TransferEndsAt"/> is the end AWS returned when SesBot ended a billing transfer
/// (<see cref="RequestTrigger.EndBillingTransfer"/>); without it the end is the end of the current UTC month.
/// <paramref name="TookEffectAt"/> is when the change took effect at the cloud provider, when SesBot knows it and it
/// is earlier than now (a removal from the organization confirmed by a later read took effect when the call was made):
/// the account's departure or suspension is dated then. Without it, now.
/// </summary>
public sealed record ApplyRequestTrigger(
    string RequestId,
    RequestTrigger Trigger,
    Actor Actor,
    int? ExpectedVersion = null,
    string? Note = null,
    DateTimeOffset? TransferEndsAt = null,
    DateTimeOffset? TookEffectAt = null);
