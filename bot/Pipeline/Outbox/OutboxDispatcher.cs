using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SesBot.Core.Outbox;
using SesBot.Core.Persistence;

namespace SesBot.Bot.Pipeline.Outbox;

/// <summary>
/// Delivers outbox messages after their turn committed: woken by the commit, in order per conversation, several
/// conversations at once. Each attempt is recorded. A failure the receiver reported is retried with backoff (and its
/// Retry-After); a send whose outcome is unknown is retried only when sending twice is harmless, and otherwise left
/// for a person. A message is claimed in the database before it is sent, so two dispatchers never send it twice: by
/// the dispatcher in a write of its own, or already by the commit of the turn that wrote it, which then hands it over
/// in memory (<see cref="OutboxHandoff"/>), so that a reply leaves without any read or write before it.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    OutboxHandoff handoff,
    IEnumerable<IOutboxHandler> handlers,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private readonly Dictionary<string, IOutboxHandler> _handlers = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);

    /// <summary>Delivers every message due now; returns how many were attempted.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        List<OutboxMessage> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
            var now = clock.GetUtcNow();
            due = await db.OutboxMessages.AsNoTracking()
                .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
                .OrderBy(m => m.Id)
                .Take(settings.BatchSize)
                .ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                return 0;
            }

            // A conversation whose earlier message waits for a retry (or is being sent) gets nothing after it yet. What
            // waits behind a message handed over is looked for again once that one is done (noted before looking, so
            // that a send finishing meanwhile is not missed).
            handoff.NoteBacklog();
            var keys = due.Select(m => m.OrderingKey).Distinct().ToList();
            var waiting = await db.OutboxMessages.AsNoTracking()
                .Where(m => keys.Contains(m.OrderingKey)
                    && (m.Status == OutboxStatus.Sending || (m.Status == OutboxStatus.Pending && m.NextAttemptAt > now)))
                .GroupBy(m => m.OrderingKey)
                .Select(g => new { Key = g.Key, First = g.Min(m => m.Id) })
                .ToDictionaryAsync(g => g.Key, g => g.First, cancellationToken);
            due = [.. due.Where(m => !waiting.TryGetValue(m.OrderingKey, out var first) || m.Id < first)];
        }

        var conversations = due.GroupBy(m => m.OrderingKey).ToList();
        var attempted = 0;
        await Parallel.ForEachAsync(
            conversations,
            new ParallelOptions { MaxDegreeOfParallelism = settings.Parallelism, CancellationToken = cancellationToken },
            async (conversation, ct) =>
            {
                foreach (var message in conversation)
                {
                    Interlocked.Increment(ref attempted);
                    if (!await DeliverAsync(message, claimed: false, ct))
                    {
                        break; // the rest of this conversation waits, in order
                    }
                }
            });
        return attempted;
    }

    /// <summary>
    /// Messages whose claim ran out while being sent (the bot stopped, or hung): sent again when that is harmless,
    /// otherwise marked for a person, since they may have arrived.
    /// </summary>
    public async Task<int> RecoverInterruptedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
        var now = clock.GetUtcNow();
        var expired = await db.OutboxMessages.Where(m => m.Status == OutboxStatus.Sending && m.LeaseUntil < now).ToListAsync(cancellationToken);

        // A claim handed over with its turn's commit that still waits here was never attempted: not interrupted.
        var stuck = expired.Where(m => !handoff.Waiting(m.Id)).ToList();
        foreach (var message in stuck)
        {
            var idempotent = _handlers.TryGetValue(message.Kind, out var handler) && handler.IsIdempotent(message);
            const string Interrupted = "The send was interrupted (SesBot stopped or the call hung)";
            if (idempotent)
            {
                message.RetryAt(now, Interrupted + "; sending again is harmless.");
            }
            else
            {
                message.NeedsAttention(Interrupted + "; it may have arrived, so it was not sent again.", now);
                Log.OutboxNeedsAttention(logger, message.Id, message.Kind, Interrupted);
            }

            db.OutboxAttempts.Add(new OutboxAttempt(message.Id, message.Attempts, now, TimeSpan.Zero, "unknown", Interrupted));
        }

        if (stuck.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return stuck.Count;
    }

    /// <summary>
    /// Gives back claims that were never attempted (messages claimed with their turn's commit that were not sent):
    /// pending again, for the next pass to send in order.
    /// </summary>
    public async Task GiveBackAsync(IReadOnlyCollection<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count == 0)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
            var writes = scope.ServiceProvider.GetRequiredService<DatabaseWrites>();

            // Only a claim that is still the one taken with the commit (not taken over meanwhile by a recovery) is given back.
            foreach (var claim in messages.GroupBy(m => m.Attempts))
            {
                var attempts = claim.Key;
                List<long> ids = [.. claim.Select(m => m.Id)];
                await writes.RunAsync(
                    ct => db.OutboxMessages
                        .Where(m => ids.Contains(m.Id) && m.Status == OutboxStatus.Sending && m.Attempts == attempts)
                        .ExecuteUpdateAsync(s => s
                            .SetProperty(m => m.Status, OutboxStatus.Pending)
                            .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null)
                            .SetProperty(m => m.Attempts, m => m.Attempts - 1), ct),
                    cancellationToken);
            }
        }
        finally
        {
            foreach (var message in messages)
            {
                handoff.Leave(message.Id);
            }
        }

        signal.Notify();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        handoff.Open();
        var handedOff = DeliverHandedOffAsync(stoppingToken);
        try
        {
            await SweepAsync(stoppingToken);
        }
        finally
        {
            var notStarted = await handedOff;
            notStarted.AddRange(handoff.Close());
            try
            {
                await GiveBackAsync(notStarted, CancellationToken.None);
            }
            catch (Exception ex)
            {
                Log.OutboxLoopFailed(logger, ex);
            }
        }
    }

    /// <summary>
    /// Sends what turns claimed with their commits, as soon as it is handed over: several commits at once, the messages
    /// of one commit and conversation in order. When one is not sent, the rest of its conversation is given back.
    /// Returns, once stopped, the messages taken over but not started.
    /// </summary>
    private async Task<List<OutboxMessage>> DeliverHandedOffAsync(CancellationToken stoppingToken)
    {
        var parallelism = options.Value.Parallelism;
        using var slots = new SemaphoreSlim(parallelism, parallelism);
        List<OutboxMessage> notStarted = [];
        try
        {
            await foreach (var batch in handoff.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await slots.WaitAsync(stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    notStarted.AddRange(batch);
                    throw;
                }

                _ = Task.Run(
                    async () =>
                    {
                        try
                        {
                            await DeliverClaimedAsync(batch, stoppingToken);
                        }
                        finally
                        {
                            slots.Release();
                        }
                    },
                    CancellationToken.None);
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            // Sends under way finish (or are cancelled: their claims then run out and the recovery decides).
            for (var i = 0; i < parallelism; i++)
            {
                await slots.WaitAsync(CancellationToken.None);
            }
        }

        return notStarted;
    }

    private async Task DeliverClaimedAsync(IReadOnlyList<OutboxMessage> batch, CancellationToken cancellationToken)
    {
        List<OutboxMessage> notAttempted = [];
        foreach (var conversation in batch.GroupBy(m => m.OrderingKey, StringComparer.Ordinal))
        {
            var messages = conversation.ToList();
            for (var i = 0; i < messages.Count; i++)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    notAttempted.AddRange(messages[i..]);
                    break;
                }

                bool sent;
                try
                {
                    sent = await DeliverAsync(messages[i], claimed: true, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    sent = false; // this one stays claimed: it may have gone out, so the recovery decides
                }
                catch (Exception ex)
                {
                    Log.OutboxLoopFailed(logger, ex);
                    sent = false;
                }
                finally
                {
                    handoff.Leave(messages[i].Id); // attempted or not, it is no longer waiting: the recovery may judge it
                }

                if (!sent)
                {
                    notAttempted.AddRange(messages[(i + 1)..]);
                    break;
                }
            }
        }

        try
        {
            await GiveBackAsync(notAttempted, CancellationToken.None);
        }
        catch (Exception ex)
        {
            Log.OutboxLoopFailed(logger, ex);
        }

        if (handoff.TakeBacklog())
        {
            signal.Notify();
        }
    }

    /// <summary>The dispatcher's own loop: what is due (retries, messages no turn handed over), and the recovery.</summary>
    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        // A claim can only run out a lease after it was taken: looking for interrupted sends at start and then once per
        // sweep is enough, not at every wake-up (a busy bot is woken by nearly every turn).
        var recoverAt = DateTimeOffset.MinValue;
        if (options.Value.FirstSweepDelay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(options.Value.FirstSweepDelay, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (clock.GetUtcNow() >= recoverAt)
                {
                    await RecoverInterruptedAsync(stoppingToken);
                    recoverAt = clock.GetUtcNow() + options.Value.SweepInterval;
                }

                while (await DispatchDueAsync(stoppingToken) > 0)
                {
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.OutboxLoopFailed(logger, ex);
            }

            try
            {
                await signal.WaitAsync(await UntilNextDueAsync(stoppingToken), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// How long to sleep: until the earliest retry falls due, at most one sweep interval. Messages already due were all
    /// attempted, or wait behind an earlier one of their conversation (due later, or being sent, which wakes it when
    /// done): they are no reason to look again at once.
    /// </summary>
    private async Task<TimeSpan> UntilNextDueAsync(CancellationToken cancellationToken)
    {
        var sweep = options.Value.SweepInterval;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
            var now = clock.GetUtcNow();
            var next = await db.OutboxMessages.AsNoTracking()
                .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt > now)
                .OrderBy(m => m.NextAttemptAt)
                .Select(m => (DateTimeOffset?)m.NextAttemptAt)
                .FirstOrDefaultAsync(cancellationToken);
            if (next is null)
            {
                return sweep;
            }

            var wait = next.Value - clock.GetUtcNow();
            return wait <= TimeSpan.Zero ? TimeSpan.FromMilliseconds(1) : wait < sweep ? wait : sweep;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.OutboxLoopFailed(logger, ex);
            return sweep;
        }
    }

    /// <summary>
    /// One attempt at one message; true when it was sent (the conversation may go on). Unless <paramref name="claimed"/>
    /// (with its turn's commit), the message is claimed here first.
    /// </summary>
    private async Task<bool> DeliverAsync(OutboxMessage message, bool claimed, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
        var started = clock.GetUtcNow();
        if (!claimed)
        {
            var leaseUntil = started + settings.Lease;
            var writes = scope.ServiceProvider.GetRequiredService<DatabaseWrites>();
            var taken = await writes.RunAsync(
                ct => db.OutboxMessages
                    .Where(m => m.Id == message.Id && m.Status == OutboxStatus.Pending)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(m => m.Status, OutboxStatus.Sending)
                        .SetProperty(m => m.LeaseUntil, leaseUntil)
                        .SetProperty(m => m.Attempts, m => m.Attempts + 1), ct),
                cancellationToken);
            if (taken == 0)
            {
                return false; // another dispatcher has it
            }

            // The row is as the claim left it (only a dispatcher holding the claim changes it): no need to read it again.
            message.Claimed(leaseUntil);
        }
        else if (!await RenewAsync(message, db, scope.ServiceProvider.GetRequiredService<DatabaseWrites>(), started, cancellationToken))
        {
            return false; // its claim ran out while it waited and was taken over: the recovery decided, not this send
        }

        OutboxOutcome outcome;
        var watch = Stopwatch.StartNew();
        if (!_handlers.TryGetValue(message.Kind, out var handler))
        {
            outcome = OutboxOutcome.Failed($"No handler delivers messages of kind '{message.Kind}'.");
        }
        else
        {
            try
            {
                outcome = await handler.DeliverAsync(message, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                outcome = handler.IsIdempotent(message) ? OutboxOutcome.Retry(ex.Message) : OutboxOutcome.Unknown(ex.Message);
            }
        }

        watch.Stop();
        // The message as its claim left it, and its attempt: written without the change tracker where the provider can.
        db.AttachUntracked(message);
        var now = clock.GetUtcNow();
        var word = Record(message, outcome, handler, now);
        db.Insert(new OutboxAttempt(message.Id, message.Attempts, started, watch.Elapsed, word, outcome.Detail));
        await db.SaveChangesAsync(CancellationToken.None);
        return message.Status == OutboxStatus.Sent;
    }

    /// <summary>
    /// A message claimed with its turn's commit may have waited since (for a slot, or behind its conversation's earlier
    /// messages): once less than half its lease is left, the claim is renewed for this send, only if it is still the one
    /// the commit took. Either way it no longer waits in the handoff, so an expired lease now means an interrupted send.
    /// </summary>
    private async Task<bool> RenewAsync(OutboxMessage message, SesBotDbContext db, DatabaseWrites writes, DateTimeOffset started, CancellationToken cancellationToken)
    {
        try
        {
            var lease = options.Value.Lease;
            if (message.LeaseUntil is { } until && until - started >= lease / 2)
            {
                return true;
            }

            var attempts = message.Attempts;
            var leaseUntil = started + lease;
            var renewed = await writes.RunAsync(
                ct => db.OutboxMessages
                    .Where(m => m.Id == message.Id && m.Status == OutboxStatus.Sending && m.Attempts == attempts)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseUntil, leaseUntil), ct),
                cancellationToken);
            if (renewed == 0)
            {
                return false;
            }

            message.Renewed(leaseUntil);
            return true;
        }
        finally
        {
            handoff.Leave(message.Id);
        }
    }

    private string Record(OutboxMessage message, OutboxOutcome outcome, IOutboxHandler? handler, DateTimeOffset now)
    {
        var settings = options.Value;
        switch (outcome.Kind)
        {
            case OutboxOutcomeKind.Sent:
                message.Sent(outcome.ResultJson, now);
                return "sent";
            case OutboxOutcomeKind.Unknown when handler?.IsIdempotent(message) != true:
                message.NeedsAttention(outcome.Detail ?? "No answer came; it may have arrived.", now);
                Log.OutboxNeedsAttention(logger, message.Id, message.Kind, outcome.Detail ?? string.Empty);
                return "unknown";
            case OutboxOutcomeKind.Retry or OutboxOutcomeKind.Unknown when message.Attempts < settings.MaxAttempts:
                var delay = Backoff(message.Attempts, settings);
                if (outcome.RetryAfter is { } asked && asked > delay)
                {
                    delay = asked;
                }

                message.RetryAt(now + delay, outcome.Detail ?? "Not delivered.");
                Log.OutboxRetry(logger, message.Id, message.Kind, message.Attempts, delay, outcome.Detail ?? string.Empty);
                return "retry";
            default:
                var reason = outcome.Kind == OutboxOutcomeKind.Failed
                    ? outcome.Detail ?? "Refused."
                    : $"Gave up after {message.Attempts} attempts: {outcome.Detail}";
                message.Fail(reason, now);
                Log.OutboxFailed(logger, message.Id, message.Kind, reason);
                return "failed";
        }
    }

    /// <summary>Exponential backoff with full jitter on the upper half: base·2^(n−1), capped.</summary>
    private static TimeSpan Backoff(int attempts, OutboxOptions settings)
    {
        var exponential = settings.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempts - 1));
        var capped = Math.Min(exponential, settings.MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped / 2 + (Random.Shared.NextDouble() * capped / 2));
    }
}
