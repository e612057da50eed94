using SesBot.Core.Domain;

namespace SesBot.Core.Support;

/// <summary>
/// A conversation where SES support works requests: each new request is posted there as its own thread. Several may
/// exist later (one per region); today every request goes to the <see cref="DefaultRegion"/> one. The conversation is
/// named by the key its <see cref="Conversations.ConversationAddress"/> is stored under (for Teams, the channel id).
/// </summary>
public sealed class SupportChannel
{
    /// <summary>The region served when no region is named: all requests.</summary>
    public const string DefaultRegion = "default";

    public SupportChannel(string region, string channel, string conversationKey, string? displayName, Actor setBy, DateTimeOffset setAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        Region = region;
        Channel = ConversationKey = SetById = SetByName = string.Empty;
        Change(channel, conversationKey, displayName, setBy, setAt);
    }

    private SupportChannel()
    {
        Region = Channel = ConversationKey = SetById = SetByName = string.Empty;
    }

    public long Id { get; private set; }

    /// <summary>Which requests it serves (<see cref="DefaultRegion"/> for all of them).</summary>
    public string Region { get; private set; }

    /// <summary>The chat channel's name, e.g. <c>msteams</c>.</summary>
    public string Channel { get; private set; }

    /// <summary>The conversation's address key (Teams: the team channel's id, <c>19:…@thread.tacv2</c>).</summary>
    public string ConversationKey { get; private set; }

    /// <summary>What people call it, when the channel told us (the team's name).</summary>
    public string? DisplayName { get; private set; }

    public string SetById { get; private set; }

    public string SetByName { get; private set; }

    public DateTimeOffset SetAt { get; private set; }

    /// <summary>Points the region's support requests to another conversation.</summary>
    public void Change(string channel, string conversationKey, string? displayName, Actor setBy, DateTimeOffset setAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationKey);
        ArgumentNullException.ThrowIfNull(setBy);
        Channel = channel;
        ConversationKey = conversationKey;
        DisplayName = string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim();
        SetById = setBy.Id;
        SetByName = setBy.DisplayName;
        SetAt = setAt.ToUniversalTime();
    }
}
