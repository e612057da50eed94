using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SesBot.Bot.Pipeline.Outbox;
using SesBot.Bot.Tests.Dialogs.Support;
using SesBot.Core.Outbox;

namespace SesBot.Bot.Tests.Outbox;

/// <summary>
/// The running dispatcher takes messages claimed with their turn's commit straight from memory: it sends them in order,
/// gives back what it did not attempt (after a failure before it, or when it stops), and leaves the rest of the outbox
/// to its own looks. The database is a real SQLite file; the handler records what it was asked to send.
/// </summary>
public sealed class OutboxHandoffTests : IAsyncLifetime
{
    private readonly RecordingHandler _handler = new();
    private DialogHost _host = null!;
    private OutboxDispatcher _dispatcher = null!;
    private CountingClock _clock = null!;

    public async Task InitializeAsync()
    {
        _host = await DialogHost.StartAsync(
            settings: new Dictionary<string, string?>
            {
                ["Outbox:SweepInterval"] = "00:10:00", // its own looks: at start, then not within a test
                ["Outbox:Parallelism"] = "1",
                ["Outbox:BaseDelay"] = "00:01:00",
                ["Outbox:HandoffLimit"] = "3",
            },
            configure: services =>
            {
                services.AddSingleton<IOutboxHandler>(_handler);
                _clock = new CountingClock((TimeProvider)services.Last(d => d.ServiceType == typeof(TimeProvider)).ImplementationInstance!);
                services.AddSingleton<TimeProvider>(_clock);
            });
        _dispatcher = _host.Services.GetRequiredService<OutboxDispatcher>();
    }

