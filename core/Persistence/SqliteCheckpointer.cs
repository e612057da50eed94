using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SesBot.Core.Persistence;

/// <summary>
/// Copies the write-ahead log back into the SQLite database file in the background, every <see cref="Interval"/>.
/// SQLite's own automatic checkpoint runs inside whichever commit passes 1,000 pages of log, and ends with an fsync:
/// that commit, and the turn connection or the write gate it holds, waited several milliseconds on the disk while
/// every other turn waited for it. So every connection of this process opens with the automatic checkpoint pushed to a
/// backstop (<see cref="AutomaticCheckpointBackstop"/>), and this service checkpoints on a connection of its own, in
/// PASSIVE mode: it copies what no reader still needs and never blocks a reader or a writer.
/// </summary>
public sealed partial class SqliteCheckpointer(string connectionString, TimeProvider clock, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    /// <summary>How often the log is copied back.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The statement every connection of this process runs when it opens: SQLite's automatic checkpoint only as a
    /// backstop, at 10,000 pages of log (about 40 MB) instead of 1,000, for a process that does not run this service
    /// (a tool, a test) or while it has fallen behind.
    /// </summary>
    public const string AutomaticCheckpointBackstop = "PRAGMA wal_autocheckpoint = 10000;";

    /// <summary>The log size at which a commit still checkpoints by itself (pages), as in <see cref="AutomaticCheckpointBackstop"/>.</summary>
    public const int BackstopPages = 10_000;

    private SqliteConnection? _connection;
    private int _runs;

    /// <summary>How many checkpoints the background loop has run.</summary>
    public int Runs => Volatile.Read(ref _runs);

    /// <summary>Runs one PASSIVE checkpoint: how many pages the log holds and how many of them are now in the file.</summary>
    public (int LogPages, int CopiedPages) Checkpoint()
    {
        if (_connection is null)
        {
            var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
            connection.Open();
            _connection = connection;
        }

        using var command = _connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt32(1), reader.GetInt32(2));
    }

    public override void Dispose()
    {
        _connection?.Dispose();
        _connection = null;
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (IsInMemory(connectionString))
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    Checkpoint();
                    Interlocked.Increment(ref _runs);
                }
                catch (SqliteException ex)
                {
                    // Busy or locked: the next tick tries again; nothing is lost, the log only grows meanwhile.
                    LogCheckpointFailed(logger, ex);
                    _connection?.Dispose();
                    _connection = null;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private static bool IsInMemory(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        return builder.Mode == SqliteOpenMode.Memory || builder.DataSource is ":memory:" or "";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SQLite checkpoint failed; the next one retries")]
    private static partial void LogCheckpointFailed(ILogger logger, Exception exception);
}
