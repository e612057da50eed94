using SesBot.Core.Conversations;

namespace SesBot.Bot.Pipeline;

/// <summary>
/// Where a delivery came from, as the channel wants it remembered so SesBot can write there later (proactive
/// messages, support threads). The reference is the channel's own JSON; the pipeline only stores it.
/// </summary>
public sealed record ConversationRecord(
    string Channel,
    string ConversationKey,
    ConversationScope Scope,
    string ReferenceJson,
    string? UserKey,
    string? TeamKey,
    string? TenantKey,
    string? DisplayName);
