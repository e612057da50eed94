using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using SesBot.Bot.Cards;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Tests.Channels.Teams.Connector;
using SesBot.Bot.Tests.Support;
using SesBot.Core.Domain;

namespace SesBot.Bot.Tests.EndToEnd;

/// <summary>
/// The support channel over real HTTP: the real bot process, a recording Connector on 127.0.0.1. An admin picks the
/// channel by @mentioning SesBot in it; a reseller's request then opens its own thread there (POST /v3/conversations).
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class SupportChannelEndToEndTests : IAsyncLifetime
{
    private const string Tenant = "00000000-0000-0000-0000-0000000000001";
    private const string Alex = "00000000-0000-0000-0000-0000000000020";
    private const string Isaiah = "00000000-0000-0000-0000-0000000000023";
    private const string TeamId = "19:ses-support-team@thread.tacv2";
    private const string ChannelId = "19:support-desk@thread.tacv2";
    private const string ThreadId = ChannelId + ";messageid=1764870000001";

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
                        : LocalHttpServer.Json(context, 201, $$"""{"id":"reply-{{request.Number}}"}"""));
        _bot = await BotProcess.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public async Task RemoveFromPayer_AfterAdminChoseTheChannel_OpensAThreadInItWithTheCard()
    {
        // Isaiah (admin) in the team channel: "@SesBot use this channel for support requests".
        var choose = await PostAsync(ChannelMessage("isaiah-1", "<at>SesBot</at> use this channel for support requests"));
        Assert.Equal(HttpStatusCode.OK, choose.StatusCode);
        var answer = Assert.Single(await _connector.WaitForRequestsAsync(Escaped($"/v3/conversations/{ThreadId}/activities/isaiah-1")));
        Assert.Contains("every new request is posted here as its own thread", CardReader.Text(JsonNode.Parse(answer.Body)), StringComparison.Ordinal);

        // Alex (reseller) in the personal chat: remove Adventure Works Web from the payer organization.
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(PersonalMessage("alex-1", "remove account"))).StatusCode);
        var first = Assert.Single(await _connector.WaitForRequestsAsync(Escaped("/v3/conversations/a:support-alex/activities")));
        var card = JsonNode.Parse(first.Body)!["attachments"]![0]!["content"];
        card = await InvokeAsync("alex-2", ActionIds.SelectCustomer, CardReader.ActionData(card, ActionIds.SelectCustomer).With((DataKeys.CustomerId, "c-adventure")));
        card = await InvokeAsync("alex-3", ActionIds.SelectAccount, CardReader.ActionData(card, ActionIds.SelectAccount).With((DataKeys.AccountId, "a-adventure-web")));
        var option = CardReader.Nodes(card).First(o => o["verb"]?.GetValue<string>() == ActionIds.ChooseOption
            && o["data"]?[DataKeys.Option]?.GetValue<string>() == nameof(RemovalOption.AwsRemoveFromPayer));
        card = await InvokeAsync("alex-4", ActionIds.ChooseOption, (JsonObject)option["data"]!.DeepClone());
        card = await InvokeAsync("alex-5", ActionIds.ConfirmRemoveFromPayer, CardReader.ActionData(card, ActionIds.ConfirmRemoveFromPayer));
        var requestId = CardReader.ActionData(card, ActionIds.RefreshStatus)[DataKeys.RequestId]!.GetValue<string>();
        Assert.Contains($"Request {requestId} is submitted.", CardReader.Text(card), StringComparison.Ordinal);
        Assert.DoesNotContain("has not been alerted", CardReader.Text(card), StringComparison.Ordinal);

        // The Connector was asked to create a new conversation in the channel: a thread that starts with the support card.
        var created = Assert.Single(await WaitForAsync(r => r.Method == "POST" && r.RawTarget == "/v3/conversations"));
        var body = JsonNode.Parse(created.Body)!;
        Assert.True(body["isGroup"]!.GetValue<bool>());
        Assert.Equal(ChannelId, body["channelData"]!["channel"]!["id"]!.GetValue<string>());
        Assert.Equal(TeamId, body["channelData"]!["team"]!["id"]!.GetValue<string>());
        Assert.Equal(Tenant, body["channelData"]!["tenant"]!["id"]!.GetValue<string>());
        Assert.Equal("28:sesbot", body["bot"]!["id"]!.GetValue<string>());
        var attachment = body["activity"]!["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment["contentType"]!.GetValue<string>());
        var text = CardReader.Text(attachment["content"]);
        Assert.Contains($"New request {requestId}: Remove from the payer organization", text, StringComparison.Ordinal);
        Assert.Contains("Adventure Works Cycles", text, StringComparison.Ordinal);
        Assert.Contains("345678901234", text, StringComparison.Ordinal);
        Assert.Contains("Northwind Cloud Partners", text, StringComparison.Ordinal);

        // Where the card went is kept with its outbox row, for updating it in place later.
        var result = await ThreadResultAsync(requestId);
        Assert.Contains($"\"activityId\":\"thread-{created.Number}\"", result, StringComparison.Ordinal);
        Assert.Contains($"messageid=thread-{created.Number}", result, StringComparison.Ordinal);
    }

    private async Task<JsonNode?> InvokeAsync(string id, string verb, JsonObject data)
    {
        var invoke = Activity(id, "invoke", "a:support-alex", "personal", Alex, "Alex Wilber");
        invoke["name"] = "adaptiveCard/action";
        invoke["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data } };
        var response = await PostAsync(invoke);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(200, answer!["statusCode"]!.GetValue<int>());
        return answer["value"];
    }

    private async Task<IReadOnlyList<RecordedRequest>> WaitForAsync(Func<RecordedRequest, bool> match)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!_connector.Requests.Any(match) && DateTime.UtcNow < until)
        {
            await Task.Delay(20);
        }

        return [.. _connector.Requests.Where(match)];
    }

    private async Task<string> ThreadResultAsync(string requestId)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            await using var connection = new SqliteConnection($"Data Source={_bot.DatabasePath};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT ResultJson FROM OutboxMessages WHERE Kind = 'msteams.channel-thread' AND IdempotencyKey = $key AND Status = 'Sent'";
            command.Parameters.AddWithValue("$key", $"support-thread:{requestId}");
            if (await command.ExecuteScalarAsync() is string result)
            {
                return result;
            }

            Assert.True(DateTime.UtcNow < until, "The support thread's outbox row was not marked sent.");
            await Task.Delay(50);
        }
    }

    private async Task<HttpResponseMessage> PostAsync(JsonObject activity)
    {
        using var content = JsonContent.Create(activity);
        return await _http.PostAsync(new Uri(_bot.MessagesEndpoint), content);
    }

    private JsonObject PersonalMessage(string id, string text)
    {
        var message = Activity(id, "message", "a:support-alex", "personal", Alex, "Alex Wilber");
        message["text"] = text;
        return message;
    }

    private JsonObject ChannelMessage(string id, string text)
    {
        var message = Activity(id, "message", ThreadId, "channel", Isaiah, "Isaiah Langer");
        message["text"] = text;
        message["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>SesBot</at>",
            ["mentioned"] = new JsonObject { ["id"] = "28:sesbot", ["name"] = "SesBot" },
        });
        message["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = Tenant },
            ["team"] = new JsonObject { ["id"] = TeamId, ["name"] = "SES Support" },
            ["channel"] = new JsonObject { ["id"] = ChannelId, ["name"] = "Requests" },
        };
        return message;
    }

    private JsonObject Activity(string id, string type, string conversationId, string conversationType, string aadObjectId, string name) => new()
    {
        ["type"] = type,
        ["id"] = id,
        ["channelId"] = "msteams",
        ["serviceUrl"] = _connector.Url,
        ["from"] = new JsonObject { ["id"] = "29:" + id, ["name"] = name, ["aadObjectId"] = aadObjectId },
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
