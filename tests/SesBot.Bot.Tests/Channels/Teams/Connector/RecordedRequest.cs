namespace SesBot.Bot.Tests.Channels.Teams.Connector;

/// <summary>What the local server received, as it arrived on the wire.</summary>
internal sealed record RecordedRequest(
    int Number,
    string Method,
    string RawTarget,
    string? Authorization,
    string? ContentType,
    string Body,
    DateTimeOffset ReceivedAt);
