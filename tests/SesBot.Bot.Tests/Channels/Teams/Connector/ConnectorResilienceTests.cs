using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SesBot.Bot.Channels.Teams.Connector;
using SesBot.Bot.Channels.Teams.Protocol;

namespace SesBot.Bot.Tests.Channels.Teams.Connector;

/// <summary>Throttling, transient failures, dropped connections and Teams' terminal errors, on the wire.</summary>
public sealed class ConnectorResilienceTests : IAsyncLifetime
{
    private const string Conversation = "a:1personal";

    private const int RetryingEventId = 2110;

    private static readonly Activity Message = new() { Type = ActivityTypes.Message, Text = "hello" };

    private LocalHttpServer _server = null!;
    private ServiceProvider _services = null!;
    private Func<HttpContext, int, RecordedRequest, Task> _connector = (c, _, _) => LocalHttpServer.Json(c, 201, """{"id":"ok"}""");

    private string ServiceUrl => _server.Url + "/_connector/";

    private IConnectorClient Client => _services.GetRequiredService<IConnectorClient>();

    private IReadOnlyList<RecordedRequest> ConnectorCalls => _server.RequestsTo("/_connector/");

    public async Task InitializeAsync()
    {
        _server = await LocalHttpServer.StartAsync((c, r) =>
            ConnectorTestHost.IsTokenRequest(r) ? ConnectorTestHost.TokenResponse(c, "bot-token") : _connector(c, ConnectorCalls.Count, r));
        _services = ConnectorTestHost.Build(ConnectorTestHost.Credentials(_server.Url));
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task SendToConversationAsync_429WithRetryAfterOneSecond_WaitsThatLongThenSucceeds()
    {
        Script((c, n) => n == 1 ? Throttled(c, "1") : LocalHttpServer.Json(c, 201, """{"id":"after-wait"}"""));

        var response = await Client.SendToConversationAsync(ServiceUrl, Conversation, Message);

        Assert.Equal("after-wait", response.Id);
        var calls = ConnectorCalls;
        Assert.Equal(2, calls.Count);
        Assert.Equal(calls[0].Body, calls[1].Body);
        Assert.Equal("Bearer bot-token", calls[1].Authorization);
        Assert.InRange(calls[1].ReceivedAt - calls[0].ReceivedAt, TimeSpan.FromMilliseconds(950), TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task SendToConversationAsync_429WithRetryAfter30Seconds_WaitsOnTheInjectedClock()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var settings = ConnectorTestHost.Credentials(_server.Url);
        settings["Teams:Connector:MaxRetryAfter"] = "00:01:00";
        var logs = new RecordingLoggerProvider();
        await using var services = ConnectorTestHost.Build(settings, time, logs);
        Script((c, n) => n == 1 ? Throttled(c, "30") : LocalHttpServer.Json(c, 201, """{"id":"after-wait"}"""));

        var send = services.GetRequiredService<IConnectorClient>().SendToConversationAsync(ServiceUrl, Conversation, Message);
        await WaitUntil(() => logs.Entries.Any(e => e.EventId == RetryingEventId)); // the wait is being scheduled
        await Task.Delay(100);
        time.Advance(TimeSpan.FromSeconds(29));
        await Task.Delay(200);
        var callsBeforeThirtySeconds = ConnectorCalls.Count;
        time.Advance(TimeSpan.FromSeconds(1));
        var response = await send.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, callsBeforeThirtySeconds);
        Assert.Equal("after-wait", response.Id);
        Assert.Equal(2, ConnectorCalls.Count);
    }

    [Fact]
    public async Task SendToConversationAsync_429WithAnHourRetryAfter_WaitsOnlyTheCap()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var logs = new RecordingLoggerProvider();
        await using var services = ConnectorTestHost.Build(ConnectorTestHost.Credentials(_server.Url), time, logs); // MaxRetryAfter 5 s
        Script((c, n) => n == 1 ? Throttled(c, "3600") : LocalHttpServer.Json(c, 201, """{"id":"after-cap"}"""));

        var send = services.GetRequiredService<IConnectorClient>().SendToConversationAsync(ServiceUrl, Conversation, Message);
        await WaitUntil(() => logs.Entries.Any(e => e.EventId == RetryingEventId)); // the wait is being scheduled
        await Task.Delay(100);
        time.Advance(TimeSpan.FromSeconds(5));
        var response = await send.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("after-cap", response.Id);
        Assert.Equal(2, ConnectorCalls.Count);
    }