    public async Task DisposeAsync()
    {
        await _dispatcher.StopAsync(CancellationToken.None);
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task HandedOver_SentInOrderWithOneAttemptEach()
    {
        await StartDispatcherAsync();

        var claimed = await CommitAsync(("c-1", "k-1"), ("c-1", "k-2"), ("c-2", "k-3"));
        Assert.True(Handoff.Offer(claimed));

        var rows = await WaitForAsync(r => r.All(m => m.Status == OutboxStatus.Sent));
        Assert.Equal(["k-1", "k-2", "k-3"], _handler.Delivered);
        Assert.All(rows, r => Assert.Equal(1, r.Attempts));
        var attempts = await _host.DbAsync(db => db.OutboxAttempts.AsNoTracking().Select(a => a.Outcome).ToListAsync());
        Assert.Equal(["sent", "sent", "sent"], attempts);
    }

    [Fact]
    public async Task FirstOfAConversationNotSent_TheRestGivenBackUnattempted()
    {
        await StartDispatcherAsync();
        _handler.Answer("k-1", OutboxOutcome.Retry("503 from the receiver"));

        var claimed = await CommitAsync(("c-1", "k-1"), ("c-1", "k-2"), ("c-2", "k-3"));
        Assert.True(Handoff.Offer(claimed));

        var rows = await WaitForAsync(r => r.Single(m => m.IdempotencyKey == "k-2").Status == OutboxStatus.Pending
            && r.Single(m => m.IdempotencyKey == "k-3").Status == OutboxStatus.Sent);
        Assert.Equal(["k-1", "k-3"], _handler.Delivered);
        var first = rows.Single(m => m.IdempotencyKey == "k-1");
        Assert.Equal((OutboxStatus.Pending, 1), (first.Status, first.Attempts)); // its retry, a minute on
        Assert.True(first.NextAttemptAt > DialogHost.DefaultStart);
        var second = rows.Single(m => m.IdempotencyKey == "k-2");
        Assert.Equal((0, (DateTimeOffset?)null), (second.Attempts, second.LeaseUntil)); // never attempted, so no attempt counted
    }

    [Fact]
    public async Task GivenBackBehindARetry_DispatcherSleepsUntilItIsDue()
    {
        await StartDispatcherAsync();
        _handler.Answer("k-1", OutboxOutcome.Retry("503 from the receiver"));
        Assert.True(Handoff.Offer(await CommitAsync(("c-1", "k-1"), ("c-1", "k-2"))));
        await WaitForAsync(r => r.Single(m => m.IdempotencyKey == "k-2").Status == OutboxStatus.Pending); // behind k-1's retry, a minute on
        await Task.Delay(200);

        var before = _clock.Reads;
        await Task.Delay(1000);
        var looks = _clock.Reads - before;

        Assert.True(looks < 10, $"The dispatcher looked at the outbox {looks} times in one idle second.");
        Assert.Equal(["k-1"], _handler.Delivered);
    }

    [Fact]
    public async Task Stopped_MessagesNotStartedGivenBackAndTheOneUnderWayLeftToTheRecovery()
    {
        await StartDispatcherAsync();
        _handler.Hold("k-1");

        var underWay = await CommitAsync(("c-1", "k-1"));
        Assert.True(Handoff.Offer(underWay));
        await _handler.Started("k-1").WaitAsync(TimeSpan.FromSeconds(10));
        var waiting = await CommitAsync(("c-2", "k-2")); // one slot (Outbox:Parallelism = 1): this one waits for it
        Assert.True(Handoff.Offer(waiting));

        await _dispatcher.StopAsync(CancellationToken.None);

        Assert.False(Handoff.Accepting);
        var late = await CommitAsync(("c-3", "k-3")); // a turn that committed just as the dispatcher stopped
        Assert.False(Handoff.Offer(late));
        await _dispatcher.GiveBackAsync([.. late], CancellationToken.None); // what the pipeline then does
        var rows = await RowsAsync();
        Assert.Equal(
            [("k-1", OutboxStatus.Sending, 1), ("k-2", OutboxStatus.Pending, 0), ("k-3", OutboxStatus.Pending, 0)],
            rows.Select(r => (r.IdempotencyKey, r.Status, r.Attempts)));
        Assert.Equal(["k-1"], _handler.Delivered);
    }

    [Fact]
    public async Task WaitedPastItsLease_NotTakenForAnInterruptedSendAndSentOnce()
    {
        await StartDispatcherAsync();
        _handler.Hold("k-1");
        Assert.True(Handoff.Offer(await CommitAsync(("c-1", "k-1"))));
        await _handler.Started("k-1").WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(Handoff.Offer(await CommitAsync(("c-2", "k-2")))); // one slot: it waits, claimed and never attempted
        _host.Clock.Advance(TimeSpan.FromMinutes(3)); // both claims (two minutes from their commits) run out

        await _dispatcher.RecoverInterruptedAsync(CancellationToken.None);

        var rows = await RowsAsync();
        Assert.Equal(
            [("k-1", OutboxStatus.NeedsAttention), ("k-2", OutboxStatus.Sending)], // the send under way may have gone out
            rows.Select(r => (r.IdempotencyKey, r.Status)));
        _handler.Let("k-1");
        rows = await WaitForAsync(r => r.Single(m => m.IdempotencyKey == "k-2").Status == OutboxStatus.Sent);
        Assert.Equal(["k-1", "k-2"], _handler.Delivered);
        Assert.Equal(1, rows.Single(m => m.IdempotencyKey == "k-2").Attempts);
    }

    [Fact]
    public async Task WaitedPastItsLeaseAndTakenOverElsewhere_NeitherSentNorGivenBack()
    {
        await StartDispatcherAsync();
        _handler.Hold("k-1");
        Assert.True(Handoff.Offer(await CommitAsync(("c-1", "k-1"))));
        await _handler.Started("k-1").WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(Handoff.Offer(await CommitAsync(("c-2", "k-2"), ("c-2", "k-3"))));
        _host.Clock.Advance(TimeSpan.FromMinutes(3));

        // Another SesBot's recovery (it cannot know what waits in this one's memory) takes the run-out claims.
        await _host.DbAsync(async db =>
        {
            foreach (var message in await db.OutboxMessages.Where(m => m.OrderingKey == "c-2").ToListAsync())
            {
                message.NeedsAttention("interrupted", _host.Clock.GetUtcNow());
            }

            return await db.SaveChangesAsync();
        });
        _handler.Let("k-1");
        await WaitForAsync(r => r.Single(m => m.IdempotencyKey == "k-1").Status == OutboxStatus.Sent);
        await _dispatcher.StopAsync(CancellationToken.None); // what was handed over is done with

        Assert.Equal(["k-1"], _handler.Delivered);
        var rows = await RowsAsync();
        Assert.Equal(
            [("k-2", OutboxStatus.NeedsAttention), ("k-3", OutboxStatus.NeedsAttention)],
            rows.Where(r => r.OrderingKey == "c-2").Select(r => (r.IdempotencyKey, r.Status)));
    }

    [Fact]
    public async Task ConnectorSlow_AtTheLimitNoMoreTakenInMemory()
    {
        await StartDispatcherAsync();
        _handler.Hold("k-1");
        Assert.True(Handoff.Offer(await CommitAsync(("c-1", "k-1"))));
        await _handler.Started("k-1").WaitAsync(TimeSpan.FromSeconds(10)); // one slot (Outbox:Parallelism = 1), taken

        Assert.True(Handoff.Offer(await CommitAsync(("c-2", "k-2"))));
        Assert.True(Handoff.Offer(await CommitAsync(("c-3", "k-3"))));
        Assert.True(Handoff.Accepting);
        Assert.True(Handoff.Offer(await CommitAsync(("c-4", "k-4")))); // claimed already: taken, though it fills the room

        Assert.False(Handoff.Accepting); // three wait (Outbox:HandoffLimit): the next turns leave theirs in the database
    }

    [Fact]
    public async Task NotRunning_NotAccepting()
    {
        Assert.False(Handoff.Accepting);
        Assert.False(Handoff.Offer(await CommitAsync(("c-1", "k-1"))));

        await StartDispatcherAsync();

        Assert.True(Handoff.Accepting);
    }

    [Fact]
    public async Task LeftPendingByAnEarlierRun_LookedForOnlyOnceTheFirstSweepDelayHasPassed()
    {
        await _host.DbAsync(async db =>
        {
            db.OutboxMessages.Add(new OutboxMessage(RecordingHandler.KindName, "k-old", "c-9", "{}", _host.Clock.GetUtcNow()));
            return await db.SaveChangesAsync();
        });
        await StartDispatcherAsync();

        // Meanwhile this run's replies go out at once; the earlier run's message waits for the first look.
        Assert.True(Handoff.Offer(await CommitAsync(("c-1", "k-1"))));
        await WaitForAsync(r => r.Single(m => m.IdempotencyKey == "k-1").Status == OutboxStatus.Sent);
        Assert.Equal(OutboxStatus.Pending, (await RowsAsync()).Single(m => m.IdempotencyKey == "k-old").Status);
        Assert.Equal(["k-1"], _handler.Delivered);

        // The first look is three seconds after start (the loop may still be setting its timer: advance until it fires).
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while ((await RowsAsync()).Single(m => m.IdempotencyKey == "k-old").Status != OutboxStatus.Sent)
        {
            Assert.True(DateTime.UtcNow < deadline, "The earlier run's message was not sent after the first sweep delay.");
            _host.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20);
        }

        Assert.Equal(["k-1", "k-old"], _handler.Delivered);
    }

