using System.ComponentModel.DataAnnotations;

namespace SesBot.Bot.Pipeline.Outbox;

/// <summary>The <c>Outbox</c> configuration section.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>How many attempts before a message is given up as failed.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The first retry's delay; each next one doubles, with jitter, up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a dispatcher's claim on a message holds; a send still unfinished then counts as interrupted.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the dispatcher looks for due retries when nothing wakes it.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long after start the dispatcher first looks in the database (for interrupted sends and messages left pending
    /// by an earlier run). Replies of this run's turns go out at once regardless; the first look waits so that it does
    /// not take the processor from the first turns of a fresh start.
    /// </summary>
    public TimeSpan FirstSweepDelay { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Conversations delivered to at the same time (messages of one conversation always go in order).</summary>
    [Range(1, 256)]
    public int Parallelism { get; set; } = 16;

    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 200;

    /// <summary>
    /// How many replies claimed with their turns' commits may wait in memory for the dispatcher (say, while the
    /// Connector is slow). Beyond it, turns leave their replies pending in the database for the dispatcher to find.
    /// </summary>
    [Range(1, 1_000_000)]
    public int HandoffLimit { get; set; } = 1_000;
}
