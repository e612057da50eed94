using SesBot.Core.Workflow;

namespace SesBot.Core.Support;

/// <summary>
/// What came of choosing a support channel: <see cref="OutcomeKind.Ok"/> (with the one it replaced, if any),
/// <see cref="OutcomeKind.Duplicate"/> (it already was the support channel) or <see cref="OutcomeKind.Denied"/>.
/// </summary>
public sealed record SupportChannelChange(OutcomeKind Kind, SupportChannelChoice? Current, SupportChannelChoice? Previous = null, string? Message = null);
