using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SesBot.Core.Persistence;

namespace SesBot.Core.Tests.Support;

/// <summary>
/// A real PostgreSQL server for the tests: a throwaway cluster (initdb) in a temp folder, listening on 127.0.0.1 on a
/// free port, stopped and deleted afterwards. Needs Debian's postgresql package (scripts/install-test-deps.sh installs
/// it). As root, the server runs as the <c>postgres</c> user, since PostgreSQL refuses to run as root.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private string _directory = string.Empty;
    private string _bin = string.Empty;
    private int _port;

    public async Task InitializeAsync()
    {
        _bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb"))).OrderDescending().FirstOrDefault() ?? string.Empty
            : string.Empty;
        if (_bin.Length == 0)
        {
            throw new InvalidOperationException("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb); run scripts/install-test-deps.sh.");
        }

        _directory = Directory.CreateTempSubdirectory("sesbot-pg-").FullName;
        _port = FreePort();
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", ["-R", "postgres:postgres", _directory]);
        }

        await RunAsync(Path.Combine(_bin, "initdb"), ["-D", Path.Combine(_directory, "data"), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"], asPostgres: true);
        await RunAsync(Path.Combine(_bin, "pg_ctl"),
        [
            "-D", Path.Combine(_directory, "data"), "-l", Path.Combine(_directory, "server.log"), "-w", "-t", "60",
            "-o", $"-p {_port} -c listen_addresses=127.0.0.1 -k {_directory} -c fsync=off -c full_page_writes=off",
            "start",
        ], asPostgres: true);
    }

    public async Task DisposeAsync()
    {
        if (_directory.Length == 0)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_directory, "data"), "-m", "immediate", "stop"], asPostgres: true);
        }
        finally
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    /// <summary>A new, empty database on the server.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "sesbot_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    /// <summary>A new database at the current schema with the demo data, as the bot's first start makes it.</summary>
    public async Task<string> CreateDemoDatabaseAsync(TimeProvider clock)
    {
        var connection = await CreateDatabaseAsync();
        await using var db = CreateContext(connection);
        await new DatabaseInitializer(db, clock).InitializeAsync(migrate: true, seedDemoData: true);
        return connection;
    }

    public static PostgresSesBotDbContext CreateContext(string connectionString) =>
        new(new DbContextOptionsBuilder<PostgresSesBotDbContext>().UseNpgsql(connectionString).Options);

    private string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={_port};Username=postgres;Database={database};Pooling=true;Timeout=15";

    private async Task RunAsync(string file, IEnumerable<string> arguments, bool asPostgres = false)
    {
        var runAs = asPostgres && Environment.UserName == "root";
        var info = new ProcessStartInfo(runAs ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _directory,
        };
        if (runAs)
        {
            foreach (var part in new[] { "-u", "postgres", "--", file })
            {
                info.ArgumentList.Add(part);
            }
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
        if (process.ExitCode != 0)
        {
            var log = Path.Combine(_directory, "server.log");
            throw new InvalidOperationException(
                $"{file} failed ({process.ExitCode}): {await output}{await error}{(File.Exists(log) ? await File.ReadAllTextAsync(log) : string.Empty)}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
