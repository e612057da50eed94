namespace SesBot.Core.Domain;

/// <summary>
/// Where a request was filed, as opaque channel keys (the core never reads them): the channel, the conversation
/// (personal chat, group chat or channel thread), the key its address is stored by, the message that shows the
/// request's status card when the channel said which one it is, and the requester's id in that channel. Updates to the
/// reseller go back there.
/// </summary>
public sealed record RequestOrigin(string Channel, string ConversationKey, string AddressKey, string? CardMessageKey, string? RequesterChannelKey)
{
    public const int KeyLength = 256;
}
