namespace SesBot.Bot.Tests.Support;

/// <summary>
/// The real bot as a separate process on 127.0.0.1, in local mode, with its own SQLite file. Restarting it keeps the
/// database, as a redeploy would.
/// </summary>
internal sealed class BotProcess : IAsyncDisposable
{
    private readonly Dictionary<string, string?> _environment;
    private ChildProcess? _process;

    private BotProcess(string dataDirectory, int port, IDictionary<string, string?> settings)
    {
        DataDirectory = dataDirectory;
        Port = port;
        _environment = new Dictionary<string, string?>(settings)
        {
            ["ASPNETCORE_URLS"] = BaseUrl,
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__SesBot"] = $"Data Source={DatabasePath}",
            ["Logging__LogLevel__Default"] = "Information",
        };
    }

    public string DataDirectory { get; }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public string MessagesEndpoint => $"{BaseUrl}/api/messages";

    public string DatabasePath => Path.Combine(DataDirectory, "sesbot.db");

    public string Output => _process?.Output ?? string.Empty;

    /// <summary>What the processes stopped by <see cref="KillAsync"/> wrote, for failure messages.</summary>
    public string OutputBeforeKill { get; private set; } = string.Empty;

    /// <summary>Starts the bot. <paramref name="settings"/> are extra configuration as environment variables (e.g. <c>Teams__AppId</c>).</summary>
    public static async Task<BotProcess> StartAsync(IDictionary<string, string?>? settings = null, string? dataDirectory = null)
    {
        var directory = dataDirectory ?? Directory.CreateTempSubdirectory("sesbot-e2e-").FullName;
        var bot = new BotProcess(directory, FreePort.Next(), settings ?? new Dictionary<string, string?>());
        await bot.StartProcessAsync();
        return bot;
    }

    /// <summary>Stops the process and starts a new one on the same port and database.</summary>
    public async Task RestartAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        await StartProcessAsync();
    }

    /// <summary>
    /// SIGKILL (<see cref="System.Diagnostics.Process.Kill()"/>): no graceful shutdown, no flush, as a crash or an
    /// out-of-memory kill would stop it. The database file stays; <see cref="StartAgainAsync"/> starts a new process on it.
    /// </summary>
    public async Task KillAsync()
    {
        if (_process is not null)
        {
            await _process.KillAsync();
            OutputBeforeKill += _process.Output;
            await _process.DisposeAsync();
            _process = null;
        }
    }

    /// <summary>Starts a new process on the same port and database after <see cref="KillAsync"/>.</summary>
    public Task StartAgainAsync() => _process is null
        ? StartProcessAsync()
        : throw new InvalidOperationException("The bot is still running.");

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task StartProcessAsync()
    {
        if (!File.Exists(RepoPaths.BotDll))
        {
            throw new InvalidOperationException($"The bot is not built: {RepoPaths.BotDll} is missing.");
        }

        _process = ChildProcess.Start("dotnet", [RepoPaths.BotDll], RepoPaths.Root, _environment);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        await _process.WaitUntilAsync(
            async () => (await http.GetAsync(new Uri($"{BaseUrl}/healthz"))).IsSuccessStatusCode,
            TimeSpan.FromSeconds(60),
            "SesBot");
    }
}
