using System.Net;

namespace SesBot.Bot.Channels.Teams.Connector;

/// <summary>What is known about a failed Connector call; the exceptions are built from it.</summary>
public sealed record ConnectorFailure(
    string Operation,
    HttpStatusCode? StatusCode,
    string? ErrorCode,
    string? CorrelationId,
    bool IsOutcomeUnknown = false)
{
    internal string Describe()
    {
        var status = StatusCode is { } s ? $"{(int)s} {s}" : IsOutcomeUnknown ? "no answer (the request may have been processed)" : "no answer";
        var code = ErrorCode is null ? string.Empty : $" ({ErrorCode})";
        var correlation = CorrelationId is null ? string.Empty : $"; X-Correlating-OperationId {CorrelationId}";
        return $"Bot Connector {Operation} failed: {status}{code}{correlation}.";
    }
}
