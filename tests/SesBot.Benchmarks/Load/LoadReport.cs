using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SesBot.Benchmarks.Load;

/// <summary>The table and ratios on stdout, and the same as JSON under .artifacts/bench/.</summary>
internal static class LoadReport
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Line(ServerResult r) => r.Skipped is not null
        ? $"{r.Server,-8} skipped: {r.Skipped}"
        : Invariant($"{r.Server,-8} {r.TurnsPerSecond,9:F1} {r.P50Ms,8:F1} {r.P95Ms,8:F1} {r.P99Ms,8:F1} {r.MaxMs,8:F1} {r.Errors,7} {r.PeakRssMib ?? 0,13:F1} {r.ColdStartMs ?? 0,14:F0} {r.CpuMsPerTurn ?? 0,12:F2} {r.CpuShare ?? 0,10:P0}");

    public static void Print(IReadOnlyList<ServerResult> results, LoadOptions options, DateTimeOffset started)
    {
        Console.WriteLine();
        Console.WriteLine(Invariant($"write-path load, {started:yyyy-MM-dd HH:mm} UTC: {options.Conversations} conversations x 5-turn removal flow, warm-up {options.Warmup.TotalSeconds:0} s, measured {options.Measure.TotalSeconds:0} s"));
        Console.WriteLine($"{"server",-8} {"turns/s",9} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8} {"errors",7} {"peak RSS MiB",13} {"cold start ms",14} {"CPU ms/turn",12} {"CPU busy",10}");
        foreach (var result in results)
        {
            Console.WriteLine(Line(result));
        }

        foreach (var result in results.Where(r => r.Skipped is null && r.MessageTurns > 0 && r.MessageTurns < r.Turns))
        {
            Console.WriteLine(Invariant($"{result.Server,-8} typed messages (reply by Connector POST): {result.MessageTurns} turns, p50 {result.MessageP50Ms:F1} ms, p99 {result.MessageP99Ms:F1} ms; card clicks (invoke response): {result.Turns - result.MessageTurns} turns, p50 {result.ClickP50Ms:F1} ms, p99 {result.ClickP99Ms:F1} ms"));
        }

        foreach (var ratio in Ratios(results))
        {
            Console.WriteLine(Invariant($"{ratio.Name,-12} throughput x{ratio.Throughput:F2}   p50 x{ratio.P50:F2}   p95 x{ratio.P95:F2}   p99 x{ratio.P99:F2}   peak RSS x{ratio.PeakRss:F2}   cold start x{ratio.ColdStart:F2}   CPU/turn x{ratio.CpuPerTurn:F2}"));
        }

        if (results.FirstOrDefault(r => r.Server == "sesbot" && r.SqlStatementsPerTurn is not null) is { } sesbot)
        {
            Console.WriteLine(Invariant($"sesbot SQL per turn: {sesbot.SqlStatementsPerTurn:F1} statements, {sesbot.SqlWritesPerTurn:F1} writes, {sesbot.CommitsPerTurn:F2} commits (EF Core's command and transaction logs, {options.SqlFlows} flows one at a time)"));
        }

        Console.WriteLine($"machine load (1-min load average before -> after each load phase): {string.Join(", ", results.Where(r => r.LoadAverage is not null).Select(r => $"{r.Server} {r.LoadAverage}"))}");
        foreach (var result in results.Where(r => r.ErrorSamples.Count > 0))
        {
            Console.WriteLine($"{result.Server} errors ({result.ErrorsAllPhases} in all phases), e.g.: {string.Join(" || ", result.ErrorSamples)}");
        }
    }

    public static async Task<string> WriteJsonAsync(IReadOnlyList<ServerResult> results, LoadOptions options, DateTimeOffset started, string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"load-{started:yyyyMMdd-HHmmss}.json");
        var document = new
        {
            started,
            machine = new { processors = Environment.ProcessorCount, os = System.Runtime.InteropServices.RuntimeInformation.OSDescription, dotnet = Environment.Version.ToString() },
            options = new
            {
                options.Conversations,
                warmupSeconds = options.Warmup.TotalSeconds,
                measureSeconds = options.Measure.TotalSeconds,
                options.ColdStarts,
                options.Accounts,
                options.SqlFlows,
                serverCore = 0,
                loadCore = 1,
            },
            results,
            ratios = Ratios(results),
        };
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, document, Json);
        return path;
    }

    /// <summary>SesBot over the peer and over the bare floor: above 1 means SesBot is higher (more turns/s, or slower, or bigger).</summary>
    public static IReadOnlyList<Ratio> Ratios(IReadOnlyList<ServerResult> results)
    {
        var sesbot = results.FirstOrDefault(r => r.Server == "sesbot" && r.Skipped is null);
        if (sesbot is null)
        {
            return [];
        }

        return [.. results
            .Where(r => r.Server != "sesbot" && r.Skipped is null)
            .Select(other => new Ratio(
                $"sesbot/{other.Server}",
                Divide(sesbot.TurnsPerSecond, other.TurnsPerSecond),
                Divide(sesbot.P50Ms, other.P50Ms),
                Divide(sesbot.P95Ms, other.P95Ms),
                Divide(sesbot.P99Ms, other.P99Ms),
                Divide(sesbot.PeakRssMib ?? 0, other.PeakRssMib ?? 0),
                Divide(sesbot.ColdStartMs ?? 0, other.ColdStartMs ?? 0),
                Divide(sesbot.CpuMsPerTurn ?? 0, other.CpuMsPerTurn ?? 0)))];
    }

    private static double Divide(double a, double b) => b == 0 ? double.NaN : Math.Round(a / b, 3);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
