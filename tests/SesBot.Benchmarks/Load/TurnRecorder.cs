using System.Diagnostics;

namespace SesBot.Benchmarks.Load;

/// <summary>
/// Collects turn latencies and errors. Only turns sent and answered inside the measurement window count; warm-up and
/// turns cut off at the end are left out. Times are <see cref="Stopwatch"/> ticks.
/// </summary>
internal sealed class TurnRecorder
{
    private readonly Lock gate = new();
    private readonly List<double> latenciesMs = new(capacity: 1 << 16);
    private readonly List<double> messageLatenciesMs = new(capacity: 1 << 15);
    private readonly List<double> clickLatenciesMs = new(capacity: 1 << 16);
    private readonly List<string> errorSamples = [];
    private long windowStart = long.MaxValue;
    private long windowEnd = long.MaxValue;
    private int errors;
    private int allErrors;
    private long allTurns;
    private readonly List<(long Sent, double Ms, bool Message)>? trace = TracePath is null ? null : new(capacity: 1 << 16);

    /// <summary>
    /// Where each measured turn is appended, when set (the environment variable <c>SESBOT_BENCH_TRACE</c>): a CSV line
    /// per turn with the server, when it was sent (ms since the window opened), its latency (ms) and its kind. Shows
    /// whether slow turns are spread out or come in bursts.
    /// </summary>
    public static string? TracePath => Environment.GetEnvironmentVariable("SESBOT_BENCH_TRACE") is { Length: > 0 } path ? path : null;

    public int Errors => errors;

    /// <summary>Errors in all phases (warm-up included).</summary>
    public int AllErrors => allErrors;

    /// <summary>Turns answered in all phases.</summary>
    public long AllTurns => Interlocked.Read(ref allTurns);

    public IReadOnlyList<string> ErrorSamples
    {
        get
        {
            lock (gate)
            {
                return [.. errorSamples];
            }
        }
    }

    public void SetWindow(long start, long end)
    {
        windowStart = start;
        windowEnd = end;
    }

    /// <param name="message">A typed message answered by a Connector POST (not a card click answered in the invoke response).</param>
    public void Record(long sent, long answered, bool message = false)
    {
        Interlocked.Increment(ref allTurns);
        if (sent < windowStart || answered > windowEnd)
        {
            return;
        }

        lock (gate)
        {
            var ms = Stopwatch.GetElapsedTime(sent, answered).TotalMilliseconds;
            latenciesMs.Add(ms);
            trace?.Add((sent, ms, message));
            (message ? messageLatenciesMs : clickLatenciesMs).Add(ms);
        }
    }

    public void RecordError(long at, string message)
    {
        Interlocked.Increment(ref allErrors);
        lock (gate)
        {
            if (errorSamples.Count < 5)
            {
                errorSamples.Add(message);
            }
        }

        if (at >= windowStart && at <= windowEnd)
        {
            Interlocked.Increment(ref errors);
        }
    }

    /// <summary>Appends the measured turns to <see cref="TracePath"/>, if it is set.</summary>
    public void WriteTrace(string server)
    {
        if (TracePath is not { } path || trace is null)
        {
            return;
        }

        lock (gate)
        {
            var lines = trace.Select(t => FormattableString.Invariant(
                $"{server},{Stopwatch.GetElapsedTime(windowStart, t.Sent).TotalMilliseconds:F1},{t.Ms:F2},{(t.Message ? "message" : "click")}"));
            File.AppendAllLines(path, File.Exists(path) ? lines : lines.Prepend("server,sent_ms,latency_ms,kind"));
        }
    }

    /// <summary>The measured turns' latencies, sorted (ms).</summary>
    public double[] SortedLatencies()
    {
        lock (gate)
        {
            var sorted = latenciesMs.ToArray();
            Array.Sort(sorted);
            return sorted;
        }
    }

    /// <summary>The measured typed-message turns' latencies (answered by a Connector POST), or the card clicks' (answered in the invoke response), sorted (ms).</summary>
    public double[] SortedLatencies(bool messages)
    {
        lock (gate)
        {
            var sorted = (messages ? messageLatenciesMs : clickLatenciesMs).ToArray();
            Array.Sort(sorted);
            return sorted;
        }
    }
}
