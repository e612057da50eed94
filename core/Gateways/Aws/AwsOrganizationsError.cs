namespace SesBot.Core.Gateways.Aws;

/// <summary>
/// A typed Organizations error: <see cref="Code"/> is the sanitised error type (e.g. <c>ConstraintViolationException</c>),
/// <see cref="Reason"/> the <c>Reason</c> member of a constraint violation or invalid input.
/// </summary>
public sealed record AwsOrganizationsError(AwsErrorKind Kind, string Code, string Message, string? Reason, int? HttpStatus = null)
{
    /// <summary>What support should know and do, and what to tell the end customer.</summary>
    public AwsErrorGuidance Guidance => AwsErrorTexts.For(this);
}
