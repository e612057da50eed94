using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SesBot.Bot.Channels.Teams;
using SesBot.Bot.Channels.Teams.Connector;
using SesBot.Bot.Channels.Teams.Protocol;
using SesBot.Bot.Pipeline.Outbox;
using SesBot.Bot.Tests.Channels.Teams.Connector;
using SesBot.Core.Outbox;

namespace SesBot.Bot.Tests.Channels.Teams;

/// <summary>
/// Opening a support thread (POST /v3/conversations) against a Connector on 127.0.0.1: the answer is kept, and since
/// the POST is not idempotent an ambiguous failure is an unknown outcome, never a second post.
/// </summary>
public sealed class TeamsChannelThreadHandlerTests : IAsyncLifetime
{
    private LocalHttpServer _server = null!;
    private ServiceProvider _services = null!;
    private Func<HttpContext, int, Task> _connector = (c, _) => LocalHttpServer.Json(c, 201, """{"id":"19:c@thread.tacv2;messageid=77","activityId":"77"}""");

    private IReadOnlyList<RecordedRequest> Calls => _server.RequestsTo("/_connector/");

    private TeamsChannelThreadHandler Handler => new(_services.GetRequiredService<IConnectorClient>(), NullLogger<TeamsChannelThreadHandler>.Instance);

    public async Task InitializeAsync()
    {
        _server = await LocalHttpServer.StartAsync((c, r) =>
            ConnectorTestHost.IsTokenRequest(r) ? ConnectorTestHost.TokenResponse(c, "bot-token") : _connector(c, Calls.Count));
        var settings = ConnectorTestHost.Credentials(_server.Url);
        settings["Teams:Connector:MaxRetryAttempts"] = "0";
        _services = ConnectorTestHost.Build(settings);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task DeliverAsync_Created_SentWithTheThreadAndActivityIds()
    {
        var outcome = await Handler.DeliverAsync(Message(), CancellationToken.None);

        Assert.Equal(OutboxOutcomeKind.Sent, outcome.Kind);
        var result = JsonNode.Parse(outcome.ResultJson!)!;
        Assert.Equal(("19:c@thread.tacv2;messageid=77", "77"), (result["id"]!.GetValue<string>(), result["activityId"]!.GetValue<string>()));
        var call = Assert.Single(Calls);
        Assert.Equal(("POST", "/_connector/v3/conversations"), (call.Method, call.RawTarget));
        var body = JsonNode.Parse(call.Body)!;
        Assert.True(body["isGroup"]!.GetValue<bool>());
        Assert.Equal("19:c@thread.tacv2", body["channelData"]!["channel"]!["id"]!.GetValue<string>());
        Assert.Equal("tenant-1", body["tenantId"]!.GetValue<string>());
        Assert.Equal("New request R-ABC123", body["activity"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task DeliverAsync_ConnectionDroppedAfterThePostArrived_UnknownAndNotPostedAgain()
    {
        _connector = (c, n) =>
        {
            c.Abort();
            return Task.CompletedTask;
        };

        var handler = Handler;
        var outcome = await handler.DeliverAsync(Message(), CancellationToken.None);

        Assert.Equal(OutboxOutcomeKind.Unknown, outcome.Kind);
        Assert.False(handler.IsIdempotent(Message())); // so the dispatcher hands it to a person (NeedsAttention)
        Assert.Single(Calls, c => c.Method == "POST");
    }

    [Theory]
    [InlineData(503, """{"error":{"code":"ServiceUnavailable","message":"busy"}}""", OutboxOutcomeKind.Retry)]
    [InlineData(403, """{"error":{"code":"MessageWritesBlocked","message":"blocked"}}""", OutboxOutcomeKind.Failed)]
    [InlineData(400, """{"error":{"code":"BadArgument","message":"no such channel"}}""", OutboxOutcomeKind.Failed)]
    public async Task DeliverAsync_ConnectorRefuses_MappedLikeOtherTeamsMessages(int status, string body, OutboxOutcomeKind expected)
    {
        _connector = (c, _) => LocalHttpServer.Json(c, status, body);

        var outcome = await Handler.DeliverAsync(Message(), CancellationToken.None);

        Assert.Equal(expected, outcome.Kind);
    }

    [Fact]
    public async Task DeliverAsync_UnreadablePayload_FailedWithoutACall()
    {
        var outcome = await Handler.DeliverAsync(new OutboxMessage(TeamsChannelThreadMessage.Kind, "k", "o", "not json", DateTimeOffset.UnixEpoch), CancellationToken.None);

        Assert.Equal(OutboxOutcomeKind.Failed, outcome.Kind);
        Assert.Empty(Calls);
    }

    private OutboxMessage Message()
    {
        var payload = new TeamsChannelThreadMessage
        {
            ServiceUrl = _server.Url + "/_connector/",
            ChannelId = "19:c@thread.tacv2",
            TeamId = "19:team@thread.tacv2",
            TenantId = "tenant-1",
            Bot = new ChannelAccount { Id = "28:bot", Name = "SesBot" },
            Activity = new Activity { Type = ActivityTypes.Message, Text = "New request R-ABC123" },
        };
        return new OutboxMessage(TeamsChannelThreadMessage.Kind, "support-thread:R-ABC123", "msteams:19:c@thread.tacv2", JsonSerializer.Serialize(payload, ProtocolJson.Options), DateTimeOffset.UnixEpoch);
    }
}
