using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using SesBot.Bot.Tests.Channels.Teams.Connector;
using SesBot.Bot.Tests.Support;

namespace SesBot.Bot.Tests.EndToEnd;

/// <summary>
/// <c>POST /api/messages</c> over real HTTP on the real bot process, with a recording Connector on 127.0.0.1: what
/// the Playground does not exercise (redelivery, typeahead, malformed bodies, unknown invokes, authentication on).
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class TeamsEndpointTests(TeamsEndpointTests.BotWithRecordingConnector fixture) : IClassFixture<TeamsEndpointTests.BotWithRecordingConnector>
{
    private const string Tenant = "00000000-0000-0000-0000-0000000000001";
    private const string Alex = "00000000-0000-0000-0000-0000000000020";

    private LocalHttpServer Connector => fixture.Connector;

    private BotProcess Bot => fixture.Bot;

    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task Message_DeliveredTwice_IsAnsweredOnce()
    {
        var activity = Message("delivery-1", "help");

        var first = await PostAsync(activity);
        var second = await PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        await Connector.WaitForRequestsAsync("/v3/conversations/a%3Adelivery-1/activities", count: 2, timeout: TimeSpan.FromSeconds(2));
        Assert.Single(Connector.RequestsTo("/v3/conversations/a%3Adelivery-1/activities"));
    }

    [Fact]
    public async Task SearchInvoke_Customers_ReturnsOnlyTheResellersOwnMatches()
    {
        var search = Activity("search-1", "invoke");
        search["name"] = "application/search";
        search["value"] = new JsonObject
        {
            ["queryText"] = "wo",
            ["queryOptions"] = new JsonObject { ["skip"] = 0, ["top"] = 15 },
            ["dataset"] = "customers",
        };

        var response = await PostAsync(search);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(200, body!["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.search.searchResponse", body["type"]!.GetValue<string>());
        var titles = body["value"]!["results"]!.AsArray().Select(r => r!["title"]!.GetValue<string>()).ToList();
        // "Woodgrove Bank" matches too, but it is another reseller's customer.
        Assert.Equal(["Adventure Works Cycles"], titles);
    }

    [Fact]
    public async Task UnknownInvoke_AnswersHttp200WithA501InvokeResponse()
    {
        var invoke = Activity("invoke-1", "invoke");
        invoke["name"] = "composeExtension/query";

        var response = await PostAsync(invoke);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(501, body!["statusCode"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("""{"id":"x","text":"no type"}""")]
    public async Task MalformedBody_Is400(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var response = await Http.PostAsync(new Uri(Bot.MessagesEndpoint), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task UnknownActivityType_IsAcknowledgedAndIgnored()
    {
        var response = await PostAsync(Activity("odd-1", "somethingNew"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(Connector.RequestsTo("/v3/conversations/a%3Aodd-1"));
    }

    [Fact]
    public async Task UnknownUser_IsLookedUpByEmailAndTold_NotLinked()
    {
        var activity = Message("stranger-1", "remove account");
        activity["from"] = new JsonObject { ["id"] = "29:unknown", ["aadObjectId"] = "11111111-2222-3333-4444-555555555555" };

        await PostAsync(activity);

        Assert.Single(Connector.RequestsTo("/v3/conversations/a%3Astranger-1/members/29%3Aunknown"));
        var reply = Assert.Single(await Connector.WaitForRequestsAsync("/v3/conversations/a%3Astranger-1/activities"));
        Assert.Contains("not linked to a reseller", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplyRefusedWithMessageWritesBlocked_ConversationIsRecordedAsBlocked()
    {
        await PostAsync(Message("blocked-1", "help"));

        Assert.Single(await Connector.WaitForRequestsAsync("/v3/conversations/a%3Ablocked-1/activities"));
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Bot.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT BlockedAt IS NOT NULL FROM ConversationAddresses WHERE ConversationKey = 'a:blocked-1'";
        object? blocked = null;
        for (var i = 0; i < 100 && !Equals(blocked, 1L); i++)
        {
            await Task.Delay(50); // the outbox marks it once the Connector refused the reply
            blocked = await command.ExecuteScalarAsync();
        }

        Assert.Equal(1L, blocked);
    }

    [Fact]
    public async Task AppIdConfigured_RequestWithoutToken_Is401AndNothingHappens()
    {
        await using var secured = await BotProcess.StartAsync(new Dictionary<string, string?>
        {
            ["Teams__AppId"] = "6e0d5b3c-8f1a-4c2e-9b7d-3a4f5e6d7c8b",
            ["Teams__AppPassword"] = "not-a-real-secret",
            ["Teams__TenantId"] = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
        });
        using var content = JsonContent.Create(Message("secured-1", "help"));

        var response = await Http.PostAsync(new Uri(secured.MessagesEndpoint), content);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(Connector.RequestsTo("/v3/conversations/a%3Asecured-1"));
    }

    private async Task<HttpResponseMessage> PostAsync(JsonObject activity)
    {
        using var content = JsonContent.Create(activity);
        return await Http.PostAsync(new Uri(Bot.MessagesEndpoint), content);
    }

    private JsonObject Message(string id, string text)
    {
        var message = Activity(id, "message");
        message["text"] = text;
        message["textFormat"] = "plain";
        return message;
    }

    private JsonObject Activity(string id, string type) => new()
    {
        ["type"] = type,
        ["id"] = id,
        ["channelId"] = "msteams",
        ["serviceUrl"] = Connector.Url,
        ["from"] = new JsonObject { ["id"] = "29:alex", ["name"] = "Alex Wilber", ["aadObjectId"] = Alex },
        ["recipient"] = new JsonObject { ["id"] = "28:sesbot", ["name"] = "SesBot" },
        ["conversation"] = new JsonObject { ["id"] = "a:" + id, ["conversationType"] = "personal", ["tenantId"] = Tenant },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Tenant } },
    };

    /// <summary>One bot process in local mode and one recording Connector for the class; each test uses its own conversation.</summary>
    public sealed class BotWithRecordingConnector : IAsyncLifetime
    {
        internal LocalHttpServer Connector { get; private set; } = null!;

        internal BotProcess Bot { get; private set; } = null!;

        internal HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

        public async Task InitializeAsync()
        {
            Connector = await LocalHttpServer.StartAsync((context, request) =>
                request.Method == "GET"
                    ? LocalHttpServer.Json(context, 200, """{"id":"29:unknown","name":"Nobody","email":"nobody@example.com"}""")
                    : request.RawTarget.Contains("blocked", StringComparison.Ordinal)
                        ? LocalHttpServer.Json(context, 403, """{"error":{"code":"MessageWritesBlocked","message":"The bot is blocked in this conversation."}}""")
                        : LocalHttpServer.Json(context, 201, $$"""{"id":"reply-{{request.Number}}"}"""));
            Bot = await BotProcess.StartAsync();
        }

        public async Task DisposeAsync()
        {
            await Bot.DisposeAsync();
            await Connector.DisposeAsync();
            Http.Dispose();
        }
    }
}
