using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SesBot.Bot.Cards;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Tests.Channels.Teams.Connector;
using SesBot.Bot.Tests.Support;
using SesBot.Core.Domain;

namespace SesBot.Bot.Tests.EndToEnd;

/// <summary>
/// Support works a request over real HTTP: the real bot process and a recording Connector on 127.0.0.1. Alex files in
/// the personal chat; Megan accepts and completes it with invokes in the support thread; the Connector is asked to PUT
/// the support card and Alex's status card in place and to POST the 1:1 messages.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class SupportActionsEndToEndTests : IAsyncLifetime
{
    private const string Tenant = "00000000-0000-0000-0000-0000000000001";
    private const string Alex = "00000000-0000-0000-0000-0000000000020";
    private const string Megan = "00000000-0000-0000-0000-0000000000021";
    private const string Isaiah = "00000000-0000-0000-0000-0000000000023";
    private const string TeamId = "19:ses-support-team@thread.tacv2";
    private const string ChannelId = "19:support-desk@thread.tacv2";
    private const string AlexChat = "a:support-alex";
    private const string AlexCard = "alex-card-1";

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private LocalHttpServer _connector = null!;
    private BotProcess _bot = null!;

    public async Task InitializeAsync()
    {
        _connector = await LocalHttpServer.StartAsync((context, request) =>
            ConnectorTestHost.IsTokenRequest(request)
                ? ConnectorTestHost.TokenResponse(context, "e2e-bot-token")
                : request.Method == "GET"
                    ? LocalHttpServer.Json(context, 200, """{"id":"29:unknown","name":"Nobody"}""")
                    : request.RawTarget == "/v3/conversations"
                        ? LocalHttpServer.Json(context, 201, $$"""{"id":"{{ChannelId}};messageid=thread-{{request.Number}}","activityId":"thread-{{request.Number}}"}""")
                        : LocalHttpServer.Json(context, request.Method == "PUT" ? 200 : 201, $$"""{"id":"activity-{{request.Number}}"}"""));
        _bot = await BotProcess.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public async Task AcceptAndComplete_InTheThread_PutsBothCardsAndMessagesAlex()
    {
        await PostAsync(ChannelMessage("isaiah-1", ChannelId + ";messageid=isaiah-1", Isaiah, "Isaiah Langer", "<at>SesBot</at> use this channel for support requests"));
        await _connector.WaitForRequestsAsync(Escaped($"/v3/conversations/{ChannelId};messageid=isaiah-1/activities/isaiah-1"));

        // Alex files a removal from the payer organization in the personal chat.
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(PersonalMessage("alex-1", "remove account"))).StatusCode);
        var first = Assert.Single(await _connector.WaitForRequestsAsync(Escaped($"/v3/conversations/{AlexChat}/activities")));
        var card = JsonNode.Parse(first.Body)!["attachments"]![0]!["content"];
        card = await AlexInvokeAsync("alex-2", ActionIds.SelectCustomer, CardReader.ActionData(card, ActionIds.SelectCustomer).With((DataKeys.CustomerId, "c-adventure")));
        card = await AlexInvokeAsync("alex-3", ActionIds.SelectAccount, CardReader.ActionData(card, ActionIds.SelectAccount).With((DataKeys.AccountId, "a-adventure-web")));
        card = await AlexInvokeAsync("alex-4", ActionIds.ChooseOption, CardReader.ActionData(card, ActionIds.ChooseOption, DataKeys.Option, nameof(RemovalOption.AwsRemoveFromPayer)));
        card = await AlexInvokeAsync("alex-5", ActionIds.ConfirmRemoveFromPayer, CardReader.ActionData(card, ActionIds.ConfirmRemoveFromPayer));
        var requestId = CardReader.ActionData(card, ActionIds.RefreshStatus)[DataKeys.RequestId]!.GetValue<string>();

        // The thread opens with the support card, which carries the buttons valid now.
        var created = Assert.Single(await WaitForAsync(r => r.Method == "POST" && r.RawTarget == "/v3/conversations"));
        var supportCard = JsonNode.Parse(created.Body)!["activity"]!["attachments"]![0]!["content"];
        var thread = $"{ChannelId};messageid=thread-{created.Number}";
        var root = $"thread-{created.Number}";

        // Megan accepts in the thread: her invoke is answered with the card as it is now.
        var accepted = await MeganInvokeAsync("megan-1", thread, root, ActionIds.SupportAccept, CardReader.ActionData(supportCard, ActionIds.SupportAccept));
        var text = CardReader.Text(accepted);
        Assert.Contains("Accepted by support", text, StringComparison.Ordinal);
        Assert.Contains("Megan Bowen", text, StringComparison.Ordinal);

        // The Connector is asked to update the thread's card for everyone, Alex's status card in place, and to message Alex.
        var supportPut = await WaitForAsync(r => r.Method == "PUT" && r.RawTarget == Escaped($"/v3/conversations/{thread}/activities/{root}"));
        Assert.Contains("Accepted by support", CardReader.Text(JsonNode.Parse(supportPut[^1].Body)!["attachments"]![0]!["content"]), StringComparison.Ordinal);
        var statusPut = await WaitForAsync(r => r.Method == "PUT" && r.RawTarget == Escaped($"/v3/conversations/{AlexChat}/activities/{AlexCard}"));
        Assert.Contains("Accepted by support", CardReader.Text(JsonNode.Parse(statusPut[^1].Body)!["attachments"]![0]!["content"]), StringComparison.Ordinal);
        var notice = await WaitForTextAsync($"/v3/conversations/{AlexChat}/activities", $"SES support (Megan Bowen) accepted your request {requestId}");

        // Megan records the removal from the payer organization: completed, and Alex learns what to invoice.
        var done = await MeganInvokeAsync("megan-2", thread, root, ActionIds.SupportRemovedFromPayer, CardReader.ActionData(accepted, ActionIds.SupportRemovedFromPayer));
        Assert.Contains("Completed", CardReader.Text(done), StringComparison.Ordinal);
        Assert.Equal(2, (await WaitForAsync(r => r.Method == "PUT" && r.RawTarget == Escaped($"/v3/conversations/{thread}/activities/{root}"), 2)).Count);
        Assert.Equal(2, (await WaitForAsync(r => r.Method == "PUT" && r.RawTarget == Escaped($"/v3/conversations/{AlexChat}/activities/{AlexCard}"), 2)).Count);
        var completed = await WaitForTextAsync($"/v3/conversations/{AlexChat}/activities", $"Request {requestId} is completed: the account was removed from the payer organization");
        Assert.Contains("To invoice for the part of the month the account was linked", completed, StringComparison.Ordinal);
        Assert.NotEqual(notice, completed);

        // Alex may not use the support card's buttons, even with its data.
        var forged = await InvokeAsync(Activity("alex-6", "invoke", AlexChat, "personal", Alex, "Alex Wilber"), ActionIds.SupportReject,
            new JsonObject { [DataKeys.RequestId] = requestId, [DataKeys.Version] = "3", ["rejectReason"] = "mine" }, AlexCard);
        Assert.Contains("Only SES support", CardReader.Text(forged), StringComparison.Ordinal);
    }

    private Task<JsonNode?> AlexInvokeAsync(string id, string verb, JsonObject data) =>
        InvokeAsync(Activity(id, "invoke", AlexChat, "personal", Alex, "Alex Wilber"), verb, data, AlexCard);

    private Task<JsonNode?> MeganInvokeAsync(string id, string thread, string root, string verb, JsonObject data)
    {
        var invoke = Activity(id, "invoke", thread, "channel", Megan, "Megan Bowen");
        invoke["channelData"] = ChannelData();
        return InvokeAsync(invoke, verb, data, root);
    }

    private async Task<JsonNode?> InvokeAsync(JsonObject invoke, string verb, JsonObject data, string replyToId)
    {
        invoke["name"] = "adaptiveCard/action";
        invoke["replyToId"] = replyToId;
        invoke["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data.DeepClone() } };
        var response = await PostAsync(invoke);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(200, answer!["statusCode"]!.GetValue<int>());
        return answer["value"];
    }

    private async Task<IReadOnlyList<RecordedRequest>> WaitForAsync(Func<RecordedRequest, bool> match, int count = 1)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (_connector.Requests.Count(match) < count && DateTime.UtcNow < until)
        {
            await Task.Delay(20);
        }

        var found = _connector.Requests.Where(match).ToList();
        Assert.True(found.Count >= count, $"The Connector saw {found.Count} matching request(s), expected {count}. Bot output:\n{_bot.Output}");
        return found;
    }

    /// <summary>Waits for a POST to <paramref name="path"/> whose card or text contains <paramref name="text"/>; returns its text.</summary>
    private async Task<string> WaitForTextAsync(string path, string text)
    {
        var found = await WaitForAsync(r => r.Method == "POST" && r.RawTarget == Escaped(path) && Body(r).Contains(text, StringComparison.Ordinal));
        return Body(found[0]);

        static string Body(RecordedRequest r)
        {
            var activity = JsonNode.Parse(r.Body)!;
            return activity["attachments"]?[0]?["content"] is { } content ? CardReader.Text(content) : activity["text"]?.GetValue<string>() ?? string.Empty;
        }
    }

    private async Task<HttpResponseMessage> PostAsync(JsonObject activity)
    {
        using var content = JsonContent.Create(activity);
        return await _http.PostAsync(new Uri(_bot.MessagesEndpoint), content);
    }

    private JsonObject PersonalMessage(string id, string text)
    {
        var message = Activity(id, "message", AlexChat, "personal", Alex, "Alex Wilber");
        message["text"] = text;
        return message;
    }

    private JsonObject ChannelMessage(string id, string conversationId, string aadObjectId, string name, string text)
    {
        var message = Activity(id, "message", conversationId, "channel", aadObjectId, name);
        message["text"] = text;
        message["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>SesBot</at>",
            ["mentioned"] = new JsonObject { ["id"] = "28:sesbot", ["name"] = "SesBot" },
        });
        message["channelData"] = ChannelData();
        return message;
    }

    private static JsonObject ChannelData() => new()
    {
        ["tenant"] = new JsonObject { ["id"] = Tenant },
        ["team"] = new JsonObject { ["id"] = TeamId, ["name"] = "SES Support" },
        ["channel"] = new JsonObject { ["id"] = ChannelId, ["name"] = "Requests" },
    };

    private JsonObject Activity(string id, string type, string conversationId, string conversationType, string aadObjectId, string name) => new()
    {
        ["type"] = type,
        ["id"] = id,
        ["channelId"] = "msteams",
        ["serviceUrl"] = _connector.Url,
        ["from"] = new JsonObject { ["id"] = "29:" + aadObjectId, ["name"] = name, ["aadObjectId"] = aadObjectId },
        ["recipient"] = new JsonObject { ["id"] = "28:sesbot", ["name"] = "SesBot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = conversationType, ["tenantId"] = Tenant },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Tenant } },
    };

    /// <summary>A Connector path as the client sends it: the ids are URL-escaped.</summary>
    private static string Escaped(string path)
    {
        var parts = path.Split('/');
        return string.Join('/', parts.Select((p, i) => i == 3 || i == 5 ? Uri.EscapeDataString(p) : p));
    }
}