    [Fact]
    public async Task SendToConversationAsync_429Persists_GivesUpAfterTheBoundedRetries()
    {
        Script((c, _) => Throttled(c, "0"));

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => Client.SendToConversationAsync(ServiceUrl, Conversation, Message));

        Assert.Equal(HttpStatusCode.TooManyRequests, ex.StatusCode);
        Assert.Equal("corr-429", ex.CorrelationId);
        Assert.Equal(1 + new ConnectorOptions().MaxRetryAttempts, ConnectorCalls.Count);
    }

    [Fact]
    public async Task UpdateActivityAsync_503ThenSuccess_Retries()
    {
        Script((c, n) => n == 1 ? LocalHttpServer.Json(c, 503, "") : LocalHttpServer.Json(c, 200, """{"id":"card-1"}"""));

        var response = await Client.UpdateActivityAsync(ServiceUrl, Conversation, "card-1", Message);

        Assert.Equal("card-1", response.Id);
        Assert.Equal(["PUT", "PUT"], ConnectorCalls.Select(c => c.Method));
    }

    [Fact]
    public async Task SendToConversationAsync_503ThenSuccess_RetriesThePost()
    {
        Script((c, n) => n == 1 ? LocalHttpServer.Json(c, 503, "") : LocalHttpServer.Json(c, 201, """{"id":"sent"}"""));

        var response = await Client.SendToConversationAsync(ServiceUrl, Conversation, Message);

        Assert.Equal("sent", response.Id);
        Assert.Equal(2, ConnectorCalls.Count);
    }

    [Fact]
    public async Task GetMemberAsync_502And504ThenSuccess_Retries()
    {
        Script((c, n) => n switch
        {
            1 => LocalHttpServer.Json(c, 502, ""),
            2 => LocalHttpServer.Json(c, 504, ""),
            _ => LocalHttpServer.Json(c, 200, """{"id":"29:u","email":"u@x.example"}"""),
        });

        var member = await Client.GetMemberAsync(ServiceUrl, Conversation, "29:u");

        Assert.Equal("u@x.example", member.Email);
        Assert.Equal(3, ConnectorCalls.Count);
    }

    [Fact]
    public async Task SendToConversationAsync_502_IsAmbiguousAndNotReplayed()
    {
        Script((c, _) => LocalHttpServer.Json(c, 502, ""));

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => Client.SendToConversationAsync(ServiceUrl, Conversation, Message));

        Assert.Equal(HttpStatusCode.BadGateway, ex.StatusCode);
        Assert.Single(ConnectorCalls);
    }

    [Fact]
    public async Task SendToConversationAsync_ConnectionDroppedAfterTheRequestArrived_IsNotReplayed()
    {
        // A first call leaves a pooled connection, so the drop happens on a reused one (the handler's own retry case).
        Script((c, n) =>
        {
            if (n == 1)
            {
                return LocalHttpServer.Json(c, 200, """{"id":"29:u"}""");
            }

            c.Abort();
            return Task.CompletedTask;
        });
        await Client.GetMemberAsync(ServiceUrl, Conversation, "29:u");

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => Client.SendToConversationAsync(ServiceUrl, Conversation, Message));

        Assert.True(ex.IsOutcomeUnknown);
        Assert.Null(ex.StatusCode);
        Assert.Single(ConnectorCalls, c => c.Method == "POST");
    }

    [Fact]
    public async Task UpdateActivityAsync_ConnectionDropped_IsReplayedBecausePutIsIdempotent()
    {
        Script((c, n) =>
        {
            if (n == 1)
            {
                c.Abort();
                return Task.CompletedTask;
            }

            return LocalHttpServer.Json(c, 200, """{"id":"card-1"}""");
        });

        var response = await Client.UpdateActivityAsync(ServiceUrl, Conversation, "card-1", Message);

        Assert.Equal("card-1", response.Id);
        Assert.Equal(2, ConnectorCalls.Count);
    }

    [Fact]
    public async Task SendToConversationAsync_NoAnswerWithinTheAttemptTimeout_IsNotReplayed()
    {
        Script(async (c, n) =>
        {
            if (n == 1)
            {
                await LocalHttpServer.Json(c, 200, """{"id":"29:u"}""");
                return;
            }

            await Task.Delay(TimeSpan.FromSeconds(3), c.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            if (!c.RequestAborted.IsCancellationRequested)
            {
                await LocalHttpServer.Json(c, 201, """{"id":"late"}""");
            }
        });

        var settings = ConnectorTestHost.Credentials(_server.Url);
        settings["Teams:Connector:AttemptTimeout"] = "00:00:01";
        await using var services = ConnectorTestHost.Build(settings);
        var client = services.GetRequiredService<IConnectorClient>();
        await client.GetMemberAsync(ServiceUrl, Conversation, "29:u"); // warm: token cached, connection open, code jitted

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => client.SendToConversationAsync(ServiceUrl, Conversation, Message));

        Assert.True(ex.IsOutcomeUnknown);
        Assert.Single(ConnectorCalls, c => c.Method == "POST");
    }

    [Theory]
    [InlineData("""{"errorCode":209,"message":"{\r\n  \"subCode\": \"MessageWritesBlocked\",\r\n  \"details\": \"Thread is blocked from message writes.\",\r\n  \"errorCode\": null,\r\n  \"errorSubCode\": null\r\n}"}""")]
    [InlineData("""{"error":{"code":"MessageWritesBlocked","message":"blocked"}}""")]
    [InlineData("""{"error":{"code":"ConversationBlockedByUser","message":"User blocked the conversation with the bot."}}""")]
    public async Task SendToConversationAsync_403MessageWritesBlocked_ThrowsConversationBlockedAfterOneCall(string body)
    {
        Script((c, _) =>
        {
            c.Response.Headers["X-Correlating-OperationId"] = "corr-403";
            return LocalHttpServer.Json(c, 403, body);
        });

        var ex = await Assert.ThrowsAsync<ConversationBlockedException>(() => Client.SendToConversationAsync(ServiceUrl, Conversation, Message));

        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
        Assert.Equal("corr-403", ex.CorrelationId);
        Assert.NotNull(ex.ErrorCode);
        Assert.Single(ConnectorCalls);
    }

    [Fact]
    public async Task SendToConversationAsync_403Otherwise_IsAPlainConnectorException()
    {
        Script((c, _) => LocalHttpServer.Json(c, 403, """{"error":{"code":"ForbiddenOperationException","message":"Bot is not installed in user's personal scope"}}"""));

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => Client.SendToConversationAsync(ServiceUrl, Conversation, Message));

        Assert.IsNotType<ConversationBlockedException>(ex);
        Assert.Equal("ForbiddenOperationException", ex.ErrorCode);
        Assert.Single(ConnectorCalls);
    }

    [Fact]
    public async Task SendToConversationAsync_413MessageSizeTooBig_ThrowsMessageTooLargeAfterOneCall()
    {
        Script((c, _) =>
        {
            c.Response.Headers["X-Correlating-OperationId"] = "corr-413";
            return LocalHttpServer.Json(c, 413, """{"error":{"code":"MessageSizeTooBig","message":"Message size too big"}}""");
        });

        var ex = await Assert.ThrowsAsync<MessageTooLargeException>(() => Client.SendToConversationAsync(ServiceUrl, Conversation, Message));

        Assert.Equal("MessageSizeTooBig", ex.ErrorCode);
        Assert.Equal("corr-413", ex.CorrelationId);
        Assert.Contains("corr-413", ex.Message, StringComparison.Ordinal);
        Assert.Single(ConnectorCalls);
    }

    [Fact]
    public async Task GetMemberAsync_404_IsNotRetried()
    {
        Script((c, _) => LocalHttpServer.Json(c, 404, """{"error":{"code":"MemberNotFoundInConversation","message":"not found"}}"""));

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => Client.GetMemberAsync(ServiceUrl, Conversation, "29:gone"));

        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Equal("MemberNotFoundInConversation", ex.ErrorCode);
        Assert.Single(ConnectorCalls);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    private static Task Throttled(HttpContext context, string retryAfter)
    {
        context.Response.Headers.RetryAfter = retryAfter;
        context.Response.Headers["X-Correlating-OperationId"] = "corr-429";
        return LocalHttpServer.Json(context, 429, """{"error":{"code":"TooManyRequests","message":"slow down"}}""");
    }

    /// <summary>Answers Connector calls by their 1-based number.</summary>
    private void Script(Func<HttpContext, int, Task> answer) => _connector = (c, n, _) => answer(c, n);
}
