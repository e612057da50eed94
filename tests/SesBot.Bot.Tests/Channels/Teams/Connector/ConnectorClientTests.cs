using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SesBot.Bot.Channels.Teams.Connector;
using SesBot.Bot.Channels.Teams.Protocol;

namespace SesBot.Bot.Tests.Channels.Teams.Connector;

/// <summary>Each Connector route against a real local server that also plays the login endpoint.</summary>
public sealed class ConnectorClientTests : IAsyncLifetime
{
    private const string ChannelConversation = "19:abc123@thread.tacv2;messageid=1700000000000";
    private const string EscapedChannelConversation = "19%3Aabc123%40thread.tacv2%3Bmessageid%3D1700000000000";

    private static readonly ChannelAccount Bot = new() { Id = "28:" + ConnectorTestHost.AppId, Name = "SesBot" };

    private LocalHttpServer _server = null!;
    private ServiceProvider _services = null!;
    private Func<HttpContext, RecordedRequest, Task> _connector = (c, _) => LocalHttpServer.Json(c, 201, """{"id":"activity-1"}""");

    /// <summary>Like the Agents Playground, the Connector lives under a path (<c>/_connector</c>).</summary>
    private string ServiceUrl => _server.Url + "/_connector/";

    private IConnectorClient Client => _services.GetRequiredService<IConnectorClient>();

    private IReadOnlyList<RecordedRequest> ConnectorCalls => _server.RequestsTo("/_connector/");

    public async Task InitializeAsync()
    {
        _server = await LocalHttpServer.StartAsync((c, r) =>
            ConnectorTestHost.IsTokenRequest(r) ? ConnectorTestHost.TokenResponse(c, "bot-token-" + r.Number) : _connector(c, r));
        _services = ConnectorTestHost.Build(ConnectorTestHost.Credentials(_server.Url));
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task SendToConversationAsync_ChannelConversation_PostsActivityToEscapedPathWithBearer()
    {
        var response = await Client.SendToConversationAsync(ServiceUrl, ChannelConversation, new Activity { Type = ActivityTypes.Message, Text = "Hello <b>team</b>" });

        Assert.Equal("activity-1", response.Id);
        var call = Assert.Single(ConnectorCalls);
        Assert.Equal("POST", call.Method);
        Assert.Equal($"/_connector/v3/conversations/{EscapedChannelConversation}/activities", call.RawTarget);
        Assert.Equal("Bearer bot-token-1", call.Authorization);
        Assert.StartsWith("application/json", call.ContentType, StringComparison.Ordinal);
        Assert.Equal("""{"type":"message","text":"Hello \u003Cb\u003Eteam\u003C/b\u003E"}""", call.Body);
    }

    [Fact]
    public async Task ReplyToActivityAsync_PostsToTheActivityPath()
    {
        var response = await Client.ReplyToActivityAsync(ServiceUrl, "a:1personal", "1:xyz", new Activity { Type = ActivityTypes.Message, Text = "reply" });

        Assert.Equal("activity-1", response.Id);
        var call = Assert.Single(ConnectorCalls);
        Assert.Equal("POST", call.Method);
        Assert.Equal("/_connector/v3/conversations/a%3A1personal/activities/1%3Axyz", call.RawTarget);
        Assert.Equal("reply", Json(call).GetProperty("text").GetString());
    }

    [Fact]
    public async Task UpdateActivityAsync_PutsTheCardToTheActivityPath()
    {
        _connector = (c, _) => LocalHttpServer.Json(c, 200, """{"id":"card-1"}""");
        var card = new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = new { type = "AdaptiveCard", version = "1.5" } };

        var response = await Client.UpdateActivityAsync(ServiceUrl, ChannelConversation, "card-1", new Activity { Type = ActivityTypes.Message, Attachments = [card] });

        Assert.Equal("card-1", response.Id);
        var call = Assert.Single(ConnectorCalls);
        Assert.Equal("PUT", call.Method);
        Assert.Equal($"/_connector/v3/conversations/{EscapedChannelConversation}/activities/card-1", call.RawTarget);
        var attachment = Json(call).GetProperty("attachments")[0];
        Assert.Equal(Attachment.AdaptiveCardContentType, attachment.GetProperty("contentType").GetString());
        Assert.Equal("1.5", attachment.GetProperty("content").GetProperty("version").GetString());
        Assert.Equal("card-1", Json(call).GetProperty("id").GetString());
    }

