namespace SesBot.Core.Support;

/// <summary>
/// Configuration section <c>Support</c>. A support channel chosen in chat (stored in the database) wins over the one
/// named here; this one serves until an admin chooses.
/// </summary>
public sealed class SupportOptions
{
    public const string Section = "Support";

    /// <summary>The conversation key of the support channel (Teams: the channel id, <c>19:…@thread.tacv2</c>).</summary>
    public string? ChannelConversationId { get; set; }

    /// <summary>The chat channel <see cref="ChannelConversationId"/> belongs to.</summary>
    public string Channel { get; set; } = "msteams";
}
