using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SesBot.Bot.Channels.Teams;
using SesBot.Bot.Channels.Teams.Auth;
using SesBot.Bot.Tests.Channels.Teams.Auth;
using SesBot.Bot.Tests.Channels.Teams.Connector;
using SesBot.Bot.Tests.Support;

namespace SesBot.Bot.Tests.EndToEnd;

/// <summary>
/// <c>POST /api/messages</c> over real HTTP on the real bot process, with a recording Connector on 127.0.0.1: what
/// the Playground does not exercise (redelivery, typeahead, malformed bodies, unknown invokes, authentication on), and
/// the trust boundary: Teams only, identity from the AAD object id only, local mode fails closed, JSON refusals, rate
/// limits. A second bot process runs with authentication on, its keys served by a local <see cref="OpenIdMetadataServer"/>.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class TeamsEndpointTests(TeamsEndpointTests.BotWithRecordingConnector fixture) : IClassFixture<TeamsEndpointTests.BotWithRecordingConnector>
{
    private const string Tenant = "00000000-0000-0000-0000-0000000000001";
    private const string Alex = "00000000-0000-0000-0000-0000000000020";

    private LocalHttpServer Connector => fixture.Connector;

    private BotProcess Bot => fixture.Bot;

    private BotProcess Secured => fixture.Secured;

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

        await AssertRefusedAsync(response, HttpStatusCode.BadRequest, "bad_request");
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

    // ---- 1. Teams only ----

    [Theory]
    [InlineData("webchat")]
    [InlineData("directline")]
    [InlineData("emulator")]
    [InlineData("")]
    public async Task LocalMode_ActivityNotFromTeams_403(string channelId)
    {
        var activity = Message("channel-" + channelId.Length + channelId, "remove account");
        activity["channelId"] = channelId;

        var response = await PostAsync(activity);

        await AssertRefusedAsync(response, HttpStatusCode.Forbidden, "not_teams");
        Assert.Empty(Connector.RequestsTo($"/v3/conversations/a%3Achannel-{channelId.Length}{channelId}"));
    }

    [Fact]
    public async Task WebChatToken_WebChatActivityAsAlex_403AndNothingListed()
    {
        var activity = SecuredMessage("webchat-1", "remove account");
        activity["channelId"] = "webchat";
        activity["from"] = new JsonObject { ["id"] = Alex, ["name"] = "Alex Wilber" };

        var response = await PostAsync(Secured, activity, fixture.Token(fixture.WebChatKey));

        await AssertRefusedAsync(response, HttpStatusCode.Forbidden, "not_teams");
        Assert.Empty(Connector.RequestsTo("/v3/conversations/a%3Awebchat-1"));
    }

    [Theory]
    [InlineData("msteams")]
    [InlineData("")]
    public async Task KeyNotEndorsedForTeams_403(string channelId)
    {
        var activity = SecuredMessage("unendorsed-" + channelId.Length, "remove account");
        activity["channelId"] = channelId;

        var response = await PostAsync(Secured, activity, fixture.Token(fixture.WebChatKey));

        await AssertRefusedAsync(response, HttpStatusCode.Forbidden, "not_teams");
        Assert.Empty(Connector.RequestsTo("/v3/conversations/a%3Aunendorsed-" + channelId.Length));
    }

    // ---- 2. Identity is the AAD object id ----

    [Fact]
    public async Task TeamsToken_Alex_IsAnsweredWithHisCustomers()
    {
        var response = await PostAsync(Secured, SecuredMessage("secured-alex", "remove account"), fixture.Token(fixture.TeamsKey));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await Connector.WaitForRequestsAsync("/v3/conversations/a%3Asecured-alex/activities"));
        Assert.DoesNotContain("not linked", reply.Body, StringComparison.Ordinal);
        Assert.Equal("Bearer e2e-bot-token", reply.Authorization);
    }

    [Fact]
    public async Task TeamsToken_AlexsObjectIdInFromIdWithoutAadObjectId_IsNobody()
    {
        var activity = SecuredMessage("secured-forged", "remove account");
        activity["from"] = new JsonObject { ["id"] = Alex, ["name"] = "Alex Wilber" };

        var response = await PostAsync(Secured, activity, fixture.Token(fixture.TeamsKey));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await Connector.WaitForRequestsAsync("/v3/conversations/a%3Asecured-forged/activities"));
        Assert.Contains("not linked to a reseller", reply.Body, StringComparison.Ordinal);
        Assert.Empty(Connector.RequestsTo("/v3/conversations/a%3Asecured-forged/members"));
    }

    [Fact]
    public async Task LocalMode_AlexsObjectIdInFromIdWithoutAadObjectId_IsNobody()
    {
        var activity = Message("forged-1", "remove account");
        activity["from"] = new JsonObject { ["id"] = Alex, ["name"] = "Alex Wilber" };

        await PostAsync(activity);

        var reply = Assert.Single(await Connector.WaitForRequestsAsync("/v3/conversations/a%3Aforged-1/activities"));
        Assert.Contains("not linked to a reseller", reply.Body, StringComparison.Ordinal);
        Assert.Empty(Connector.RequestsTo("/v3/conversations/a%3Aforged-1/members"));
    }

    // ---- 3. Local mode fails closed ----

    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.9")]
    [InlineData("X-Forwarded-Host", "bot.example.com")]
    [InlineData("X-Forwarded-Proto", "https")]
    [InlineData("Forwarded", "for=203.0.113.9")]
    [InlineData("Origin", "http://localhost:8080")]
    public async Task LocalMode_ProxyOrBrowserHeader_403(string header, string value)
    {
        var id = "proxied-" + header.Length;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Bot.MessagesEndpoint)) { Content = JsonContent.Create(Message(id, "help")) };
        request.Headers.TryAddWithoutValidation(header, value);

        var response = await Http.SendAsync(request);

        await AssertRefusedAsync(response, HttpStatusCode.Forbidden, "local_mode");
        Assert.Empty(Connector.RequestsTo($"/v3/conversations/a%3A{id}"));
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    public async Task LocalMode_NotJson_415(string contentType)
    {
        using var content = new StringContent(Message("form-1", "help").ToJsonString());
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);

        var response = await Http.PostAsync(new Uri(Bot.MessagesEndpoint), content);

        await AssertRefusedAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        Assert.Empty(Connector.RequestsTo("/v3/conversations/a%3Aform-1"));
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/")]
    [InlineData("http://203.0.113.9:3978/")]
    [InlineData("http://127.0.0.1.nip.io/")]
    [InlineData("ftp://127.0.0.1/")]
    public async Task LocalMode_ServiceUrlNotLoopback_403(string serviceUrl)
    {
        var activity = Message("elsewhere-1", "help");
        activity["serviceUrl"] = serviceUrl;

        var response = await PostAsync(activity);

        await AssertRefusedAsync(response, HttpStatusCode.Forbidden, "local_mode");
    }

    [Fact]
    public async Task LocalMode_ListeningBeyondLoopback_RefusesEveryTokenlessRequestAndSaysWhyOnce_AndRateLimits()
    {
        // A Unix socket is how a reverse proxy usually reaches the bot; no network address is bound by this test.
        var socket = Path.Combine(Path.GetTempPath(), $"sesbot-{Guid.NewGuid():N}.sock");
        var port = FreePort.Next();
        var directory = Directory.CreateTempSubdirectory("sesbot-e2e-").FullName;
        await using var bot = ChildProcess.Start("dotnet", [RepoPaths.BotDll], RepoPaths.Root, new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port};http://unix:{socket}",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__SesBot"] = $"Data Source={Path.Combine(directory, "sesbot.db")}",
            ["Teams__RateLimit__PermitLimit"] = "3",
            ["Teams__RateLimit__Window"] = "00:01:00",
        });
        var endpoint = new Uri($"http://127.0.0.1:{port}{TeamsEndpoint.Route}");
        await bot.WaitUntilAsync(async () => (await Http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz"))).IsSuccessStatusCode, TimeSpan.FromSeconds(60), "SesBot");

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 5; i++)
        {
            using var content = JsonContent.Create(Message("unix-" + i, "help"));
            last = await Http.PostAsync(endpoint, content);
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(int.Parse(last.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) is > 0 and <= 60);
        await AssertRefusedAsync(last, HttpStatusCode.TooManyRequests, "too_many_requests");
        Assert.Empty(Connector.RequestsTo("/v3/conversations/a%3Aunix-"));
        Assert.Equal(1, Occurrences(bot.Output, "[2301]"));
        Assert.Contains("unix:", bot.Output, StringComparison.Ordinal);
        Assert.Equal(1, Occurrences(bot.Output, "[2302]"));
    }

    // ---- 5, 6. Malformed Unicode, sizes, refusal bodies ----

    [Theory]
    [InlineData("""{"type":"message","id":"lone-1","channelId":"msteams","text":"\ud800"}""")]
    [InlineData("""{"type":"message","id":"lone-2","channelId":"msteams","value":{"customerName":"x\udfffy"}}""")]
    public async Task LoneSurrogate_400NotA500(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        var response = await Http.PostAsync(new Uri(Bot.MessagesEndpoint), content);

        await AssertRefusedAsync(response, HttpStatusCode.BadRequest, "invalid_text");
    }

    [Fact]
    public async Task LoneSurrogateInACardAction_400()
    {
        var invoke = Activity("lone-invoke", "invoke");
        invoke["name"] = "adaptiveCard/action";
        var json = invoke.ToJsonString().Replace("\"type\":\"invoke\"", "\"type\":\"invoke\",\"value\":{\"action\":{\"type\":\"Action.Execute\",\"verb\":\"x\",\"data\":{\"reason\":\"\\udc00\"}}}", StringComparison.Ordinal);
        using var content = new StringContent(json, Encoding.UTF8, "application/json");

        var response = await Http.PostAsync(new Uri(Bot.MessagesEndpoint), content);

        await AssertRefusedAsync(response, HttpStatusCode.BadRequest, "invalid_text");
    }

    [Fact]
    public async Task BodyOverTheLimit_413()
    {
        var activity = Message("huge-1", new string('a', (int)TeamsEndpoint.MaxBodyBytes));

        var response = await PostAsync(activity);

        await AssertRefusedAsync(response, HttpStatusCode.RequestEntityTooLarge, "too_large");
        Assert.Empty(Connector.RequestsTo("/v3/conversations/a%3Ahuge-1"));
    }

    [Fact]
    public async Task Secured_BadToken_401WithJsonThatEchoesNothing()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Secured.MessagesEndpoint)) { Content = JsonContent.Create(SecuredMessage("bad-token-1", "help")) };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer <script>alert(1)</script>");

        var response = await Http.SendAsync(request);

        var body = await AssertRefusedAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.DoesNotContain("script", body, StringComparison.Ordinal);
    }

    private static int Occurrences(string text, string what) =>
        (text.Length - text.Replace(what, string.Empty, StringComparison.Ordinal).Length) / what.Length;

    /// <summary>The refusal: the status, and exactly <c>{"error":…,"message":…}</c> as JSON.</summary>
    private static async Task<string> AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string error)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        var json = JsonNode.Parse(body)!.AsObject();
        Assert.Equal(["error", "message"], json.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(error, json["error"]!.GetValue<string>());
        Assert.InRange(json["message"]!.GetValue<string>().Length, 10, 200);
        return body;
    }

    private static async Task<HttpResponseMessage> PostAsync(BotProcess bot, JsonObject activity, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(bot.MessagesEndpoint)) { Content = JsonContent.Create(activity) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        return await http.SendAsync(request);
    }

    private JsonObject SecuredMessage(string id, string text)
    {
        var message = Message(id, text);
        message["serviceUrl"] = fixture.SecuredServiceUrl;
        return message;
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

    /// <summary>
    /// One bot process in local mode, one with authentication on (keys from a local metadata server, outbound tokens
    /// from the recording Connector playing the login endpoint), and one recording Connector for the class; each test
    /// uses its own conversation.
    /// </summary>
    public sealed class BotWithRecordingConnector : IAsyncLifetime
    {
        public const string AppId = "6e0d5b3c-8f1a-4c2e-9b7d-3a4f5e6d7c8b";

        internal LocalHttpServer Connector { get; private set; } = null!;

        internal BotProcess Bot { get; private set; } = null!;

        internal BotProcess Secured { get; private set; } = null!;

        internal OpenIdMetadataServer Keys { get; private set; } = null!;

        internal TestSigningKey TeamsKey { get; } = new("e2e-teams", 0, "msteams");

        /// <summary>Published by the Bot Framework for Web Chat and Direct Line, not for Teams.</summary>
        internal TestSigningKey WebChatKey { get; } = new("e2e-webchat", 1, "webchat", "directline");

        /// <summary>The secured bot's activities come from here (a path of the recording Connector), as the token says.</summary>
        internal string SecuredServiceUrl => Connector.Url + "/";

        internal HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

        /// <summary>A token as the Bot Connector signs it for <see cref="SecuredServiceUrl"/>, valid now.</summary>
        internal string Token(TestSigningKey key)
        {
            var now = DateTime.UtcNow;
            return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
            {
                Issuer = TeamsOptions.BotFrameworkIssuer,
                Audience = AppId,
                IssuedAt = now,
                NotBefore = now.AddMinutes(-1),
                Expires = now.AddMinutes(30),
                Claims = new Dictionary<string, object> { [BotFrameworkAuthenticator.ServiceUrlClaim] = SecuredServiceUrl },
                SigningCredentials = key.Credentials(),
            });
        }

        public async Task InitializeAsync()
        {
            Connector = await LocalHttpServer.StartAsync((context, request) =>
                ConnectorTestHost.IsTokenRequest(request)
                    ? ConnectorTestHost.TokenResponse(context, "e2e-bot-token")
                    : request.Method == "GET"
                        ? LocalHttpServer.Json(context, 200, """{"id":"29:unknown","name":"Nobody","email":"nobody@example.com"}""")
                        : request.RawTarget.Contains("blocked", StringComparison.Ordinal)
                            ? LocalHttpServer.Json(context, 403, """{"error":{"code":"MessageWritesBlocked","message":"The bot is blocked in this conversation."}}""")
                            : LocalHttpServer.Json(context, 201, $$"""{"id":"reply-{{request.Number}}"}"""));
            Keys = await OpenIdMetadataServer.StartAsync(TeamsKey, WebChatKey);
            Bot = await BotProcess.StartAsync();
            Secured = await BotProcess.StartAsync(new Dictionary<string, string?>
            {
                ["Teams__AppId"] = AppId,
                ["Teams__AppPassword"] = "not-a-real-secret",
                ["Teams__TenantId"] = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
                ["Teams__OpenIdMetadataUrl"] = Keys.MetadataUrl.ToString(),
                ["Teams__AuthorityHost"] = Connector.Url,
                ["Database__SeedDemoData"] = "true",
            });
        }

        public async Task DisposeAsync()
        {
            await Secured.DisposeAsync();
            await Bot.DisposeAsync();
            await Keys.DisposeAsync();
            await Connector.DisposeAsync();
            Http.Dispose();
        }
    }
}
