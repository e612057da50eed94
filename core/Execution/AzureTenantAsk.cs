using SesBot.Core.Domain;

namespace SesBot.Core.Execution;

/// <summary>
/// Support entered a customer's Microsoft Entra tenant id on a request's pre-flight card: check it against Partner
/// Center and, when the subscription is there, record it. Where the answer goes: the conversation of the click and the
/// clicked card (<paramref name="CardKey"/>, updated in place; null: a new message).
/// </summary>
public sealed record AzureTenantAsk(
    string RequestId, string TenantId, Actor Actor, string? ReplyChannel, string? ReplyConversationKey, string? ReplyAddressKey, string? CardKey);
