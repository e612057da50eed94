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
/// for a person. A message is claimed in the database before it is sent, so two dispatchers never send it twice.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
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

            // A conversation whose earlier message waits for a retry (or is being sent) gets nothing after it yet.
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
                    if (!await DeliverAsync(message, ct))
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
        var stuck = await db.OutboxMessages.Where(m => m.Status == OutboxStatus.Sending && m.LeaseUntil < now).ToListAsync(cancellationToken);
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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A claim can only run out a lease after it was taken: looking for interrupted sends at start and then once per
        // sweep is enough, not at every wake-up (a busy bot is woken by nearly every turn).
        var recoverAt = DateTimeOffset.MinValue;
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

    /// <summary>How long to sleep: until the earliest retry falls due, at most one sweep interval.</summary>
    private async Task<TimeSpan> UntilNextDueAsync(CancellationToken cancellationToken)
    {
        var sweep = options.Value.SweepInterval;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
            var next = await db.OutboxMessages.AsNoTracking()
                .Where(m => m.Status == OutboxStatus.Pending)
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

    /// <summary>One attempt at one message; true when it was sent (the conversation may go on).</summary>
    private async Task<bool> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
        var writes = scope.ServiceProvider.GetRequiredService<DatabaseWrites>();
        var started = clock.GetUtcNow();
        var leaseUntil = started + settings.Lease;
        var claimed = await writes.RunAsync(
            ct => db.OutboxMessages
                .Where(m => m.Id == message.Id && m.Status == OutboxStatus.Pending)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Status, OutboxStatus.Sending)
                    .SetProperty(m => m.LeaseUntil, leaseUntil)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1), ct),
            cancellationToken);
        if (claimed == 0)
        {
            return false; // another dispatcher has it
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
        // The row is as the claim left it (only a dispatcher holding the claim changes it): no need to read it again.
        message.Claimed(leaseUntil);
        var tracked = db.OutboxMessages.Attach(message).Entity;
        var now = clock.GetUtcNow();
        var word = Record(tracked, outcome, handler, now);
        db.OutboxAttempts.Add(new OutboxAttempt(tracked.Id, tracked.Attempts, started, watch.Elapsed, word, outcome.Detail));
        await db.SaveChangesAsync(CancellationToken.None);
        return tracked.Status == OutboxStatus.Sent;
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
