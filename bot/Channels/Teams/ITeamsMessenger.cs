using SesBot.Bot.Channels.Teams.Protocol;

namespace SesBot.Bot.Channels.Teams;

/// <summary>What the Teams channel needs from the Bot Connector to answer a turn.</summary>
public interface ITeamsMessenger
{
    /// <summary>Posts into a conversation; returns the new message id.</summary>
    Task<string?> SendAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken);

    /// <summary>Replies to a message (in a channel: in its thread); returns the new message id.</summary>
    Task<string?> ReplyAsync(string serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken cancellationToken);

    /// <summary>Replaces a message the bot sent earlier (a card updated in place).</summary>
    Task UpdateAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken);
}
