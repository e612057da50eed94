namespace SesBot.Bot.Channels.Teams.Connector;

/// <summary>
/// Teams answered 403 <c>MessageWritesBlocked</c>: the user blocked or uninstalled the bot, so nothing was delivered.
/// Not retried. Record it against the conversation and stop messaging it until the bot is installed again.
/// </summary>
public sealed class ConversationBlockedException : ConnectorException
{
    public ConversationBlockedException()
    {
    }

    public ConversationBlockedException(string message)
        : base(message)
    {
    }

    public ConversationBlockedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ConversationBlockedException(ConnectorFailure failure)
        : base(failure)
    {
    }
}
