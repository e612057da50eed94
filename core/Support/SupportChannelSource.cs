namespace SesBot.Core.Support;

/// <summary>Where the support channel in use was named.</summary>
public enum SupportChannelSource
{
    /// <summary>An admin chose it in chat; stored in the database.</summary>
    Chosen,

    /// <summary><c>Support:ChannelConversationId</c>, used while nobody has chosen one.</summary>
    Configuration,
}
