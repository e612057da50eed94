namespace SesBot.Core.Conversations;

/// <summary>
/// Where SesBot can write to without being asked: a personal chat with a user, or a team channel. The channel's own
/// reference (service URL, ids, tenant) is kept as opaque JSON: the core never reads it.
/// </summary>
public sealed class ConversationAddress
{
    public ConversationAddress(string channel, string conversationKey, ConversationScope scope, string referenceJson, DateTimeOffset updatedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(referenceJson);
        Channel = channel;
        ConversationKey = conversationKey;
        Scope = scope;
        ReferenceJson = referenceJson;
        UpdatedAt = updatedAt;
    }

    public long Id { get; private set; }

    public string Channel { get; private set; }

    public string ConversationKey { get; private set; }

    public ConversationScope Scope { get; private set; }

    /// <summary>The user of a personal chat (the channel's user id).</summary>
    public string? UserKey { get; set; }

    /// <summary>The team (or workspace) a channel conversation belongs to.</summary>
    public string? TeamKey { get; set; }

    public string? TenantKey { get; set; }

    public string? DisplayName { get; set; }

    public string ReferenceJson { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Set when the channel said the bot may no longer write there (uninstalled, blocked).</summary>
    public DateTimeOffset? BlockedAt { get; private set; }

    public void Refresh(string referenceJson, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(referenceJson);
        ReferenceJson = referenceJson;
        UpdatedAt = at;
        BlockedAt = null;
    }

    public void MarkBlocked(DateTimeOffset at)
    {
        BlockedAt = at;
        UpdatedAt = at;
    }
}
