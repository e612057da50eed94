namespace SesBot.Benchmarks.Load;

/// <summary>One run of the 5-turn removal flow (remove account → customer → account → option → confirmation) in a conversation.</summary>
internal interface IRemovalFlow
{
    Task RunAsync(BotConversation conversation, CancellationToken cancellationToken);
}
