namespace SesBot.Bot.Channels.Teams.Connector;

/// <summary>
/// Teams answered 413 <c>MessageSizeTooBig</c>: the activity is over the ~100 KB bot message limit (FACTS §B.6).
/// Not retried; send something smaller (split the card, or link to the details).
/// </summary>
public sealed class MessageTooLargeException : ConnectorException
{
    public MessageTooLargeException()
    {
    }

    public MessageTooLargeException(string message)
        : base(message)
    {
    }

    public MessageTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MessageTooLargeException(ConnectorFailure failure)
        : base(failure)
    {
    }
}
