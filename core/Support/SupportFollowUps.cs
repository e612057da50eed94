using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SesBot.Core.Domain;
using SesBot.Core.Persistence;

namespace SesBot.Core.Support;

/// <summary>
/// The reminder schedules of open requests, in the database. <see cref="PlanAsync"/> keeps them in line with the
/// requests (a schedule per open request; a request that moved starts a new wait; closed ones have none), without any
/// hook in the code that moves requests: a request's <see cref="RemovalRequest.Version"/> says whether it moved.
/// <see cref="DueAsync"/> gives what is due; the caller writes the message and <see cref="MarkSent"/> in one commit.
/// </summary>
public sealed class SupportFollowUps(SesBotDbContext db, IOptions<FollowUpOptions> options, TimeProvider clock, ILogger<SupportFollowUps>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<SupportFollowUps>.Instance;

    private DbSet<RequestFollowUp> Schedules => db.Set<RequestFollowUp>();

    /// <summary>Brings the schedules in line with the requests, in the context's unit of work; returns how many changed.</summary>
    public async Task<int> PlanAsync(CancellationToken cancellationToken = default)
    {
        var open = await db.RemovalRequests.AsNoTracking()
            .Where(r => r.OpenSubjectKey != null)
            .Select(r => new { r.Id, r.Kind, r.Status, r.Version, r.UpdatedAt, Asked = r.OpenQuestion != null })
            .ToListAsync(cancellationToken);
        var schedules = await Schedules.ToDictionaryAsync(s => s.RequestId, StringComparer.Ordinal, cancellationToken);
        var settings = options.Value;
        var changed = 0;
        foreach (var request in open)
        {
            var waitingOn = request.Asked ? WaitingOn.Reseller : RequestWaiting.Of(request.Kind, request.Status);
            var due = FollowUpSchedule.Next(settings, request.Kind, waitingOn, request.UpdatedAt, FollowUpStage.Waiting)?.DueAt;
            if (!schedules.Remove(request.Id, out var schedule))
            {
                Schedules.Add(new RequestFollowUp(request.Id, waitingOn, request.UpdatedAt, request.Version, due));
                changed++;
            }
            else if (schedule.RequestVersion != request.Version)
            {
                schedule.Restart(waitingOn, request.UpdatedAt, request.Version, due);
                changed++;
            }
        }

        // What is left belongs to requests that are closed (or gone): nothing will ever be due for them.
        Schedules.RemoveRange(schedules.Values);
        changed += schedules.Count;
        if (changed > 0)
        {
            Log.FollowUpsPlanned(_logger, changed, open.Count);
        }

        return changed;
    }

    /// <summary>
    /// The follow-ups due now, oldest due first, with their requests (tracked). A schedule whose request moved since it
    /// was planned is not due: the next plan starts its new wait.
    /// </summary>
    /// <param name="max">The most returned.</param>
    /// <param name="requestId">Only this request's follow-up, when given.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<IReadOnlyList<DueFollowUp>> DueAsync(int max, string? requestId = null, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var schedules = requestId is null ? Schedules : Schedules.Where(s => s.RequestId == requestId);
        var due = await (
                from s in schedules
                where s.DueAt != null && s.DueAt <= now
                join r in db.RemovalRequests on s.RequestId equals r.Id
                where r.OpenSubjectKey != null && r.Version == s.RequestVersion
                orderby s.DueAt
                select new { Schedule = s, Request = r })
            .Take(max)
            .ToListAsync(cancellationToken);
        var settings = options.Value;
        var result = new List<DueFollowUp>(due.Count);
        foreach (var item in due)
        {
            var next = FollowUpSchedule.Next(settings, item.Request.Kind, item.Schedule.WaitingOn, item.Schedule.WaitingSince, item.Schedule.Stage);
            if (next is { } step)
            {
                result.Add(new DueFollowUp(item.Schedule, item.Request, step.Stage));
            }
        }

        return result;
    }

    /// <summary>The follow-up was written to the outbox (in the same unit of work): on to the next stage and its due time.</summary>
    public void MarkSent(DueFollowUp due)
    {
        ArgumentNullException.ThrowIfNull(due);
        var schedule = due.FollowUp;
        var after = FollowUpSchedule.Next(options.Value, due.Request.Kind, schedule.WaitingOn, schedule.WaitingSince, due.Stage)?.DueAt;
        schedule.Sent(due.Stage, clock.GetUtcNow(), after);
    }

    /// <summary>When the earliest follow-up is due; null when none is.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken = default) =>
        await Schedules.AsNoTracking()
            .Where(s => s.DueAt != null)
            .OrderBy(s => s.DueAt)
            .Select(s => s.DueAt)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The idempotency key of one follow-up message: one per request, wait (request version) and stage.</summary>
    public static string MessageKey(DueFollowUp due)
    {
        ArgumentNullException.ThrowIfNull(due);
        return $"follow-up:{due.Request.Id}:v{due.FollowUp.RequestVersion}:{due.Stage}";
    }
}
