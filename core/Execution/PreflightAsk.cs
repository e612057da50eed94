namespace SesBot.Core.Execution;

/// <summary>Someone asked to check a request's account: where to post what the provider says.</summary>
public sealed record PreflightAsk(string RequestId, string? ReplyChannel, string? ReplyConversationKey, string? ReplyAddressKey);
