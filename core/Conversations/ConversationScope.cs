namespace SesBot.Core.Conversations;

/// <summary>What kind of conversation an address points at.</summary>
public enum ConversationScope
{
    Personal,
    GroupChat,
    TeamChannel,
}
