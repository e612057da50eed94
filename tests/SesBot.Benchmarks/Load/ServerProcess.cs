using System.Diagnostics;
using System.Globalization;

namespace SesBot.Benchmarks.Load;

/// <summary>
/// One server under test, started as <c>taskset -c CORE command …</c> (taskset execs the command, so the process id is
/// the server's), its output drained to a log file (each line also shown to an optional observer), and killed with its
/// children when disposed.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    /// <summary>Variables that would take a server out of local mode; never passed on.</summary>
    private static readonly string[] CredentialPrefixes = ["Teams__", "Slack__", "Aws__", "MicrosoftApp", "TEAMS_", "BOT_"];

    /// <summary>Servers still running, killed if this program is stopped (SIGTERM from timeout, Ctrl+C after the budget).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, Process> Running = new();

    private readonly Process process;
    private readonly StreamWriter log;
    private readonly Lock gate = new();
    private readonly Action<string>? observer;
    private bool closed;

    static ServerProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var running in Running.Values)
        {
            try
            {
                running.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
            }
        }
    };

    private ServerProcess(Process process, StreamWriter log, Action<string>? observer)
    {
        this.process = process;
        this.log = log;
        this.observer = observer;
    }

    /// <summary><see cref="Stopwatch"/> ticks just before the process was started.</summary>
    public long StartedAt { get; private init; }

    public int Id => process.Id;

    public string LogPath { get; private init; } = string.Empty;

    public static ServerProcess Start(
        int core, string workingDirectory, string logPath, IReadOnlyList<string> command,
        IReadOnlyDictionary<string, string> environment, Action<string>? observer = null)
    {
        var start = new ProcessStartInfo("taskset")
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(core.ToString(CultureInfo.InvariantCulture));
        foreach (var part in command)
        {
            start.ArgumentList.Add(part);
        }

        foreach (var name in start.Environment.Keys.Where(k => CredentialPrefixes.Any(p => k.StartsWith(p, StringComparison.OrdinalIgnoreCase))).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var log = new StreamWriter(logPath) { AutoFlush = false };
        var process = new Process { StartInfo = start };
        var server = new ServerProcess(process, log, observer) { StartedAt = Stopwatch.GetTimestamp(), LogPath = logPath };
        process.OutputDataReceived += (_, e) => server.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => server.OnLine(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start {string.Join(' ', command)}.");
        }

        Running[process.Id] = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    public bool HasExited => process.HasExited;

    /// <summary>Peak resident set size in MiB (<c>VmHWM</c> of /proc/PID/status); null once the process is gone.</summary>
    public double? PeakRssMib()
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kb = long.Parse(line["VmHWM:".Length..].Replace("kB", string.Empty, StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
                    return kb / 1024.0;
                }
            }
        }
        catch (IOException)
        {
        }

        return null;
    }

    /// <summary>CPU time used so far (user + system, from /proc/PID/stat in clock ticks of 1/100 s); null once the process is gone.</summary>
    public TimeSpan? CpuTime()
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{process.Id}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / 100.0);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>The last lines of the server's output, for an error message.</summary>
    public string Tail(int lines = 15)
    {
        lock (gate)
        {
            if (!closed)
            {
                log.Flush();
            }
        }

        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().Split('\n');
            return string.Join('\n', all.TakeLast(lines));
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Running.TryRemove(process.Id, out _);
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException or System.ComponentModel.Win32Exception)
        {
            // Already gone, or it would not die in 10 s (reported by the process table, not by us).
        }

        lock (gate)
        {
            closed = true;
            log.Dispose();
        }

        process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        observer?.Invoke(line);

        lock (gate)
        {
            if (!closed)
            {
                log.WriteLine(line);
            }
        }
    }
}
