using SesBot.Bot.Pipeline.Outbox;
using SesBot.Core.Email;
using SesBot.Core.Outbox;

namespace SesBot.Bot.Tests.Outbox;

public sealed class OutboxPayloadTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 15, 10, 30, 0, TimeSpan.Zero);

    [Fact]
    public void TryRead_MalformedPayload_FailedWithTheReason()
    {
        var message = new OutboxMessage(UnlinkInstructionsOutbox.Kind, "k-1", "o-1", "{\"requestId\": ", Now);

        Assert.False(OutboxPayload.TryRead(message, UnlinkInstructionsOutbox.RequestIdOf, out var requestId, out var unreadable));

        Assert.Null(requestId);
        Assert.Equal(OutboxOutcomeKind.Failed, unreadable.Kind);
        Assert.StartsWith("The message could not be read: ", unreadable.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_PayloadWithoutRequest_Failed()
    {
        var message = new OutboxMessage(UnlinkInstructionsOutbox.Kind, "k-1", "o-1", "{}", Now);

        Assert.False(OutboxPayload.TryRead(message, UnlinkInstructionsOutbox.RequestIdOf, out _, out var unreadable));
        Assert.Contains("names no request", unreadable.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_WellFormed_ThePayload()
    {
        var message = new OutboxMessage(UnlinkInstructionsOutbox.Kind, "k-1", "o-1", "{\"requestId\":\"R-1001\"}", Now);

        Assert.True(OutboxPayload.TryRead(message, UnlinkInstructionsOutbox.RequestIdOf, out var requestId, out var unreadable));
        Assert.Equal("R-1001", requestId);
        Assert.Null(unreadable);
    }

    [Fact]
    public void TryRead_OtherException_NotSwallowed()
    {
        var message = new OutboxMessage(UnlinkInstructionsOutbox.Kind, "k-1", "o-1", "{}", Now);

        Assert.Throws<InvalidOperationException>(() =>
            OutboxPayload.TryRead<string>(message, _ => throw new InvalidOperationException("a bug, not a payload"), out _, out _));
    }
}
