using System.Net;

namespace SesBot.Bot.Channels.Teams.Connector;

/// <summary>A Bot Connector call failed after the retries it was allowed.</summary>
public class ConnectorException : Exception
{
    public ConnectorException()
    {
    }

    public ConnectorException(string message)
        : base(message)
    {
    }

    public ConnectorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ConnectorException(ConnectorFailure failure, Exception? innerException = null)
        : base(failure?.Describe(), innerException)
    {
        ArgumentNullException.ThrowIfNull(failure);
        Operation = failure.Operation;
        StatusCode = failure.StatusCode;
        ErrorCode = failure.ErrorCode;
        CorrelationId = failure.CorrelationId;
        IsOutcomeUnknown = failure.IsOutcomeUnknown;
    }

    /// <summary>Which call failed, e.g. <c>SendToConversation</c>.</summary>
    public string? Operation { get; }

    /// <summary>The HTTP status; <see langword="null"/> when no answer came (connection failure or timeout).</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The Connector's <c>error.code</c> (or Teams' <c>subCode</c>), e.g. <c>MessageSizeTooBig</c>.</summary>
    public string? ErrorCode { get; }

    /// <summary>The <c>X-Correlating-OperationId</c> response header: quote it to Microsoft support.</summary>
    public string? CorrelationId { get; }

    /// <summary>
    /// A POST was sent but no answer came back (timeout, connection reset): the Connector may or may not have stored it,
    /// so it was not replayed. The caller decides (usually: record it and do not send twice).
    /// </summary>
    public bool IsOutcomeUnknown { get; }
}