    [Fact]
    public async Task CreatePersonalChatAsync_PostsBotMemberAndTenantBothWays()
    {
        _connector = (c, _) => LocalHttpServer.Json(c, 201, """{"id":"a:new-personal"}""");

        var response = await Client.CreatePersonalChatAsync(ServiceUrl, Bot, "29:user-1", "tenant-9");

        Assert.Equal("a:new-personal", response.Id);
        var call = Assert.Single(ConnectorCalls);
        Assert.Equal("POST", call.Method);
        Assert.Equal("/_connector/v3/conversations", call.RawTarget);
        Assert.Equal("Bearer bot-token-1", call.Authorization);
        var body = Json(call);
        Assert.False(body.GetProperty("isGroup").GetBoolean());
        Assert.Equal(Bot.Id, body.GetProperty("bot").GetProperty("id").GetString());
        Assert.Equal("29:user-1", Assert.Single(body.GetProperty("members").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal("tenant-9", body.GetProperty("tenantId").GetString());
        Assert.Equal("tenant-9", body.GetProperty("channelData").GetProperty("tenant").GetProperty("id").GetString());
        Assert.False(body.TryGetProperty("activity", out _));
    }

    [Fact]
    public async Task CreateChannelThreadAsync_PostsIsGroupChannelTeamTenantAndFirstMessage()
    {
        _connector = (c, _) => LocalHttpServer.Json(c, 201, """{"id":"19:chan@thread.tacv2;messageid=42","activityId":"42"}""");

        var response = await Client.CreateChannelThreadAsync(
            ServiceUrl, Bot, "19:chan@thread.tacv2", "19:team@thread.tacv2", "tenant-9", new Activity { Type = ActivityTypes.Message, Text = "New removal request" });

        Assert.Equal("19:chan@thread.tacv2;messageid=42", response.Id);
        Assert.Equal("42", response.ActivityId);
        var body = Json(Assert.Single(ConnectorCalls));
        Assert.True(body.GetProperty("isGroup").GetBoolean());
        Assert.Equal("tenant-9", body.GetProperty("tenantId").GetString());
        var channelData = body.GetProperty("channelData");
        Assert.Equal("19:chan@thread.tacv2", channelData.GetProperty("channel").GetProperty("id").GetString());
        Assert.Equal("19:team@thread.tacv2", channelData.GetProperty("team").GetProperty("id").GetString());
        Assert.Equal("tenant-9", channelData.GetProperty("tenant").GetProperty("id").GetString());
        Assert.Equal("New removal request", body.GetProperty("activity").GetProperty("text").GetString());
        Assert.False(body.TryGetProperty("members", out _));
    }

    [Fact]
    public async Task GetMemberAsync_ReturnsEmailUpnAndAadObjectId()
    {
        _connector = (c, _) => LocalHttpServer.Json(c, 200, """
            {"id":"29:user-1","name":"Alex Wilber","aadObjectId":"aad-1","email":"alex@contoso.example",
             "userPrincipalName":"alex@contoso.example","tenantId":"tenant-9","userRole":"user","objectId":"aad-1"}
            """);

        var member = await Client.GetMemberAsync(ServiceUrl, "a:1personal", "29:user-1");

        var call = Assert.Single(ConnectorCalls);
        Assert.Equal("GET", call.Method);
        Assert.Equal("/_connector/v3/conversations/a%3A1personal/members/29%3Auser-1", call.RawTarget);
        Assert.Equal("Bearer bot-token-1", call.Authorization);
        Assert.Equal(("Alex Wilber", "aad-1", "alex@contoso.example", "alex@contoso.example"), (member.Name, member.AadObjectId, member.Email, member.UserPrincipalName));
    }

    [Fact]
    public async Task GetMembersAsync_ReturnsEveryMember()
    {
        _connector = (c, _) => LocalHttpServer.Json(c, 200, """[{"id":"29:a","email":"a@x.example"},{"id":"29:b","aadObjectId":"aad-b"}]""");

        var members = await Client.GetMembersAsync(ServiceUrl, ChannelConversation);

        Assert.Equal($"/_connector/v3/conversations/{EscapedChannelConversation}/members", Assert.Single(ConnectorCalls).RawTarget);
        Assert.Equal(["29:a", "29:b"], members.Select(m => m.Id ?? string.Empty));
        Assert.Equal("a@x.example", members[0].Email);
        Assert.Equal("aad-b", members[1].AadObjectId);
    }

    [Fact]
    public async Task GetPagedMembersAsync_SendsPageSizeAndEscapedContinuationToken()
    {
        _connector = (c, r) => LocalHttpServer.Json(c, 200, r.RawTarget.Contains("continuationToken", StringComparison.Ordinal)
            ? """{"members":[{"id":"29:c"}]}"""
            : """{"continuationToken":"next+page/2=","members":[{"id":"29:a"},{"id":"29:b"}]}""");

        var first = await Client.GetPagedMembersAsync(ServiceUrl, "a:1", pageSize: 2);
        var second = await Client.GetPagedMembersAsync(ServiceUrl, "a:1", pageSize: 2, continuationToken: first.ContinuationToken);

        Assert.Equal("next+page/2=", first.ContinuationToken);
        Assert.Equal(2, first.Members!.Count);
        Assert.Null(second.ContinuationToken);
        Assert.Equal("29:c", Assert.Single(second.Members!).Id);
        Assert.Equal(
            ["/_connector/v3/conversations/a%3A1/pagedmembers?pageSize=2", "/_connector/v3/conversations/a%3A1/pagedmembers?pageSize=2&continuationToken=next%2Bpage%2F2%3D"],
            ConnectorCalls.Select(c => c.RawTarget));
    }

    [Fact]
    public async Task ManyCalls_OneTokenRequest()
    {
        await Client.SendToConversationAsync(ServiceUrl, "a:1", new Activity { Type = ActivityTypes.Message, Text = "1" });
        await Client.SendToConversationAsync(ServiceUrl, "a:1", new Activity { Type = ActivityTypes.Message, Text = "2" });
        await Client.UpdateActivityAsync(ServiceUrl, "a:1", "x", new Activity { Type = ActivityTypes.Message, Text = "3" });

        Assert.Single(_server.Requests, ConnectorTestHost.IsTokenRequest);
        Assert.All(ConnectorCalls, c => Assert.Equal("Bearer bot-token-1", c.Authorization));
    }

    [Fact]
    public async Task SendToConversationAsync_TraceLogging_NeverShowsTheTokenOrTheSecret()
    {
        var logs = new RecordingLoggerProvider();
        await using var traced = ConnectorTestHost.Build(ConnectorTestHost.Credentials(_server.Url), logs: logs);

        await traced.GetRequiredService<IConnectorClient>().SendToConversationAsync(ServiceUrl, "a:1", new Activity { Type = ActivityTypes.Message, Text = "hi" });

        Assert.Contains(logs.Entries, e => e.EventId == 2101); // token acquired
        Assert.Contains(logs.Entries, e => e.Message.Contains("Authorization", StringComparison.Ordinal)); // headers were logged…
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains("bot-token-", StringComparison.Ordinal)); // …but not the token
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains(ConnectorTestHost.Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task LocalMode_SendsNoAuthorizationHeaderAndAsksNoToken()
    {
        await using var local = ConnectorTestHost.Build(new Dictionary<string, string?> { ["Teams:AuthorityHost"] = _server.Url });

        await local.GetRequiredService<IConnectorClient>().SendToConversationAsync(ServiceUrl, "personal-conv-1", new Activity { Type = ActivityTypes.Message, Text = "hi" });

        var call = Assert.Single(_server.Requests);
        Assert.StartsWith("/_connector/", call.RawTarget, StringComparison.Ordinal);
        Assert.Null(call.Authorization);
    }

    [Fact]
    public async Task SendToConversationAsync_TokenOverPlainHttpToARemoteHost_IsRefusedBeforeSending()
    {
        var ex = await Assert.ThrowsAsync<ConnectorException>(() =>
            Client.SendToConversationAsync("http://connector.example.invalid/", "a:1", new Activity { Type = ActivityTypes.Message }));

        Assert.Contains("https", ex.Message, StringComparison.Ordinal);
        Assert.Empty(ConnectorCalls);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/relative/path")]
    [InlineData("ftp://connector.example/")]
    [InlineData("https://connector.example/?x=1")]
    [InlineData("https://user:pw@connector.example/")]
    public async Task SendToConversationAsync_ServiceUrlNotAbsoluteHttp_ThrowsArgumentException(string serviceUrl)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Client.SendToConversationAsync(serviceUrl, "a:1", new Activity { Type = ActivityTypes.Message }));

        Assert.Empty(_server.Requests);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/teams/", "https://smba.trafficmanager.net/teams/v3/conversations")]
    [InlineData("https://smba.trafficmanager.net/teams", "https://smba.trafficmanager.net/teams/v3/conversations")]
    [InlineData("https://smba.infra.gcc.teams.microsoft.com/gcc", "https://smba.infra.gcc.teams.microsoft.com/gcc/v3/conversations")]
    [InlineData("http://127.0.0.1:56150/_connector", "http://127.0.0.1:56150/_connector/v3/conversations")]
    public void BuildUri_ServiceUrlWithOrWithoutSlash_KeepsItsPath(string serviceUrl, string expected)
    {
        Assert.Equal(expected, ConnectorClient.BuildUri(serviceUrl, "v3/conversations").AbsoluteUri);
    }

    private static JsonElement Json(RecordedRequest request) => JsonDocument.Parse(request.Body).RootElement;
}
