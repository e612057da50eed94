using System.Diagnostics;

namespace SesBot.Benchmarks.Load;

/// <summary>Starts a server the given way and measures it: cold starts, then warm-up and measurement under load.</summary>
internal sealed class LoadRun(LoadOptions options, HttpClient http, ConnectorStandIn connector, string work)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    public LoadOptions Options => options;

    public string Work => work;

    public async Task<ServerResult> MeasureAsync(string name, Func<int, string, ServerProcess> launch, Func<IRemovalFlow> newFlow, CancellationToken cancellationToken)
    {
        var coldStarts = new List<double>();
        for (var i = 0; i < options.ColdStarts; i++)
        {
            var port = LoadBenchmark.FreePort();
            await using var fresh = launch(port, $"cold{i}");
            coldStarts.Add(await FirstAnswerAsync(name, fresh, port, $"{name}-cold{i}", cancellationToken));
        }

        var mainPort = LoadBenchmark.FreePort();
        await using var server = launch(mainPort, "main");
        await FirstAnswerAsync(name, server, mainPort, $"{name}-ready", cancellationToken);

        var loadBefore = LoadAverage();
        var cpuBefore = server.CpuTime();
        var recorder = new TurnRecorder();
        var flow = newFlow();
        var begin = Stopwatch.GetTimestamp();
        var measureStart = begin + (long)(options.Warmup.TotalSeconds * Stopwatch.Frequency);
        var measureEnd = measureStart + (long)(options.Measure.TotalSeconds * Stopwatch.Frequency);
        recorder.SetWindow(measureStart, measureEnd);
        using var end = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        end.CancelAfter(options.Warmup + options.Measure);
        var endpoint = Endpoint(mainPort);
        var conversations = Enumerable.Range(0, options.Conversations)
            .Select(i => new BotConversation(http, endpoint, connector, $"{name}-load-{i:D4}", recorder))
            .ToList();
        await Task.WhenAll(conversations.Select(c => Task.Run(() => LoopAsync(c, flow, recorder, end.Token), CancellationToken.None)));
        var cpu = server.CpuTime() - cpuBefore;
        var wall = Stopwatch.GetElapsedTime(begin);
        cancellationToken.ThrowIfCancellationRequested();
        var peak = server.PeakRssMib();
        var loadAfter = LoadAverage();
        var exited = server.HasExited;
        conversations.ForEach(c => c.Close());

        var latencies = recorder.SortedLatencies();
        var messages = recorder.SortedLatencies(messages: true);
        var clicks = recorder.SortedLatencies(messages: false);
        recorder.WriteTrace(name);
        var result = new ServerResult
        {
            Server = name,
            Conversations = options.Conversations,
            MeasuredSeconds = options.Measure.TotalSeconds,
            Turns = latencies.Length,
            TurnsPerSecond = latencies.Length / options.Measure.TotalSeconds,
            P50Ms = Percentile(latencies, 0.50),
            P95Ms = Percentile(latencies, 0.95),
            P99Ms = Percentile(latencies, 0.99),
            MessageTurns = messages.Length,
            MessageP50Ms = Percentile(messages, 0.50),
            MessageP99Ms = Percentile(messages, 0.99),
            ClickP50Ms = Percentile(clicks, 0.50),
            ClickP99Ms = Percentile(clicks, 0.99),
            MaxMs = latencies.Length == 0 ? 0 : latencies[^1],
            Errors = recorder.Errors + (exited ? 1 : 0),
            ErrorsAllPhases = recorder.AllErrors,
            ErrorSamples = exited ? [.. recorder.ErrorSamples, $"{name} exited: {server.Tail(5)}"] : recorder.ErrorSamples,
            PeakRssMib = peak,
            ColdStartMs = coldStarts.Count == 0 ? null : Median(coldStarts),
            ColdStartsMs = coldStarts,
            LoadAverage = $"{loadBefore} -> {loadAfter}",
            CpuMsPerTurn = cpu is { } used && recorder.AllTurns > 0 ? used.TotalMilliseconds / recorder.AllTurns : null,
            CpuShare = cpu is { } busy ? busy / wall : null,
        };
        return result;
    }

    /// <summary>
    /// SQL per turn: <see cref="LoadOptions.SqlFlows"/> flows, one after another, on a fresh start whose EF Core log is
    /// fed to <paramref name="counter"/> (after one flow of warm-up).
    /// </summary>
    public async Task<(double Statements, double Writes, double Commits)> CountSqlAsync(
        Func<int, string, ServerProcess> launch, IRemovalFlow flow, SqlLogCounter counter, CancellationToken cancellationToken)
    {
        var port = LoadBenchmark.FreePort();
        await using var server = launch(port, "sql");
        await FirstAnswerAsync("sesbot (SQL count)", server, port, "sql-ready", cancellationToken);
        var recorder = new TurnRecorder();
        var conversation = new BotConversation(http, Endpoint(port), connector, "sql-count", recorder);
        await flow.RunAsync(conversation, cancellationToken);
        await Task.Delay(1000, cancellationToken); // the warm-up flow's log lines come through the console logger's queue
        var before = counter.Snapshot();
        var turns = recorder.AllTurns;
        for (var i = 0; i < options.SqlFlows; i++)
        {
            await flow.RunAsync(conversation, cancellationToken);
        }

        await Task.Delay(1000, cancellationToken);
        conversation.Close();
        var after = counter.Snapshot();
        double measured = recorder.AllTurns - turns;
        return ((after.Statements - before.Statements) / measured, (after.Writes - before.Writes) / measured, (after.Commits - before.Commits) / measured);
    }

    private static async Task LoopAsync(BotConversation conversation, IRemovalFlow flow, TurnRecorder recorder, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                try
                {
                    await flow.RunAsync(conversation, cancellationToken);
                }
                catch (FlowException ex)
                {
                    recorder.RecordError(Stopwatch.GetTimestamp(), ex.Message);
                    if (ex.StopsConversation)
                    {
                        return;
                    }

                    await conversation.ResetAsync(cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The measurement is over; the turn in flight is not counted.
        }
    }

    /// <summary>Milliseconds from the process start to the first answered turn; connection refusals are retried.</summary>
    private async Task<double> FirstAnswerAsync(string name, ServerProcess server, int port, string conversationId, CancellationToken cancellationToken)
    {
        var conversation = new BotConversation(http, Endpoint(port), connector, conversationId, new TurnRecorder());
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        try
        {
            while (true)
            {
                if (server.HasExited)
                {
                    throw new InvalidOperationException($"{name} exited during start-up:\n{server.Tail()}");
                }

                try
                {
                    await conversation.MessageAsync("remove account", timeout.Token);
                    return Stopwatch.GetElapsedTime(server.StartedAt).TotalMilliseconds;
                }
                catch (FlowException ex) when (ex.InnerException is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError })
                {
                    await Task.Delay(10, timeout.Token);
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new InvalidOperationException($"{name} did not answer within {StartTimeout.TotalSeconds:0} s of its start:\n{server.Tail()}");
        }
        catch (FlowException ex)
        {
            throw new InvalidOperationException($"{name}'s first turn failed: {ex.Message}\n{server.Tail()}", ex);
        }
        finally
        {
            conversation.Close();
        }
    }

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "?";
        }
    }

    private static Uri Endpoint(int port) => new($"http://127.0.0.1:{port}/api/messages");

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
