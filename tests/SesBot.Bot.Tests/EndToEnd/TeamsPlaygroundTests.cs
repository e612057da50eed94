using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using SesBot.Bot.Cards;
using SesBot.Bot.Tests.Support;

namespace SesBot.Bot.Tests.EndToEnd;

/// <summary>The Teams channel end to end: the real Microsoft 365 Agents Playground talks to the real bot process.</summary>
[Trait("Category", "EndToEnd")]
public sealed class TeamsPlaygroundTests(TeamsPlaygroundFixture fixture) : IClassFixture<TeamsPlaygroundFixture>
{
    private Playground Playground => fixture.Playground;

    [Fact]
    public async Task Install_PersonalChat_SendsWelcomeCardAndStoresConversation()
    {
        var since = Playground.Mark;

        await Playground.InstallAsync(Playground.PersonalChatId);

        var welcome = await Playground.WaitForBotMessageAsync(since, Playground.PersonalChatId, m => CardText(m).Contains("Hi, I'm SesBot", StringComparison.Ordinal));
        Assert.Contains(Actions(welcome), a => a["verb"]?.GetValue<string>() == ActionIds.StartRemoveAccount);
        Assert.Equal("Personal", await ScalarAsync(
            "SELECT Scope FROM ConversationAddresses WHERE Channel = 'msteams' AND ConversationKey = $key", Playground.PersonalChatId));
    }

