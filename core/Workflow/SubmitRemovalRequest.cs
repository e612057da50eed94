using SesBot.Core.Domain;

namespace SesBot.Core.Workflow;

/// <summary>
/// A reseller asks for an option. <paramref name="SubjectId"/> is the cloud account id, or the customer id for
/// <see cref="RemovalOption.RemoveCustomer"/>. The idempotency key is the same for the same submission from the same card.
/// </summary>
public sealed record SubmitRemovalRequest(
    string IdempotencyKey,
    Actor Requester,
    RemovalOption Option,
    string SubjectId,
    string? ConfirmationText = null,
    TransferContactDraft? Contact = null,
    string? Reason = null,
    string? TargetPartnerName = null,
    string? TargetPartnerTenantId = null,
    string? EndCustomerEmail = null,
    string? EndCustomerLanguage = null);
