using SesBot.Core.Domain;

namespace SesBot.Core.Execution;

/// <summary>The result of <see cref="CloudExecutions.ClaimAsync"/>.</summary>
public sealed record ClaimResult(ClaimOutcome Outcome, RemovalRequest? Request = null, CloudExecution? Execution = null, string? Message = null);