    [Fact]
    public async Task Message_Help_RepliesWithHelpCard()
    {
        var since = Playground.Mark;

        await Playground.SendMessageAsync(Playground.PersonalChatId, "help");

        var reply = await Playground.WaitForBotMessageAsync(since, Playground.PersonalChatId, m => CardText(m).Contains("What I can do", StringComparison.Ordinal));
        Assert.Contains("remove account", CardText(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActionExecute_HelpButton_ReplacesTheCard()
    {
        var since = Playground.Mark;
        await Playground.SendMessageAsync(Playground.PersonalChatId, "hello there");
        var card = await Playground.WaitForBotMessageAsync(since, Playground.PersonalChatId, m => Actions(m).Any(a => a["verb"]?.GetValue<string>() == ActionIds.Help));
        var messageId = card["message"]!["messageId"]!.GetValue<string>();

        var response = await Playground.ExecuteAsync(Playground.PersonalChatId, messageId, ActionIds.Help, []);

        Assert.Equal("application/vnd.microsoft.card.adaptive", response["type"]?.GetValue<string>());
        Assert.Equal("AdaptiveCard", response["value"]?["type"]?.GetValue<string>());
        Assert.Contains("What I can do", CardText(response["value"]!.AsObject()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActionSubmit_HelpButtonFallback_UpdatesTheCardInPlace()
    {
        var since = Playground.Mark;
        await Playground.SendMessageAsync(Playground.PersonalChatId, "tell me something");
        var card = await Playground.WaitForBotMessageAsync(since, Playground.PersonalChatId, m => Actions(m).Any(a => a["verb"]?.GetValue<string>() == ActionIds.Help));
        var messageId = card["message"]!["messageId"]!.GetValue<string>();

        since = Playground.Mark;
        await Playground.SubmitAsync(Playground.PersonalChatId, messageId, new JsonObject { ["verb"] = ActionIds.Help });

        var updated = await Playground.WaitForBotMessageAsync(since, Playground.PersonalChatId,
            m => m["messageId"]?.GetValue<string>() == messageId && CardText(m).Contains("What I can do", StringComparison.Ordinal),
            action: "updateMessage");
        Assert.NotNull(updated);
    }

    [Fact]
    public async Task TeamChannel_MessageWithMention_RepliesInThread()
    {
        var since = Playground.Mark;
        await Playground.InstallAsync(Playground.TeamId);
        await Playground.WaitForBotMessageAsync(since, Playground.TeamGeneralChannelId, m => CardText(m).Contains("SesBot is here", StringComparison.Ordinal));

        since = Playground.Mark;
        var posted = await Playground.SendMessageAsync(Playground.TeamGeneralChannelId, "help", mentionBot: true);
        var thread = posted["postConversationId"]!.GetValue<string>();

        var reply = await Playground.WaitForBotMessageAsync(since, thread, m => CardText(m).Contains("What I can do", StringComparison.Ordinal));
        Assert.StartsWith($"{Playground.TeamGeneralChannelId};messageid=", reply["actionConversationId"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("TeamChannel", await ScalarAsync(
            "SELECT Scope FROM ConversationAddresses WHERE Channel = 'msteams' AND ConversationKey = $key", Playground.TeamGeneralChannelId));
    }

    [Fact]
    public async Task GroupChat_MessageWithoutMention_IsIgnored_WithMention_IsAnswered()
    {
        var since = Playground.Mark;
        await Playground.SendMessageAsync(Playground.GroupChatId, "help");
        await Playground.SendMessageAsync(Playground.GroupChatId, "help", mentionBot: true);

        await Playground.WaitForBotMessageAsync(since, Playground.GroupChatId, m => CardText(m).Contains("What I can do", StringComparison.Ordinal));
        await Task.Delay(500);
        var answers = Playground.Events.Skip(since).Count(e =>
            e["actionConversationId"]?.GetValue<string>() == Playground.GroupChatId
            && e["message"]?["from"]?["id"]?.GetValue<string>() == Playground.BotId);
        Assert.Equal(1, answers);
    }

    [Fact]
    public async Task EveryCardTheBotSent_PassesTheOfficialAdaptiveCardsRenderer()
    {
        var since = Playground.Mark;
        await Playground.SendMessageAsync(Playground.PersonalChatId, "what can you do?");
        await Playground.SendMessageAsync(Playground.PersonalChatId, "help");
        await Playground.WaitForBotMessageAsync(since, Playground.PersonalChatId, m => CardText(m).Contains("What I can do", StringComparison.Ordinal));

        var cards = Playground.Events
            .Select((e, i) => (Index: i, Message: e["message"] as JsonObject))
            .SelectMany(e => (e.Message?["attachments"] as JsonArray ?? [])
                .Where(a => a?["contentType"]?.GetValue<string>() == "application/vnd.microsoft.card.adaptive")
                .Select(a => new KeyValuePair<string, string>($"event {e.Index}", a!["content"]!.ToJsonString())))
            .ToList();

        Assert.NotEmpty(cards);
        var invalid = (await AdaptiveCardsRenderer.ValidateManyAsync(cards)).Where(r => !r.Valid).ToList();
        Assert.True(invalid.Count == 0, string.Join("\n", invalid));
    }

    private static string CardText(JsonObject messageOrEvent)
    {
        var message = messageOrEvent["message"] as JsonObject ?? messageOrEvent;
        var texts = Descendants(message)
            .SelectMany(o => new[] { o["text"], o["title"], o["value"] })
            .OfType<JsonValue>()
            .Select(v => v.TryGetValue<string>(out var text) ? text : null)
            .OfType<string>();
        return string.Join("\n", texts);
    }

    private static IEnumerable<JsonObject> Actions(JsonObject messageOrEvent)
    {
        var message = messageOrEvent["message"] as JsonObject ?? messageOrEvent;
        return (message["attachments"] as JsonArray ?? [])
            .SelectMany(a => Descendants(a!["content"]))
            .Where(n => n["type"]?.GetValue<string>() == "Action.Execute");
    }

    private static IEnumerable<JsonObject> Descendants(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var child in obj.Select(p => p.Value).SelectMany(Descendants))
                {
                    yield return child;
                }

                break;
            case JsonArray array:
                foreach (var child in array.SelectMany(Descendants))
                {
                    yield return child;
                }

                break;
        }
    }

    private async Task<string?> ScalarAsync(string sql, string key)
    {
        await using var connection = new SqliteConnection($"Data Source={fixture.Bot.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$key", key);
        return (await command.ExecuteScalarAsync())?.ToString();
    }
}
