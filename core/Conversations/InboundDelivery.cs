namespace SesBot.Core.Conversations;

/// <summary>One delivery a channel made to SesBot (an activity id, an event id). Recorded once, so a redelivery is seen as such.</summary>
public sealed class InboundDelivery
{
    public InboundDelivery(string channel, string deliveryKey, DateTimeOffset receivedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        ArgumentException.ThrowIfNullOrWhiteSpace(deliveryKey);
        Channel = channel;
        DeliveryKey = deliveryKey;
        ReceivedAt = receivedAt;
    }

    public long Id { get; private set; }

    public string Channel { get; private set; }

    public string DeliveryKey { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }
}
