using SesBot.Core.Domain;

namespace SesBot.Core.Workflow;

/// <summary>
/// The result of a workflow command, with a user-facing message when it did not simply succeed. For wrong input,
/// <paramref name="Field"/> names the form field (<see cref="FormField.Id"/>) the message is about, when it is about one.
/// </summary>
public sealed record WorkflowResult(
    OutcomeKind Kind,
    RemovalRequest? Request = null,
    string? Message = null,
    IReadOnlyDictionary<ContactField, string>? FieldErrors = null,
    string? Field = null)
{
    /// <summary>
    /// The request with what it is about and its timeline, as this turn left it (built from what the turn already
    /// holds, so the reply needs no second read). Set for a request the command created or changed.
    /// </summary>
    public RequestDetails? Details { get; init; }

    public bool Succeeded => Kind is OutcomeKind.Ok or OutcomeKind.Duplicate;
}
