namespace SesBot.Core.Conversations;

/// <summary>
/// One delivery a channel made to SesBot (an activity id, an event id), recorded in the same transaction as
/// everything its turn changed: the row exists exactly when the turn took effect. A redelivery finds it and gets the
/// answer the first delivery got, without running the turn again.
/// </summary>
public sealed class InboundDelivery
{
    public InboundDelivery(string channel, string conversationKey, string deliveryKey, DateTimeOffset receivedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        ArgumentNullException.ThrowIfNull(conversationKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(deliveryKey);
        Channel = channel;
        ConversationKey = conversationKey;
        DeliveryKey = deliveryKey;
        ReceivedAt = receivedAt;
    }

    public long Id { get; private set; }

    public string Channel { get; private set; }

    /// <summary>The conversation the delivery came from: channels make ids unique per conversation only.</summary>
    public string ConversationKey { get; private set; }

    public string DeliveryKey { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>The synchronous answer the turn gave (a Teams invoke response), returned again to a redelivery.</summary>
    public string? ResponseJson { get; set; }
}
