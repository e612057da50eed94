using SesBot.Core.Domain;

namespace SesBot.Core.Workflow;

/// <summary>The outcome of checking a transfer contact: either a normalized contact or one message per wrong field.</summary>
public sealed record ContactValidationResult(
    TransferContactDraft Draft,
    TransferContact? Contact,
    IReadOnlyDictionary<ContactField, string> Errors)
{
    public bool IsValid => Contact is not null;
}
