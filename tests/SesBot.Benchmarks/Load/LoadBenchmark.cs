using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SesBot.Benchmarks.Load;

/// <summary>
/// The write-path load benchmark: SesBot (the real bot process, local mode, a seeded SQLite file), Microsoft's
/// JavaScript botbuilder peer and a bare ASP.NET Core floor, one after the other, each pinned to core 0 while this
/// process (load generator and Connector stand-in) runs on core 1. Per server: cold starts, warm-up, measurement.
/// </summary>
internal static class LoadBenchmark
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(string[] args)
    {
        var options = LoadOptions.Parse(args);
        var repository = FindRepository();
        // The bot as built by default; scripts/bench-load.sh points this at the publish that is deployed (its executable:
        // self-contained, one ReadyToRun image of the bot, its libraries and the runtime).
        var botDll = Environment.GetEnvironmentVariable("SESBOT_BENCH_BOT_DLL") is { Length: > 0 } published
            ? Path.GetFullPath(published)
            : Path.Combine(repository, "bot", "bin", "Release", "net10.0", "SesBot.Bot.dll");
        if (!File.Exists(botDll))
        {
            await Console.Error.WriteLineAsync($"{botDll} is missing: build it first (dotnet build bot -c Release), or run scripts/bench-load.sh.");
            return 2;
        }

        var work = Directory.CreateTempSubdirectory("sesbot-load-").FullName;
        using var stop = new CancellationTokenSource(Budget(options));
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        using var http = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            MaxConnectionsPerServer = int.MaxValue,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        })
        { Timeout = Timeout.InfiniteTimeSpan };
        await using var connector = await ConnectorStandIn.StartAsync(FreePort());
        var run = new LoadRun(options, http, connector, work);
        var started = DateTimeOffset.UtcNow;
        Console.WriteLine($"load benchmark: {options.Conversations} conversations, warm-up {options.Warmup.TotalSeconds:0} s, measure {options.Measure.TotalSeconds:0} s, " +
            $"{options.ColdStarts} cold starts; servers on core 0, load generator and Connector stand-in on core 1 ({Environment.ProcessorCount} core(s) visible here)");
        var results = new List<ServerResult>();
        try
        {
            foreach (var server in options.Servers)
            {
                var result = server switch
                {
                    "sesbot" => await SesBotAsync(run, botDll, stop.Token),
                    "peer" => await PeerAsync(run, repository, stop.Token),
                    "bare" => await BareAsync(run, stop.Token),
                    _ => throw new ArgumentException($"Unknown server {server}: sesbot, peer or bare."),
                };
                results.Add(result);
                Console.WriteLine(LoadReport.Line(result));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (options.Keep)
            {
                Console.WriteLine($"kept: {work}");
            }
            else
            {
                TryDelete(work);
            }
        }

        LoadReport.Print(results, options, started);
        var path = await LoadReport.WriteJsonAsync(results, options, started, Path.Combine(repository, ".artifacts", "bench"));
        Console.WriteLine($"written: {Path.GetRelativePath(repository, path)}");
        return results.Any(r => r.Skipped is null && r.Errors > 0) ? 1 : 0;
    }

    private static async Task<ServerResult> SesBotAsync(LoadRun run, string botDll, CancellationToken cancellationToken)
    {
        var template = Path.Combine(run.Work, "sesbot-template.db");
        var watch = Stopwatch.StartNew();
        var accounts = await SesBotSeed.CreateAsync(template, run.Options.Accounts);
        Console.WriteLine($"sesbot: seeded {accounts.Count:N0} customer-owned AWS accounts of {accounts.Count / SesBotSeed.AccountsPerCustomer:N0} customers in {watch.Elapsed.TotalSeconds:0.0} s");
        var botDirectory = Path.GetDirectoryName(botDll)!;

        ServerProcess Launch(int port, string label, IReadOnlyDictionary<string, string>? extra, Action<string>? observer)
        {
            var directory = Directory.CreateDirectory(Path.Combine(run.Work, $"sesbot-{label}")).FullName;
            var database = Path.Combine(directory, "sesbot.db");
            File.Copy(template, database);
            var environment = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["ConnectionStrings__SesBot"] = $"Data Source={database}",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["DOTNET_ENVIRONMENT"] = "Production",

                // The load comes from one local caller: lift the per-caller limit, which would answer 429 after 600 requests in 10 s.
                ["Teams__RateLimit__PermitLimit"] = "1000000",
            };
            foreach (var (key, value) in extra ?? new Dictionary<string, string>())
            {
                environment[key] = value;
            }

            string[] command = botDll.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
                ? ["dotnet", botDll, "--urls", $"http://127.0.0.1:{port}"]
                : [botDll, "--urls", $"http://127.0.0.1:{port}"];
            return ServerProcess.Start(0, botDirectory, Path.Combine(directory, "bot.log"), command, environment, observer);
        }

        var result = await run.MeasureAsync("sesbot", (port, label) => Launch(port, label, null, null), () => new SesBotRemovalFlow(new AccountPool(accounts)), cancellationToken);
        if (run.Options.SqlFlows <= 0)
        {
            return result;
        }

        // SQL statements and commits per turn, from EF Core's own command and transaction logs, on a separate start
        // (console logging of every command would slow the measured run down), flows one at a time.
        var logging = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command"] = "Information",
            ["Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Transaction"] = "Debug",
            [$"Logging__LogLevel__{SqlLogCounter.DirectSaveCategory}"] = "Debug",
        };
        var counter = new SqlLogCounter();
        var (statements, writes, commits) = await run.CountSqlAsync(
            (port, label) => Launch(port, label, logging, counter.Observe), new SesBotRemovalFlow(new AccountPool(accounts)), counter, cancellationToken);
        return result with { SqlStatementsPerTurn = statements, SqlWritesPerTurn = writes, CommitsPerTurn = commits };
    }

    private static async Task<ServerResult> PeerAsync(LoadRun run, string repository, CancellationToken cancellationToken)
    {
        var source = Path.GetFullPath(Path.Combine(repository, "..", "shared", "bench"));
        if (!File.Exists(Path.Combine(source, "peer-bot.js")))
        {
            Console.WriteLine($"peer: skipped, {source} is absent (the JavaScript botbuilder peer lives there)");
            return new ServerResult { Server = "peer", Skipped = $"{source} is absent" };
        }

        var directory = Directory.CreateDirectory(Path.Combine(run.Work, "peer")).FullName;
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
            File.SetAttributes(Path.Combine(directory, Path.GetFileName(file)), FileAttributes.Normal);
        }

        Console.WriteLine("peer: npm install (botbuilder 4.23.3) …");
        var installed = await NpmInstallAsync(directory, cancellationToken);
        if (installed is not null)
        {
            Console.WriteLine($"peer: skipped, npm install failed: {installed}");
            return new ServerResult { Server = "peer", Skipped = $"npm install failed: {installed}" };
        }

        return await run.MeasureAsync(
            "peer",
            (port, label) => ServerProcess.Start(0, directory, Path.Combine(run.Work, $"peer-{label}.log"), ["node", "peer-bot.js"],
                new Dictionary<string, string>(StringComparer.Ordinal) { ["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture), ["NODE_ENV"] = "production" }),
            () => new TextRemovalFlow(expectSubmitted: true),
            cancellationToken);
    }

    private static Task<ServerResult> BareAsync(LoadRun run, CancellationToken cancellationToken)
    {
        var self = Path.Combine(AppContext.BaseDirectory, "SesBot.Benchmarks.dll");
        return run.MeasureAsync(
            "bare",
            (port, label) => ServerProcess.Start(0, AppContext.BaseDirectory, Path.Combine(run.Work, $"bare-{label}.log"),
                ["dotnet", self, "bare", "--urls", $"http://127.0.0.1:{port}"],
                new Dictionary<string, string>(StringComparer.Ordinal) { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["DOTNET_ENVIRONMENT"] = "Production" }),
            () => new TextRemovalFlow(expectSubmitted: false),
            cancellationToken);
    }

    /// <summary>Null when installed, else why not. npm_config_yes lets botbuilder-dialogs' postinstall run its npx step unattended.</summary>
    private static async Task<string?> NpmInstallAsync(string directory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("npm")
        {
            WorkingDirectory = directory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "install", "--no-audit", "--no-fund", "--loglevel", "error" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["npm_config_yes"] = "true";
        using var npm = Process.Start(start)!;
        var output = npm.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = npm.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(5));
        try
        {
            await npm.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            npm.Kill(entireProcessTree: true);
            return "timed out after 5 minutes";
        }

        await Task.WhenAll(output, errors);
        return npm.ExitCode == 0 ? null : $"exit {npm.ExitCode}: {(await errors).Trim().Split('\n').LastOrDefault()}";
    }

    private static TimeSpan Budget(LoadOptions options) =>
        (options.Servers.Count * ((options.ColdStarts + 1) * StartTimeout + options.Warmup + options.Measure + TimeSpan.FromMinutes(2)))
        + TimeSpan.FromMinutes(6);

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRepository()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SesBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("SesBot.sln not found above " + AppContext.BaseDirectory);
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
