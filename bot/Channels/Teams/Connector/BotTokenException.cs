using System.Net;

namespace SesBot.Bot.Channels.Teams.Connector;

/// <summary>The bot could not get a Bot Connector token. Carries the login endpoint's error code, never the secret or a token.</summary>
public sealed class BotTokenException : Exception
{
    public BotTokenException()
    {
    }

    public BotTokenException(string message)
        : base(message)
    {
    }

    public BotTokenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public BotTokenException(string message, HttpStatusCode? statusCode, string? errorCode, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
    }

    public HttpStatusCode? StatusCode { get; }

    /// <summary>The OAuth <c>error</c> value, e.g. <c>invalid_client</c>.</summary>
    public string? ErrorCode { get; }
}
