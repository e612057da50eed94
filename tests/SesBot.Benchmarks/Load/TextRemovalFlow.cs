namespace SesBot.Benchmarks.Load;

/// <summary>
/// The removal flow as five typed turns, for the JavaScript peer (which prompts with text) and the bare floor: each
/// answer is taken from the choices of the card the bot sent, when it sent one.
/// </summary>
internal sealed class TextRemovalFlow(bool expectSubmitted) : IRemovalFlow
{
    private int flows;

    public async Task RunAsync(BotConversation conversation, CancellationToken cancellationToken)
    {
        var n = Interlocked.Increment(ref flows);
        var reply = await conversation.MessageAsync("remove account", cancellationToken);
        reply = await conversation.MessageAsync(Pick(reply, c => c.Count > 0 ? c[n % c.Count] : null, $"Customer {n % 40} Ltd"), cancellationToken);
        reply = await conversation.MessageAsync(Pick(reply, c => c.FirstOrDefault(x => x.StartsWith("AWS ", StringComparison.Ordinal)), "AWS 100000000003"), cancellationToken);
        reply = await conversation.MessageAsync(Pick(reply, c => c.FirstOrDefault(x => x == "remove from payer") ?? (c.Count > 0 ? c[0] : null), "remove from payer"), cancellationToken);
        reply = await conversation.MessageAsync(Pick(reply, c => c.FirstOrDefault(x => x == "yes"), "yes"), cancellationToken);
        var text = (string?)reply["text"] ?? string.Empty;
        if (expectSubmitted && !text.StartsWith("Request submitted", StringComparison.Ordinal))
        {
            throw new FlowException($"the last turn did not submit: {text}");
        }
    }

    private static string Pick(System.Text.Json.Nodes.JsonObject reply, Func<IReadOnlyList<string>, string?> choose, string otherwise)
    {
        if (CardReader.CardOf(reply) is not { } card)
        {
            return otherwise;
        }

        return choose([.. CardReader.Choices(card).Select(c => c.Value)]) ?? otherwise;
    }
}
