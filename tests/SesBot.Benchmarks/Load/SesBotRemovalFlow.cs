using System.Text.Json.Nodes;

namespace SesBot.Benchmarks.Load;

/// <summary>
/// SesBot's removal flow as a reseller clicks it in Teams: "remove account", then four <c>Action.Execute</c> clicks,
/// each built from the card SesBot actually sent (its verb and data, the inputs filled in), ending in a submitted
/// removal from the payer organization of an account no other flow touches.
/// </summary>
internal sealed class SesBotRemovalFlow(AccountPool accounts) : IRemovalFlow
{
    public async Task RunAsync(BotConversation conversation, CancellationToken cancellationToken)
    {
        var target = accounts.Next() ?? throw new FlowException($"all {accounts.Size} seeded accounts are used; seed more (--accounts)") { StopsConversation = true };
        var reply = await conversation.MessageAsync("remove account", cancellationToken);
        var card = CardReader.CardOf(reply) ?? throw new FlowException($"\"remove account\" was answered without a card: {reply["text"]}");
        card = await ClickAsync(conversation, card, "selectCustomer", null, new Dictionary<string, string> { ["customerId"] = target.CustomerId }, cancellationToken);
        // Each account is a row with its own Select button: click the target's.
        card = await ClickAsync(conversation, card, "selectAccount", d => (string?)d["accountId"] == target.AccountId, new Dictionary<string, string>(), cancellationToken);
        card = await ClickAsync(conversation, card, "chooseOption", d => (string?)d["option"] == "AwsRemoveFromPayer", new Dictionary<string, string>(), cancellationToken);
        card = await ClickAsync(conversation, card, "confirmRemoveFromPayer", null, new Dictionary<string, string>(), cancellationToken);
        var text = CardReader.Text(card);
        if (!text.Contains("is submitted.", StringComparison.Ordinal))
        {
            throw new FlowException($"the confirmation did not submit a request: {Shorten(text)}");
        }
    }

    private static async Task<JsonObject> ClickAsync(
        BotConversation conversation, JsonObject card, string verb, Func<JsonObject, bool>? dataMatches,
        IReadOnlyDictionary<string, string> filledIn, CancellationToken cancellationToken)
    {
        var action = CardReader.FindExecute(card, verb, dataMatches)
            ?? throw new FlowException($"the card has no {verb} button: {Shorten(CardReader.Text(card))}");
        var response = await conversation.InvokeAsync(verb, CardReader.ClickData(card, action, filledIn), cancellationToken);
        return CardReader.CardOf(response) ?? throw new FlowException($"{verb} was answered without a card: {Shorten(response.ToJsonString())}");
    }

    private static string Shorten(string text) => text.Length <= 240 ? text : text[..240] + "…";
}
