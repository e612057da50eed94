using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SesBot.Bot.Cards;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Bot.Localization;
using SesBot.Bot.Pipeline.Outbox;
using SesBot.Core.Domain;
using SesBot.Core.Localization;
using SesBot.Core.Persistence;
using SesBot.Core.Support;

namespace SesBot.Bot.Support;

/// <summary>
/// Reminds whoever a request waits on: support in the request's thread after <c>Support:RemindAfter</c>, then the
/// escalation person or channel after <c>Support:EscalateAfter</c>; the requester in their chat when it waits on them.
/// Each message is an outbox row written in the same commit that moves the request's schedule on (and its idempotency
/// key is unique per request, wait and stage), so it is never written twice, and the schedules live in the database,
/// so a restart loses nothing. Sleeps until the next due time (at most <c>Support:FollowUpSweep</c>), on the injected clock.
/// </summary>
public sealed class SupportReminderService(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    IOptions<FollowUpOptions> options,
    TimeProvider clock,
    ILogger<SupportReminderService> logger) : BackgroundService
{
    private const int BatchSize = 50;
    private const int MaxPasses = 20;
    private static readonly TimeSpan MinimumWait = TimeSpan.FromSeconds(1);

    /// <summary>Brings the schedules up to date, then writes every follow-up due now; returns how many messages were written.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        await PlanAsync(cancellationToken);
        var written = 0;

        // Batch after batch until nothing is due (a reminder that fell due during a long stop may have its escalation
        // due too: one stage per pass), at most MaxPasses batches per run so the loop looks at new requests in between.
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            IReadOnlyList<string> due;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var followUps = scope.ServiceProvider.GetRequiredService<SupportFollowUps>();
                due = [.. (await followUps.DueAsync(BatchSize, cancellationToken: cancellationToken)).Select(d => d.Request.Id)];
            }

            if (due.Count == 0)
            {
                break;
            }

            foreach (var requestId in due)
            {
                written += await WriteAsync(requestId, cancellationToken) ? 1 : 0;
            }
        }

        if (written > 0)
        {
            signal.Notify();
        }

        return written;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (options.Value.FirstSweepDelay > TimeSpan.Zero)
            {
                await Task.Delay(options.Value.FirstSweepDelay, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.FollowUpLoopFailed(logger, ex);
            }

            try
            {
                await Task.Delay(await UntilNextDueAsync(stoppingToken), clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>How long to sleep: until the earliest due time, at most one sweep (new requests are planned at each sweep).</summary>
    public async Task<TimeSpan> UntilNextDueAsync(CancellationToken cancellationToken)
    {
        var sweep = options.Value.FollowUpSweep > TimeSpan.Zero ? options.Value.FollowUpSweep : TimeSpan.FromMinutes(1);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var next = await scope.ServiceProvider.GetRequiredService<SupportFollowUps>().NextDueAsync(cancellationToken);
            if (next is null)
            {
                return sweep;
            }

            var wait = next.Value - clock.GetUtcNow();
            return wait < MinimumWait ? MinimumWait : wait < sweep ? wait : sweep;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.FollowUpLoopFailed(logger, ex);
            return sweep;
        }
    }

    private async Task PlanAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
        try
        {
            if (await scope.ServiceProvider.GetRequiredService<SupportFollowUps>().PlanAsync(cancellationToken) > 0)
            {
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        catch (DbUpdateException)
        {
            // Another instance planned the same requests at the same moment: its plan stands, ours is read again next time.
            Log.FollowUpConflict(logger, "(planning)");
        }
    }

    /// <summary>The request's due follow-up, written to the outbox with its schedule moved on, in one commit.</summary>
    private async Task<bool> WriteAsync(string requestId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
        var followUps = scope.ServiceProvider.GetRequiredService<SupportFollowUps>();
        var notices = scope.ServiceProvider.GetRequiredService<RequestNotices>();
        var found = await followUps.DueAsync(1, requestId, cancellationToken);
        if (found is not [var due])
        {
            return false; // moved on, closed, or written by someone else meanwhile
        }

        var request = due.Request;
        var schedule = due.FollowUp;
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == request.CustomerId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken) ?? request.CustomerId;
        var waited = clock.GetUtcNow() - schedule.WaitingSince;
        var key = SupportFollowUps.MessageKey(due);
        var written = (schedule.WaitingOn, due.Stage) switch
        {
            (WaitingOn.Support, FollowUpStage.Reminded) =>
                await notices.ToSupportThreadAsync(request, SupportedCultures.In(SupportedCultures.Default, () => FollowUpCards.SupportReminder(request, customer, waited)), key, cancellationToken),
            (WaitingOn.Support, FollowUpStage.Escalated) =>
                await notices.ToEscalationAsync(request, await InSupportsLanguageAsync(db, request, customer, waited, schedule.LastSentAt, cancellationToken), key, cancellationToken),
            (WaitingOn.Reseller, FollowUpStage.Reminded) =>
                await notices.ToRequesterAsync(request, SupportedCultures.In(
                    await PersonCulture.OfAsync(db, request.RequestedById, cancellationToken), () => FollowUpCards.ResellerReminder(request, customer, waited)), key, cancellationToken),
            _ => false,
        };

        // Recorded as done even when it could go nowhere: said once in the log, not tried again at every sweep.
        followUps.MarkSent(due);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            Log.FollowUpConflict(logger, request.Id);
            return false;
        }

        if (written)
        {
            Log.FollowUpWritten(logger, due.Stage, request.Id, schedule.WaitingOn, schedule.WaitingSince);
        }
        else
        {
            Log.FollowUpUndeliverable(logger, due.Stage, request.Id);
        }

        return written;
    }

    /// <summary>The escalation, in SES support's language (it goes to the escalation person or channel).</summary>
    private static async Task<Reply> InSupportsLanguageAsync(
        SesBotDbContext db, RemovalRequest request, string customer, TimeSpan waited, DateTimeOffset? remindedAt, CancellationToken cancellationToken)
    {
        var reseller = await ResellerNameAsync(db, request.ResellerId, cancellationToken);
        return SupportedCultures.In(SupportedCultures.Default, () => FollowUpCards.Escalation(request, reseller, customer, waited, remindedAt));
    }

    private static async Task<string> ResellerNameAsync(SesBotDbContext db, string resellerId, CancellationToken cancellationToken) =>
        await db.Resellers.AsNoTracking().Where(r => r.Id == resellerId).Select(r => r.Name).FirstOrDefaultAsync(cancellationToken) ?? resellerId;
}
