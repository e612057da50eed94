using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SesBot.Bot.Channels.Teams;
using SesBot.Bot.Channels.Teams.Connector;
using SesBot.Bot.Channels.Teams.Protocol;
using SesBot.Bot.Pipeline.Outbox;
using SesBot.Bot.Tests.Channels.Teams.Connector;
using SesBot.Bot.Tests.Dialogs.Support;
using SesBot.Core.Outbox;

namespace SesBot.Bot.Tests.Channels.Teams;

/// <summary>
/// Updates of a support thread's card and the 1:1 chat opened for a reseller, against a Connector on 127.0.0.1 and a
/// real SQLite outbox: the follow-up finds where the thread's card went from the row that opened it.
/// </summary>
public sealed class TeamsFollowUpHandlerTests : IAsyncLifetime
{
    private const string Thread = "19:c@thread.tacv2;messageid=77";

    private LocalHttpServer _server = null!;
    private DialogHost _host = null!;
    private Func<HttpContext, Task> _connector = c => LocalHttpServer.Json(c, 200, """{"id":"77"}""");

    private IReadOnlyList<RecordedRequest> Calls => _server.RequestsTo("/_connector/");

    private string ServiceUrl => _server.Url + "/_connector/";

    public async Task InitializeAsync()
    {
        _server = await LocalHttpServer.StartAsync((c, r) => ConnectorTestHost.IsTokenRequest(r) ? ConnectorTestHost.TokenResponse(c, "bot-token") : _connector(c));
        var settings = ConnectorTestHost.Credentials(_server.Url);
        settings["Teams:Connector:MaxRetryAttempts"] = "0";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        _host = await DialogHost.StartAsync(settings: settings, configure: services => services.AddTeamsConnector(configuration));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task DeliverAsync_ThreadPosted_PutsTheThreadsRootCard()
    {
        await AddThreadAsync(sent: true);

        var outcome = await FollowUps.DeliverAsync(FollowUp(TeamsOutboundOperation.Update), CancellationToken.None);

        Assert.Equal(OutboxOutcomeKind.Sent, outcome.Kind);
        var call = Assert.Single(Calls);
        Assert.Equal(("PUT", $"/_connector/v3/conversations/{Uri.EscapeDataString(Thread)}/activities/77"), (call.Method, call.RawTarget));
        Assert.Equal("Accepted", JsonNode.Parse(call.Body)!["text"]!.GetValue<string>());
        Assert.True(FollowUps.IsIdempotent(FollowUp(TeamsOutboundOperation.Update)));
    }

    [Fact]
    public async Task DeliverAsync_ReplyInThread_PostsIntoTheThreadConversation()
    {
        await AddThreadAsync(sent: true);
        _connector = c => LocalHttpServer.Json(c, 201, """{"id":"78"}""");

        var outcome = await FollowUps.DeliverAsync(FollowUp(TeamsOutboundOperation.Send), CancellationToken.None);

        Assert.Equal(OutboxOutcomeKind.Sent, outcome.Kind);
        var call = Assert.Single(Calls);
        Assert.Equal(("POST", $"/_connector/v3/conversations/{Uri.EscapeDataString(Thread)}/activities"), (call.Method, call.RawTarget));
        Assert.False(FollowUps.IsIdempotent(FollowUp(TeamsOutboundOperation.Send)));
    }

    [Fact]
    public async Task DeliverAsync_ThreadNotPostedYet_RetryWithoutACall()
    {
        await AddThreadAsync(sent: false);

        var outcome = await FollowUps.DeliverAsync(FollowUp(TeamsOutboundOperation.Update), CancellationToken.None);

        Assert.Equal(OutboxOutcomeKind.Retry, outcome.Kind);
        Assert.Empty(Calls);
    }

    [Fact]
    public async Task DeliverAsync_NoSuchThread_FailedWithoutACall()
    {
        var outcome = await FollowUps.DeliverAsync(FollowUp(TeamsOutboundOperation.Update), CancellationToken.None);

        Assert.Equal(OutboxOutcomeKind.Failed, outcome.Kind);
        Assert.Empty(Calls);
    }

    [Fact]
    public async Task PersonalChat_Deliver_CreatesTheOneToOneConversationWithTheMessage()
    {
        _connector = c => LocalHttpServer.Json(c, 201, """{"id":"a:1on1-alex","activityId":"1"}""");
        var handler = new TeamsPersonalChatHandler(_host.Services.GetRequiredService<IConnectorClient>(), NullLogger<TeamsPersonalChatHandler>.Instance);
        var payload = new TeamsPersonalChatMessage
        {
            ServiceUrl = ServiceUrl,
            Bot = new ChannelAccount { Id = "28:bot", Name = "SesBot" },
            UserId = "29:alex",
            TenantId = "tenant-1",
            Activity = new Activity { Type = ActivityTypes.Message, Text = "Your request was accepted" },
        };
        var message = new OutboxMessage(TeamsPersonalChatMessage.Kind, "notice:R-1:v1", "msteams:personal:29:alex", JsonSerializer.Serialize(payload, ProtocolJson.Options), DateTimeOffset.UnixEpoch);

        var outcome = await handler.DeliverAsync(message, CancellationToken.None);

        Assert.Equal(OutboxOutcomeKind.Sent, outcome.Kind);
        Assert.False(handler.IsIdempotent(message));
        var call = Assert.Single(Calls);
        Assert.Equal(("POST", "/_connector/v3/conversations"), (call.Method, call.RawTarget));
        var body = JsonNode.Parse(call.Body)!;
        Assert.False(body["isGroup"]!.GetValue<bool>());
        Assert.Equal("29:alex", body["members"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("tenant-1", body["channelData"]!["tenant"]!["id"]!.GetValue<string>());
        Assert.Equal("Your request was accepted", body["activity"]!["text"]!.GetValue<string>());
    }

    private TeamsFollowUpHandler FollowUps => new(
        _host.Services.GetRequiredService<IConnectorClient>(), _host.Services.GetRequiredService<IServiceScopeFactory>(), NullLogger<TeamsFollowUpHandler>.Instance);

    private static OutboxMessage FollowUp(TeamsOutboundOperation operation) => new(
        TeamsFollowUpMessage.Kind,
        $"support-card:R-ABC123:{operation}",
        "msteams:19:c@thread.tacv2",
        JsonSerializer.Serialize(
            new TeamsFollowUpMessage { Operation = operation, TargetKey = "support-thread:R-ABC123", Activity = new Activity { Type = ActivityTypes.Message, Text = "Accepted" } },
            ProtocolJson.Options),
        DateTimeOffset.UnixEpoch);

    private Task AddThreadAsync(bool sent) => _host.DbAsync(async db =>
    {
        var payload = new TeamsChannelThreadMessage
        {
            ServiceUrl = ServiceUrl,
            ChannelId = "19:c@thread.tacv2",
            TenantId = "tenant-1",
            Bot = new ChannelAccount { Id = "28:bot", Name = "SesBot" },
            Activity = new Activity { Type = ActivityTypes.Message, Text = "New request R-ABC123" },
        };
        var thread = new OutboxMessage(TeamsChannelThreadMessage.Kind, "support-thread:R-ABC123", "msteams:19:c@thread.tacv2", JsonSerializer.Serialize(payload, ProtocolJson.Options), DateTimeOffset.UnixEpoch);
        if (sent)
        {
            thread.Sent($$"""{"id":"{{Thread}}","activityId":"77"}""", DateTimeOffset.UnixEpoch);
        }

        db.OutboxMessages.Add(thread);
        await db.SaveChangesAsync();
    });
}