    private OutboxHandoff Handoff => _host.Services.GetRequiredService<OutboxHandoff>();

    private async Task StartDispatcherAsync()
    {
        await _dispatcher.StartAsync(CancellationToken.None);

        // The dispatcher's loop runs on its own (BackgroundService runs ExecuteAsync in the background).
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!Handoff.Accepting)
        {
            Assert.True(DateTime.UtcNow < deadline, "The dispatcher did not start taking messages within 10 s.");
            await Task.Delay(10);
        }
    }

    /// <summary>What a turn does: writes its messages and asks its commit to claim them.</summary>
    private Task<IReadOnlyList<OutboxMessage>> CommitAsync(params (string Conversation, string Key)[] messages) =>
        _host.DbAsync(async db =>
        {
            var now = _host.Clock.GetUtcNow();
            List<OutboxMessage> added = [.. messages.Select(m => new OutboxMessage(RecordingHandler.KindName, m.Key, m.Conversation, "{}", now))];
            db.OutboxMessages.AddRange(added);
            db.ClaimOnCommit(added, now.AddMinutes(2));
            await db.SaveChangesAsync();
            Assert.Equal(added.Count, db.ClaimedOnCommit.Count);
            return db.ClaimedOnCommit;
        });

    private Task<List<OutboxMessage>> RowsAsync() =>
        _host.DbAsync(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.IdempotencyKey).ToListAsync());

    private async Task<List<OutboxMessage>> WaitForAsync(Func<List<OutboxMessage>, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var rows = await RowsAsync();
            if (done(rows))
            {
                return rows;
            }

            Assert.True(DateTime.UtcNow < deadline, "Not delivered within 10 s: " + string.Join(", ", rows.Select(r => $"{r.IdempotencyKey} {r.Status}")));
            await Task.Delay(20);
        }
    }

    /// <summary>The test's clock, counting how often it is read (the dispatcher reads it at every look at the outbox).</summary>
    private sealed class CountingClock(TimeProvider inner) : TimeProvider
    {
        private int _reads;

        public int Reads => Volatile.Read(ref _reads);

        public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

        public override long TimestampFrequency => inner.TimestampFrequency;

        public override DateTimeOffset GetUtcNow()
        {
            Interlocked.Increment(ref _reads);
            return inner.GetUtcNow();
        }

        public override long GetTimestamp() => inner.GetTimestamp();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            inner.CreateTimer(callback, state, dueTime, period);
    }

    /// <summary>Records the order it was asked to send in; answers "sent" unless told otherwise, or holds until let go or cancelled.</summary>
    private sealed class RecordingHandler : IOutboxHandler
    {
        public const string KindName = "test.recording";
        private readonly ConcurrentDictionary<string, OutboxOutcome> _answers = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, TaskCompletionSource> _held = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, TaskCompletionSource> _let = new(StringComparer.Ordinal);
        private readonly ConcurrentQueue<string> _delivered = new();

        public string Kind => KindName;

        public List<string> Delivered => [.. _delivered];

        public void Answer(string key, OutboxOutcome outcome) => _answers[key] = outcome;

        public void Hold(string key)
        {
            _held[key] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _let[key] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        public Task Started(string key) => _held[key].Task;

        /// <summary>A held send goes on (and answers as told).</summary>
        public void Let(string key) => _let[key].TrySetResult();

        public bool IsIdempotent(OutboxMessage message) => false;

        public async Task<OutboxOutcome> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            _delivered.Enqueue(message.IdempotencyKey);
            if (_held.TryGetValue(message.IdempotencyKey, out var started))
            {
                started.TrySetResult();
                await _let[message.IdempotencyKey].Task.WaitAsync(cancellationToken);
            }

            return _answers.TryGetValue(message.IdempotencyKey, out var outcome) ? outcome : OutboxOutcome.Sent("""{"id":"x"}""");
        }
    }
}
