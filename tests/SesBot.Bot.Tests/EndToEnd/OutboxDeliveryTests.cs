using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using SesBot.Bot.Channels.Teams;
using SesBot.Bot.Tests.Channels.Teams.Connector;
using SesBot.Bot.Tests.Support;
using Xunit.Abstractions;

namespace SesBot.Bot.Tests.EndToEnd;

/// <summary>
/// The outbox seen from the wire: the real bot process answers <c>POST /api/messages</c> as soon as the turn has
/// committed, then sends the reply to a Connector stand-in on 127.0.0.1 that misbehaves on purpose. What the bot kept
/// is read from its SQLite file, read-only (<c>OutboxMessages</c>, <c>OutboxAttempts</c>).
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class OutboxDeliveryTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Reply_FirstPostHeldThen503Then201_InboundAnsweredFirstAndReplySentOnceAfterTwoAttempts()
    {
        const string Conversation = "a:outbox-held";
        var path = AlexInTeams.ActivitiesPath(Conversation);
        var clock = Stopwatch.StartNew();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var answers = new ConcurrentQueue<(int Post, int Status, TimeSpan At)>();
        var posts = 0;
        await using var connector = await LocalHttpServer.StartAsync(async (context, request) =>
        {
            if (request.Method != "POST" || !request.RawTarget.StartsWith(path, StringComparison.Ordinal))
            {
                await LocalHttpServer.Json(context, 404, """{"error":{"code":"NotFound","message":"Not this test's conversation."}}""");
                return;
            }

            var post = Interlocked.Increment(ref posts);
            if (post == 1)
            {
                // Held: no byte of an answer until the test has seen the bot answer the inbound request.
                try
                {
                    await release.Task.WaitAsync(TimeSpan.FromSeconds(20));
                }
                catch (TimeoutException)
                {
                    // the bot never answered the inbound request while its reply was held: the asserts say so
                }

                answers.Enqueue((post, 503, clock.Elapsed));
                await LocalHttpServer.Json(context, 503, """{"error":{"code":"ServiceUnavailable","message":"Try again later."}}""");
                return;
            }

            answers.Enqueue((post, 201, clock.Elapsed));
            await LocalHttpServer.Json(context, 201, $$"""{"id":"reply-{{post}}"}""");
        });
        await using var bot = await BotProcess.StartAsync(new Dictionary<string, string?>
        {
            ["Teams__Connector__MaxRetryAttempts"] = "0",
            ["Outbox__BaseDelay"] = "00:00:00.2",
            ["Outbox__SweepInterval"] = "00:00:00.5",
        });
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        var started = clock.Elapsed;
        var inbound = await PostAsync(http, bot, AlexInTeams.Message(connector.Url, Conversation, "held-1", "help"));
        var inboundAnswered = clock.Elapsed;

        Assert.Equal(HttpStatusCode.OK, inbound);
        Assert.Empty(answers);
        Assert.Single(await connector.WaitForRequestsAsync(path)); // the reply is on its way, and held
        Assert.Empty(answers);
        release.SetResult();

        var delivered = await connector.WaitForRequestsAsync(path, count: 2);
        Assert.Equal(2, delivered.Count);
        await Task.Delay(Quiet);
        Assert.Equal(2, connector.RequestsTo(path).Count);
        Assert.Equal([(1, 503), (2, 201)], answers.Select(a => (a.Post, a.Status)));
        Assert.True(answers.Min(a => a.At) > inboundAnswered);
        Assert.Equal(delivered[0].Body, delivered[1].Body);

        var message = await OutboxRowAsync(bot, Conversation, "Sent");
        Assert.Equal(2L, message.Attempts);
        Assert.Equal([(1L, "retry"), (2L, "sent")], await AttemptsAsync(bot, message.Id));
        var timeline = string.Join(", ", answers.Select(a => string.Create(CultureInfo.InvariantCulture, $"POST {a.Post} → {a.Status} at {(a.At - started).TotalMilliseconds:F0} ms")));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"inbound answered at {(inboundAnswered - started).TotalMilliseconds:F0} ms; stand-in: {timeline}"));
    }

    [Fact]
    public async Task Reply_ClaimedWithTheTurnsCommit_SentAtOnceWithoutTheDispatcherLookingForIt()
    {
        const string Conversation = "a:outbox-handoff";
        var path = AlexInTeams.ActivitiesPath(Conversation);
        await using var connector = await LocalHttpServer.StartAsync(async (context, request) =>
        {
            var status = request.Method == "POST" && request.RawTarget.StartsWith(path, StringComparison.Ordinal) ? 201 : 404;
            await LocalHttpServer.Json(context, status, status == 201 ? """{"id":"reply-1"}""" : """{"error":{"code":"NotFound","message":"Not this test's conversation."}}""");
        });

        // The dispatcher's own look for due messages runs at start and then only every ten minutes: a reply that arrives
        // within seconds was handed over in memory by the turn that claimed it with its commit.
        await using var bot = await BotProcess.StartAsync(new Dictionary<string, string?> { ["Outbox__SweepInterval"] = "00:10:00" });
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        await Task.Delay(TimeSpan.FromSeconds(1)); // past the dispatcher's first look at start

        var clock = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.OK, await PostAsync(http, bot, AlexInTeams.Message(connector.Url, Conversation, "handoff-1", "help")));
        Assert.Single(await connector.WaitForRequestsAsync(path));
        var deliveredAfter = clock.Elapsed;

        var message = await OutboxRowAsync(bot, Conversation, "Sent");
        Assert.Equal(1L, message.Attempts);
        Assert.Equal([(1L, "sent")], await AttemptsAsync(bot, message.Id));
        Assert.True(deliveredAfter < TimeSpan.FromSeconds(10), $"delivered after {deliveredAfter}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reply at the Connector {deliveredAfter.TotalMilliseconds:F0} ms after the inbound post (sweep every 10 min)"));
    }

    [Fact]
    public async Task Reply_ConnectionDroppedWithoutAnswer_NeedsAttentionAndNeverSentAgain()
    {
        const string Conversation = "a:outbox-dropped";
        var path = AlexInTeams.ActivitiesPath(Conversation);
        await using var connector = await LocalHttpServer.StartAsync(async (context, request) =>
        {
            if (request.Method == "POST" && request.RawTarget.StartsWith(path, StringComparison.Ordinal))
            {
                context.Abort(); // the whole request arrived; the connection drops before any answer
                return;
            }

            await LocalHttpServer.Json(context, 404, """{"error":{"code":"NotFound","message":"Not this test's conversation."}}""");
        });

        // The Connector client keeps its default in-process retries: it must not replay the POST either.
        await using var bot = await BotProcess.StartAsync(new Dictionary<string, string?>
        {
            ["Outbox__BaseDelay"] = "00:00:00.2",
            ["Outbox__SweepInterval"] = "00:00:00.5",
        });
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        var clock = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.OK, await PostAsync(http, bot, AlexInTeams.Message(connector.Url, Conversation, "dropped-1", "help")));

        var message = await OutboxRowAsync(bot, Conversation, "NeedsAttention");
        var markedAfter = clock.Elapsed;
        await Task.Delay(Quiet); // six sweeps
        Assert.Single(connector.RequestsTo(path));
        var after = await OutboxRowAsync(bot, Conversation, "NeedsAttention");
        Assert.Equal((1L, message.Id), (after.Attempts, after.Id));
        Assert.NotNull(after.LastError);
        Assert.Equal([(1L, "unknown")], await AttemptsAsync(bot, message.Id));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"NeedsAttention {markedAfter.TotalMilliseconds:F0} ms after the inbound post; 1 POST in {(markedAfter + Quiet).TotalSeconds:F1} s; LastError: {after.LastError}"));
    }

    [Fact]
    public async Task Reply_BotKilledWhileItsPostIsUnanswered_AfterRestartNeedsAttentionAndNeverSentAgain()
    {
        const string Conversation = "a:outbox-killed";
        var path = AlexInTeams.ActivitiesPath(Conversation);
        await using var connector = await LocalHttpServer.StartAsync(async (context, request) =>
        {
            if (request.Method == "POST" && request.RawTarget.StartsWith(path, StringComparison.Ordinal))
            {
                try
                {
                    await Task.Delay(Timeout.Infinite, context.RequestAborted); // no answer until the bot is gone
                }
                catch (OperationCanceledException)
                {
                }

                return;
            }

            await LocalHttpServer.Json(context, 404, """{"error":{"code":"NotFound","message":"Not this test's conversation."}}""");
        });
        await using var bot = await BotProcess.StartAsync(new Dictionary<string, string?>
        {
            ["Outbox__Lease"] = "00:00:02",
            ["Outbox__SweepInterval"] = "00:00:00.5",
        });
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        Assert.Equal(HttpStatusCode.OK, await PostAsync(http, bot, AlexInTeams.Message(connector.Url, Conversation, "killed-1", "help")));
        Assert.Single(await connector.WaitForRequestsAsync(path));
        var sending = await OutboxRowAsync(bot, Conversation, "Sending");
        await bot.KillAsync();

        // The new process finds the claim of the dead one; once its lease ran out the message may have arrived: a person decides.
        var clock = Stopwatch.StartNew();
        await bot.StartAgainAsync();
        var message = await OutboxRowAsync(bot, Conversation, "NeedsAttention");
        var recoveredAfter = clock.Elapsed;
        await Task.Delay(Quiet);
        Assert.Single(connector.RequestsTo(path));
        Assert.Equal((sending.Id, 1L), (message.Id, message.Attempts));
        Assert.Equal([(1L, "unknown")], await AttemptsAsync(bot, message.Id));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"NeedsAttention {recoveredAfter.TotalSeconds:F1} s after the restart began (lease 2 s); 1 POST in all; LastError: {message.LastError}"));
    }

    private static async Task<HttpStatusCode> PostAsync(HttpClient http, BotProcess bot, System.Text.Json.Nodes.JsonObject activity)
    {
        using var content = JsonContent.Create(activity);
        using var response = await http.PostAsync(new Uri(bot.MessagesEndpoint), content);
        return response.StatusCode;
    }

    /// <summary>The conversation's one outbox row, once it has reached <paramref name="status"/> (polled for up to 15 s).</summary>
    private static async Task<OutboxRow> OutboxRowAsync(BotProcess bot, string conversation, string status)
    {
        var orderingKey = $"{TeamsInboundMapper.ChannelName}:{conversation}";
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            var rows = await SqliteFile.ReadAsync(bot.DatabasePath,
                $"SELECT Id, Status, Attempts, LastError FROM OutboxMessages WHERE OrderingKey = '{orderingKey}'");
            var row = Assert.Single(rows);
            var found = new OutboxRow((long)row["Id"]!, (string)row["Status"]!, (long)row["Attempts"]!, (string?)row["LastError"]);
            if (found.Status == status)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The outbox row is {found.Status} after 15 s, not {status}.\n{bot.Output}");
            await Task.Delay(50);
        }
    }

    private static async Task<List<(long Number, string Outcome)>> AttemptsAsync(BotProcess bot, long messageId)
    {
        var rows = await SqliteFile.ReadAsync(bot.DatabasePath,
            string.Create(CultureInfo.InvariantCulture, $"SELECT Number, Outcome FROM OutboxAttempts WHERE OutboxMessageId = {messageId} ORDER BY Number, Id"));
        return [.. rows.Select(r => ((long)r["Number"]!, (string)r["Outcome"]!))];
    }

    private sealed record OutboxRow(long Id, string Status, long Attempts, string? LastError);
}
