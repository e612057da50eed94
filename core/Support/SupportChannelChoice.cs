namespace SesBot.Core.Support;

/// <summary>The support channel in use, and who chose it (nobody, when configuration names it).</summary>
public sealed record SupportChannelChoice(
    string Channel,
    string ConversationKey,
    string? DisplayName,
    SupportChannelSource Source,
    string? SetByName = null,
    DateTimeOffset? SetAt = null);
