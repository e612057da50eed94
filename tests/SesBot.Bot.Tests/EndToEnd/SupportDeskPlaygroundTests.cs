using System.Text.Json.Nodes;
using SesBot.Bot.Cards;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Tests.Support;
using SesBot.Core.Domain;

namespace SesBot.Bot.Tests.EndToEnd;

/// <summary>
/// The support desk end to end through the real Agents Playground and the real bot process: Isaiah (admin) picks the
/// team channel, Alex files in his personal chat, the support card opens its own thread in the channel, Megan works it
/// there, and what the Playground received (new messages and in-place updates, from its websocket) is checked along with
/// the bot's database. The Playground sends each person's AAD object id, which is how the bot knows who clicked.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class SupportDeskPlaygroundTests(TeamsPlaygroundFixture fixture) : IClassFixture<TeamsPlaygroundFixture>
{
    private const string Refused = "Only SES support can act on support cards; nothing was changed.";

    private Playground Playground => fixture.Playground;

    [Fact]
    public async Task RemoveFromPayer_WorkedInTheChannelThread_UpdatesBothCardsInPlaceAndMessagesAlex()
    {
        var megan = Playground.UserId("Megan Bowen");
        Assert.Equal(Playground.UserId("Alex Wilber"), Playground.CurrentUserId);
        var channel = Playground.TeamGeneralChannelId;
        var since = Playground.Mark;
        await Playground.InstallAsync(Playground.TeamId);
        await Playground.WaitForBotMessageAsync(since, channel, m => CardReader.Text(m).Contains("SesBot is here", StringComparison.Ordinal));

        // Megan (support, not an admin) may not choose the channel.
        since = Playground.Mark;
        await SayInChannelAsync("Megan Bowen", "use this channel for support requests");
        await WaitForEventAsync(since, "createMessage", e => InChannel(e, channel)
            && CardReader.Text(e["message"]).Contains("Only an SES admin can choose the support channel.", StringComparison.Ordinal));
        Assert.Empty(await SqliteFile.ReadAsync(fixture.Bot.DatabasePath, "SELECT ConversationKey FROM SupportChannels"));

        // 1. Isaiah, an admin, makes the team's channel the support channel.
        since = Playground.Mark;
        await SayInChannelAsync("Isaiah Langer", "use this channel for support requests");
        var answer = await WaitForEventAsync(since, "createMessage", e => InChannel(e, channel));
        var chosen = Assert.Single(await SqliteFile.ReadAsync(fixture.Bot.DatabasePath, "SELECT ConversationKey, SetByName FROM SupportChannels"));
        Assert.Equal([channel, "Isaiah Langer"], [(string)chosen["ConversationKey"]!, (string)chosen["SetByName"]!]);
        Assert.DoesNotContain("Only an SES admin", CardReader.Text(answer["message"]), StringComparison.Ordinal);

        // 2. Alex files a removal from the payer organization in his personal chat, clicking the buttons the bot sent.
        var (statusId, card) = await StartAsync();
        card = await AlexClickAsync(statusId, card, ActionIds.SelectCustomer, CardReader.ActionData(card, ActionIds.SelectCustomer).With((DataKeys.CustomerId, "c-adventure")));
        card = await AlexClickAsync(statusId, card, ActionIds.SelectAccount, CardReader.ActionData(card, ActionIds.SelectAccount).With((DataKeys.AccountId, "a-adventure-web")));
        card = await AlexClickAsync(statusId, card, ActionIds.ChooseOption,
            CardReader.ActionData(card, ActionIds.ChooseOption, DataKeys.Option, nameof(RemovalOption.AwsRemoveFromPayer)));
        since = Playground.Mark;
        card = await AlexClickAsync(statusId, card, ActionIds.ConfirmRemoveFromPayer, CardReader.ActionData(card, ActionIds.ConfirmRemoveFromPayer));
        Assert.Contains("is submitted", CardReader.Text(card), StringComparison.Ordinal);
        var requestId = CardReader.ActionData(card, ActionIds.RefreshStatus)[DataKeys.RequestId]!.GetValue<string>();

        // 3. The support card opens a thread of its own in the channel: a new post, not a reply in Isaiah's thread.
        // The Playground files a new post under the channel itself and names its thread in postConversationId.
        var opened = await WaitForEventAsync(since, "createMessage",
            e => Conversation(e) == channel && CardReader.Text(e["message"]).Contains(requestId, StringComparison.Ordinal));
        var root = MessageId(opened);
        var thread = Thread(opened);
        Assert.Equal($"{channel};messageid={root}", thread);
        Assert.NotEqual(Thread(answer), thread);
        var supportCard = Card(opened);
        Assert.True(CardReader.HasAction(supportCard, ActionIds.SupportAssign), supportCard.ToJsonString());
        Assert.Contains("Alex Wilber", CardReader.Text(supportCard), StringComparison.Ordinal);

        // 4a. Megan assigns it to herself in the thread.
        since = Playground.Mark;
        var assigned = await ClickAsync(thread, root, ActionIds.SupportAssign, CardReader.ActionData(supportCard, ActionIds.SupportAssign), megan);
        Assert.Contains("Megan Bowen", CardReader.Text(assigned), StringComparison.Ordinal);
        var update = await WaitForUpdateAsync(since, thread, root, "Megan Bowen");
        Assert.Equal("Submitted", await StatusAsync(requestId));

        // 6. Alex (a reseller, and the requester) clicks Accept on the same card in the channel: refused, nothing changes.
        var before = await RowAsync(requestId);
        since = Playground.Mark;
        var refused = await ClickAsync(thread, root, ActionIds.SupportAccept, CardReader.ActionData(assigned, ActionIds.SupportAccept), Playground.CurrentUserId);
        Assert.Contains(Refused, CardReader.Text(refused), StringComparison.Ordinal);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(before, await RowAsync(requestId));
        Assert.DoesNotContain(Playground.Events.Skip(since), e => e["message"]?["from"]?["id"]?.GetValue<string>() == Playground.BotId);

        // 4b. Megan accepts: the support card and Alex's status card are updated in place, and Alex is told.
        since = Playground.Mark;
        var accepted = await ClickAsync(thread, root, ActionIds.SupportAccept, CardReader.ActionData(assigned, ActionIds.SupportAccept), megan);
        Assert.Contains("Accepted by support", CardReader.Text(accepted), StringComparison.Ordinal);
        update = await WaitForUpdateAsync(since, thread, root, "Accepted by support");
        Assert.NotEqual(supportCard.ToJsonString(), Card(update).ToJsonString());
        await WaitForUpdateAsync(since, Playground.PersonalChatId, statusId, "Accepted by support");
        var notice = await Playground.WaitForBotMessageAsync(since, Playground.PersonalChatId,
            m => CardReader.Text(m).Contains($"SES support (Megan Bowen) accepted your request {requestId}", StringComparison.Ordinal));
        Assert.NotEqual(statusId, MessageId(notice));
        Assert.Equal("Accepted", await StatusAsync(requestId));

        // 4c. Megan records the removal from the payer organization: completed everywhere, and Alex gets the invoice figures.
        since = Playground.Mark;
        var done = await ClickAsync(thread, root, ActionIds.SupportRemovedFromPayer, CardReader.ActionData(accepted, ActionIds.SupportRemovedFromPayer), megan);
        Assert.Contains("Completed", CardReader.Text(done), StringComparison.Ordinal);
        await WaitForUpdateAsync(since, thread, root, "Completed");
        await WaitForUpdateAsync(since, Playground.PersonalChatId, statusId, "Completed");
        var completed = await Playground.WaitForBotMessageAsync(since, Playground.PersonalChatId,
            m => CardReader.Text(m).Contains($"Request {requestId} is completed: the account was removed from the payer organization", StringComparison.Ordinal));
        var figures = CardReader.Text(completed["message"]);
        Assert.Contains("To invoice for the part of the month the account was linked:", figures, StringComparison.Ordinal);
        Assert.Contains("Linked this month", figures, StringComparison.Ordinal);
        Assert.Matches(@"\d+ of (28|29|30|31)", figures);
        Assert.Contains("Share of the month", figures, StringComparison.Ordinal);
        Assert.Equal("Completed", await StatusAsync(requestId));

        // The thread's root post is the card that was updated: no second support card was posted for the request.
        Assert.Single(Playground.Events, e => e["action"]?.GetValue<string>() == "createMessage"
            && InChannel(e, channel) && CardReader.Text(e["message"]).Contains($"New request {requestId}", StringComparison.Ordinal));
    }

    /// <summary>
    /// A channel post by someone other than the Playground's current user, mentioning the bot. The Playground's message
    /// route always sends its current user (Alex) as <c>from</c>, so this goes through its custom activity route
    /// ("Mock an Activity"), shaped as the Playground shapes a channel post: its template, the person's ids, the mention
    /// and the channelData it adds.
    /// </summary>
    private async Task SayInChannelAsync(string person, string text)
    {
        var user = Playground.User(person);
        var channel = Playground.TeamGeneralChannelId;
        var mention = $"<at>{Playground.BotName}</at>";
        var activity = await Playground.CustomActivityTemplateAsync(channel);
        activity["type"] = "message";
        activity["from"] = new JsonObject { ["id"] = user["id"]!.GetValue<string>(), ["name"] = person, ["aadObjectId"] = user["aadObjectId"]!.GetValue<string>() };
        activity["text"] = $"{mention} {text}";
        activity["textFormat"] = "plain";
        activity["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["mentioned"] = new JsonObject { ["id"] = Playground.BotId, ["name"] = Playground.BotName },
            ["text"] = mention,
        });
        var tenant = activity["conversation"]!["tenantId"]!.GetValue<string>();
        activity["channelData"] = new JsonObject
        {
            ["teamsChannelId"] = channel,
            ["teamsTeamId"] = Playground.TeamId,
            ["tenant"] = new JsonObject { ["id"] = tenant },
            ["team"] = new JsonObject { ["id"] = Playground.TeamId },
            ["channel"] = new JsonObject { ["id"] = channel },
        };
        await Playground.SendCustomActivityAsync(activity);
    }

    private static bool InChannel(JsonObject e, string channel) =>
        Conversation(e) == channel || Conversation(e).StartsWith(channel + ";messageid=", StringComparison.Ordinal);

    private async Task<(string MessageId, JsonNode Card)> StartAsync()
    {
        var since = Playground.Mark;
        await Playground.SendMessageAsync(Playground.PersonalChatId, "remove account");
        var posted = await Playground.WaitForBotMessageAsync(since, Playground.PersonalChatId,
            m => CardReader.Text(m).Contains("Which customer?", StringComparison.Ordinal));
        return (MessageId(posted), Card(posted));
    }

    private Task<JsonNode> AlexClickAsync(string messageId, JsonNode card, string verb, JsonObject data)
    {
        Assert.True(CardReader.HasAction(card, verb), card.ToJsonString());
        return ClickAsync(Playground.PersonalChatId, messageId, verb, data, Playground.CurrentUserId);
    }

    private async Task<JsonNode> ClickAsync(string conversationId, string messageId, string verb, JsonObject data, string userId)
    {
        var response = await Playground.ExecuteAsync(conversationId, messageId, verb, data, userId);
        Assert.True(response["type"]?.GetValue<string>() == "application/vnd.microsoft.card.adaptive", response.ToJsonString());
        return response["value"]!;
    }

    /// <summary>
    /// The bot's in-place update of message <paramref name="messageId"/> whose card says <paramref name="text"/>, in the
    /// conversation or, for a channel thread, the thread's channel (where the Playground files the thread's root post).
    /// </summary>
    private Task<JsonObject> WaitForUpdateAsync(int since, string conversationId, string messageId, string text) =>
        WaitForEventAsync(since, "updateMessage", e => (Conversation(e) == conversationId || conversationId.StartsWith(Conversation(e) + ";messageid=", StringComparison.Ordinal))
            && MessageId(e) == messageId && CardReader.Text(e["message"]).Contains(text, StringComparison.Ordinal));

    private async Task<JsonObject> WaitForEventAsync(int since, string action, Func<JsonObject, bool> match)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < until)
        {
            var found = Playground.Events.Skip(since).FirstOrDefault(e => e["action"]?.GetValue<string>() == action
                && e["message"]?["from"]?["id"]?.GetValue<string>() == Playground.BotId && match(e));
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No matching '{action}'. Seen:\n{string.Join("\n", Playground.Events.Skip(since).Select(e => e.ToJsonString()))}\nBot:\n{fixture.Bot.Output}");
    }

    /// <summary>The thread a channel post opened (the Playground's postConversationId), else the event's conversation.</summary>
    private static string Thread(JsonObject e) => e["message"]?["postConversationId"]?.GetValue<string>() ?? Conversation(e);

    private static string Conversation(JsonObject e) => e["actionConversationId"]?.GetValue<string>() ?? string.Empty;

    private static string MessageId(JsonObject e) => e["message"]!["messageId"]!.GetValue<string>();

    private static JsonNode Card(JsonObject e) => e["message"]!["attachments"]![0]!["content"]!;

    private async Task<string> StatusAsync(string requestId) => (await RowAsync(requestId))[0];

    /// <summary>The request as stored: status, version, assignee, and how many audit rows it has.</summary>
    private async Task<string[]> RowAsync(string requestId)
    {
        var rows = await SqliteFile.ReadAsync(fixture.Bot.DatabasePath, $"""
            SELECT r.Status, r.Version, r.AssignedToId, (SELECT COUNT(*) FROM AuditEvents e WHERE e.EntityId = r.Id) AS Audit
            FROM RemovalRequests r WHERE r.Id = '{requestId.Replace("'", "''", StringComparison.Ordinal)}'
            """);
        var row = Assert.Single(rows);
        return [.. row.Values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "<null>")];
    }
}
