namespace SesBot.Benchmarks.Load;

/// <summary>What one server did in the run (latencies in ms, memory in MiB); <see cref="Skipped"/> says why it was not measured.</summary>
internal sealed record ServerResult
{
    public required string Server { get; init; }

    public string? Skipped { get; init; }

    public int Conversations { get; init; }

    public double MeasuredSeconds { get; init; }

    public long Turns { get; init; }

    public double TurnsPerSecond { get; init; }

    public double P50Ms { get; init; }

    public double P95Ms { get; init; }

    public double P99Ms { get; init; }

    public double MaxMs { get; init; }

    public int Errors { get; init; }

    public int ErrorsAllPhases { get; init; }

    public IReadOnlyList<string> ErrorSamples { get; init; } = [];

    public double? PeakRssMib { get; init; }

    /// <summary>Server CPU time per answered turn over warm-up and measurement together.</summary>
    public double? CpuMsPerTurn { get; init; }

    /// <summary>The share of its core the server used over warm-up and measurement (1 = core 0 fully busy).</summary>
    public double? CpuShare { get; init; }

    public double? ColdStartMs { get; init; }

    public IReadOnlyList<double> ColdStartsMs { get; init; } = [];

    /// <summary>Typed-message turns only (the reply comes by a Connector POST, through the outbox): how many, p50, p99.</summary>
    public long MessageTurns { get; init; }

    public double MessageP50Ms { get; init; }

    public double MessageP99Ms { get; init; }

    /// <summary>Card clicks only (answered in the invoke response): p50, p99.</summary>
    public double ClickP50Ms { get; init; }

    public double ClickP99Ms { get; init; }

    public double? SqlStatementsPerTurn { get; init; }

    public double? SqlWritesPerTurn { get; init; }

    /// <summary>Committed transactions plus writes that committed on their own (outside a transaction).</summary>
    public double? CommitsPerTurn { get; init; }

    /// <summary>/proc/loadavg (1-minute) before and after the load phase: the machine is shared, so say how busy it was.</summary>
    public string? LoadAverage { get; init; }
}
