using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Serialization;
using MimeKit;

namespace SesBot.Core.Tests.Support;

/// <summary>
/// A real smtp4dev (the .NET local tool pinned in dotnet-tools.json; <c>dotnet tool restore</c> installs it) on
/// 127.0.0.1 with free ports, its messages in memory, its settings in a temp folder. Ready when its SMTP port accepts
/// and its web API answers; killed with its process tree at the end. Rules are set through its JavaScript validation
/// settings: a recipient starting with <c>rejected</c> gets 550, one starting with <c>busy</c> gets 451, and the user
/// <c>intruder</c> fails authentication (any other credentials pass). With TLS, smtp4dev generates a self-signed
/// certificate, which a client that validates certificates refuses.
/// </summary>
public sealed class Smtp4devServer : IAsyncLifetime
{
    public const string RejectedPrefix = "rejected";
    public const string BusyPrefix = "busy";
    public const string BadUser = "intruder";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private readonly StringBuilder _output = new();
    private readonly string _tlsMode;
    private Process? _process;
    private string _directory = string.Empty;

    /// <summary>A server without TLS.</summary>
    public Smtp4devServer()
        : this("None")
    {
    }

    /// <summary>A server with smtp4dev's TLS mode: None, StartTls or ImplicitTls (a self-signed certificate it generates).</summary>
    internal Smtp4devServer(string tlsMode) => _tlsMode = tlsMode;

    public int SmtpPort { get; private set; }

    public int WebPort { get; private set; }

    public HttpClient Api { get; private set; } = new();

    public async Task InitializeAsync()
    {
        _directory = Directory.CreateTempSubdirectory("sesbot-smtp4dev-").FullName;
        for (var attempt = 1; ; attempt++)
        {
            SmtpPort = FreePort();
            WebPort = FreePort();
            Api.Dispose();
            Api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{WebPort}/"), Timeout = TimeSpan.FromSeconds(10) };
            try
            {
                await StartAsync();
                return;
            }
            catch (InvalidOperationException) when (attempt < 3 && _process is { HasExited: true })
            {
                // Most likely a port taken between choosing and binding it: try again with new ones.
                StopProcess();
            }
        }
    }

    public Task DisposeAsync()
    {
        StopProcess();
        Api.Dispose();
        if (_directory.Length > 0)
        {
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by the dying process; the temp folder is cleaned by the OS.
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Waits for the message with this Message-Id to arrive and returns it as received (raw source).</summary>
    public async Task<MimeMessage> WaitForMessageAsync(string? messageId, TimeSpan? timeout = null)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < (timeout ?? TimeSpan.FromSeconds(20)))
        {
            var page = await Api.GetFromJsonAsync<MessagePage>("api/messages?pageSize=500");
            foreach (var summary in page?.Results ?? [])
            {
                if (!seen.Add(summary.Id))
                {
                    continue;
                }

                await using var raw = await Api.GetStreamAsync($"api/messages/{summary.Id}/raw");
                var message = await MimeMessage.LoadAsync(raw);
                if (message.MessageId == messageId)
                {
                    return message;
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"smtp4dev received no message with Message-Id {messageId}.");
    }

    /// <summary>How many messages smtp4dev holds for a recipient.</summary>
    public async Task<int> CountForAsync(string recipient)
    {
        var page = await Api.GetFromJsonAsync<MessagePage>("api/messages?pageSize=500");
        return page?.Results.Count(r => r.To.Contains(recipient, StringComparer.OrdinalIgnoreCase)) ?? 0;
    }

    private async Task StartAsync()
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "tool", "run", "smtp4dev",
            $"--urls=http://127.0.0.1:{WebPort}", $"--smtpport={SmtpPort}", "--bindaddress=127.0.0.1", "--disableipv6",
            "--imapport=", "--pop3port=", "--db=", "--nousersettings", "--hostname=localhost", $"--tlsmode={_tlsMode}",
        })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["XDG_CONFIG_HOME"] = _directory;
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["ServerOptions__RecipientValidationExpression"] =
            $"recipient.toString().startsWith('{RejectedPrefix}') ? false : (recipient.toString().startsWith('{BusyPrefix}') ? error(451, 'Mailbox busy, try again later') : true)";
        info.Environment["ServerOptions__CredentialsValidationExpression"] = $"credentials.username != '{BadUser}'";

        _process = Process.Start(info) ?? throw new InvalidOperationException("dotnet tool run smtp4dev did not start.");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"smtp4dev exited with {_process.ExitCode} before it was ready (run scripts/install-test-deps.sh for `dotnet tool restore`):\n{Output()}");
            }

            if (await AcceptsAsync(SmtpPort) && await ApiAnswersAsync())
            {
                return;
            }

            await Task.Delay(200);
        }

        StopProcess();
        throw new TimeoutException($"smtp4dev was not ready on 127.0.0.1:{SmtpPort} / :{WebPort} within {StartTimeout}:\n{Output()}");
    }

    private async Task<bool> ApiAnswersAsync()
    {
        try
        {
            using var response = await Api.GetAsync("api/version");
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    private void StopProcess()
    {
        if (_process is null)
        {
            return;
        }

        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(TimeSpan.FromSeconds(15));
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
        _process = null;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "dotnet-tools.json")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No dotnet-tools.json above {AppContext.BaseDirectory}.");
    }

    private sealed record MessagePage([property: JsonPropertyName("results")] IReadOnlyList<MessageSummary> Results);

    private sealed record MessageSummary(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("to")] IReadOnlyList<string> To);
}
