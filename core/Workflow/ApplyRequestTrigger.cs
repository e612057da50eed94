using SesBot.Core.Domain;

namespace SesBot.Core.Workflow;

/// <summary>
/// Someone moves a request on. <paramref name="ExpectedVersion"/> comes from the card they clicked, when there is one.
/// <paramref name="TransferEndsAt"/> is the end AWS returned when SesBot ended a billing transfer
/// (<see cref="RequestTrigger.EndBillingTransfer"/>); without it the end is the end of the current UTC month.
/// </summary>
public sealed record ApplyRequestTrigger(
    string RequestId, RequestTrigger Trigger, Actor Actor, int? ExpectedVersion = null, string? Note = null, DateTimeOffset? TransferEndsAt = null);
