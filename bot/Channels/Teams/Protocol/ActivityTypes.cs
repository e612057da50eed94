namespace SesBot.Bot.Channels.Teams.Protocol;

/// <summary>Activity <c>type</c> values SesBot handles (Bot Framework Activity schema).</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Invoke = "invoke";
    public const string MessageReaction = "messageReaction";
    public const string Typing = "typing";
}
