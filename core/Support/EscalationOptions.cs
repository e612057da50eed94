namespace SesBot.Core.Support;

/// <summary>
/// <c>Support:Escalation</c>: who hears about a request support has left waiting past <c>Support:EscalateAfter</c>.
/// A person (1:1 chat) wins over a channel; with neither, the escalation goes into the request's support thread.
/// </summary>
public sealed class EscalationOptions
{
    /// <summary>The escalation person's email as the SesBot directory knows it (they must have chatted with SesBot once).</summary>
    public string? Email { get; set; }

    /// <summary>A channel's conversation key (Teams: <c>19:…@thread.tacv2</c>) where each escalation opens a thread.</summary>
    public string? ChannelConversationId { get; set; }

    /// <summary>The chat channel of <see cref="ChannelConversationId"/>.</summary>
    public string Channel { get; set; } = "msteams";
}
