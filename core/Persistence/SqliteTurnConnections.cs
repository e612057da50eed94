using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace SesBot.Core.Persistence;

/// <summary>
/// The SQLite connections turns run on: a few long-lived connections (one per processor, at most
/// <see cref="MaxConnections"/>), each lent to one turn at a time, instead of one pooled connection per turn in
/// flight. Three things make this cheaper than the pool:
/// <list type="bullet">
/// <item>A connection's page cache is emptied whenever another connection has committed. With one pooled connection
/// per turn in flight (64 under load), every read started cold and read its pages from the file again. One connection
/// per processor, each with a larger cache (<see cref="CacheKibibytes"/>), keeps its pages between other connections'
/// commits; on one processor, turns' own commits never empty it.</item>
/// <item>Each connection keeps the statements it has compiled (as the interceptor here, at most
/// <see cref="MaxStatements"/> per connection) and runs EF Core's commands on them, so that the same SQL text is not
/// parsed and planned again on every turn. Microsoft.Data.Sqlite keeps a statement only as long as its command.</item>
/// <item>SesBot's own hand-written statements (<see cref="SqliteDirectSave"/>, <see cref="SqliteDirectReads"/>) run
/// on those compiled statements directly, without EF Core's command pipeline (a new provider command and parameters,
/// its diagnostics, a command id: about 4 % of a turn's CPU), whenever that pipeline has nobody to tell: no command
/// interceptor but this one, and neither a log, a <c>LogTo</c> nor a diagnostic listener taking its command events
/// (<see cref="Quiet"/>). Otherwise they pass through it like any EF Core command, so a log of the statements, or an
/// interceptor, misses none.</item>
/// </list>
/// A turn waits (asynchronously, in order) for a free connection; it holds it through its reads and its commit, which
/// never wait on other I/O. Other work (the outbox dispatcher, the sweeps) keeps using the pool.
/// </summary>
public sealed class SqliteTurnConnections : DbCommandInterceptor, IDisposable
{
    /// <summary>The most connections turns run on at once, whatever the processor count.</summary>
    public const int MaxConnections = 4;

    /// <summary>The most compiled statements kept per connection; beyond that, a command runs the usual way.</summary>
    public const int MaxStatements = 256;

    /// <summary>Each connection's page cache, in KiB (SQLite's default is 2,000).</summary>
    public const int CacheKibibytes = 16 * 1024;

    private readonly string _connectionString;
    private readonly SemaphoreSlim _free;
    private readonly ConcurrentStack<Lane> _idle = new();
    /// <summary>Every turn connection of every set, and its lane (a set forgets its own when it closes them).</summary>
    private static readonly ConditionalWeakTable<SqliteConnection, Lane> Lanes = [];

    /// <summary>What a context's command pipeline is set up to tell, per command logger (<see cref="Pipeline"/>).</summary>
    private static readonly ConditionalWeakTable<IDiagnosticsLogger, Pipeline> Pipelines = [];

    /// <summary>
    /// The events EF Core's command pipeline raises around a command that runs and succeeds, at their usual levels. A
    /// failed command's event (<c>CommandError</c>) is not among them: see <see cref="Quiet"/>.
    /// </summary>
    private static readonly (EventId Id, LogLevel Level)[] CommandEvents =
    [
        (RelationalEventId.CommandCreating, LogLevel.Debug),
        (RelationalEventId.CommandCreated, LogLevel.Debug),
        (RelationalEventId.CommandInitialized, LogLevel.Debug),
        (RelationalEventId.CommandExecuting, LogLevel.Debug),
        (RelationalEventId.CommandExecuted, LogLevel.Information),
        (RelationalEventId.DataReaderClosing, LogLevel.Debug),
        (RelationalEventId.DataReaderDisposing, LogLevel.Debug),
    ];

    private readonly ConcurrentDictionary<Lane, byte> _all = new();
    private bool _disposed;

    public SqliteTurnConnections(string connectionString, int connections)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentOutOfRangeException.ThrowIfLessThan(connections, 1);
        _connectionString = connectionString;
        Connections = connections;
        _free = new SemaphoreSlim(connections, connections);
    }

    /// <summary>How many connections turns run on at once.</summary>
    public int Connections { get; }

    /// <summary>
    /// One connection per processor, at most <see cref="MaxConnections"/>. Two connections on one processor read
    /// no faster, and each commit on one empties the other's page cache.
    /// </summary>
    public static int ForThisMachine() => Math.Clamp(Environment.ProcessorCount, 1, MaxConnections);

    /// <summary>
    /// Waits for a free connection and puts this unit of work's context on it until the lease is disposed; then the
    /// context goes back to its own connection string, so that a pooled context never leaves with the lent one.
    /// </summary>
    public async ValueTask<Lease> AttachAsync(SesBotDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _free.WaitAsync(cancellationToken);
        Lane? lane = null;
        try
        {
            lane = _idle.TryPop(out var idle) ? idle : Open(db);
            db.Database.SetDbConnection(lane.Connection, contextOwnsConnection: false);
        }
        catch
        {
            if (lane is not null)
            {
                _idle.Push(lane);
            }

            _free.Release();
            throw;
        }

        return new Lease(this, db, lane);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var lane in _all.Keys)
        {
            lane.Dispose();
        }

        _all.Clear();
        _idle.Clear();
        _free.Dispose();
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        => !result.HasResult && Cached(command) is { } statement
            ? InterceptionResult<DbDataReader>.SuppressWithResult(statement.Reading = statement.Command.ExecuteReader())
            : result;

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(ReaderExecuting(command, eventData, result)); // Microsoft.Data.Sqlite runs every command synchronously

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        => !result.HasResult && Cached(command) is { } statement
            ? InterceptionResult<int>.SuppressWithResult(statement.Command.ExecuteNonQuery())
            : result;

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(NonQueryExecuting(command, eventData, result));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        => !result.HasResult && Cached(command) is { } statement
            ? InterceptionResult<object>.SuppressWithResult(statement.Command.ExecuteScalar()!)
            : result;

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(ScalarExecuting(command, eventData, result));

    /// <summary>
    /// The compiled statement of this command's SQL on its connection, loaded with the command's parameters and
    /// transaction; null when the command is not on a turn connection, the connection keeps no more statements, or
    /// the statement is still being read by an earlier command of the same text.
    /// </summary>
    private static Statement? Cached(DbCommand command)
    {
        if (command is not SqliteCommand { Connection: { } connection } sqlite
            || !Lanes.TryGetValue(connection, out var lane)
            || lane.Free(sqlite.CommandText) is not { } statement)
        {
            return null;
        }

        var cached = statement.Command;
        cached.Transaction = sqlite.Transaction;
        cached.CommandTimeout = sqlite.CommandTimeout;
        cached.Parameters.Clear();
        foreach (SqliteParameter parameter in sqlite.Parameters)
        {
            cached.Parameters.Add(parameter);
        }

        statement.Reading = null;
        return statement;
    }

    /// <summary>
    /// The compiled statement of <paramref name="sql"/> on this connection, its parameters cleared and its transaction
    /// EF Core's current one, for SesBot's own statements to run without EF Core's command pipeline; null when they must
    /// pass through it: the connection is not a turn connection, the context has a command interceptor other than a
    /// set of turn connections, EF Core would write one of the command's events to a log (at its level, as the
    /// options' warnings configuration may have changed it) or to <c>LogTo</c>, or a diagnostic listener takes one of
    /// them; or when the connection keeps no more statements, or an earlier command of the same text is still being
    /// read.
    /// <para>
    /// A statement that fails here raises no <c>CommandError</c> event: the direct save runs its save again through EF
    /// Core, which reports the failure as always (and when that run succeeds, the direct save logs the first failure as
    /// a warning), and a direct read's exception reaches its caller (a turn's error boundary logs it).
    /// </para>
    /// </summary>
    internal static SqliteCommand? Quiet(IRelationalConnection connection, IDiagnosticsLogger logger, string sql)
    {
        if (connection.DbConnection is not SqliteConnection sqlite
            || !Lanes.TryGetValue(sqlite, out var lane)
            || Watched(logger)
            || lane.Free(sql, own: true) is not { } statement)
        {
            return null;
        }

        lane.QuietRuns++;
        var command = statement.Command;
        command.Transaction = (SqliteTransaction?)connection.CurrentTransaction?.GetDbTransaction();
        command.CommandTimeout = connection.CommandTimeout ?? sqlite.DefaultTimeout;
        command.Parameters.Clear();
        statement.Reading = null;
        return command;
    }

    /// <summary>Marks a quiet statement as being read until this reader is closed (an EF Core command of its text then runs the usual way).</summary>
    internal static void Reading(SqliteCommand command, SqliteDataReader reader)
    {
        if (command.Connection is { } connection && Lanes.TryGetValue(connection, out var lane) && lane.Compiled(command.CommandText) is { } statement)
        {
            statement.Reading = reader;
        }
    }

    /// <summary>
    /// A statement with no parameters that never passes EF Core (a direct save's BEGIN, COMMIT, ROLLBACK): compiled once
    /// per turn connection, or a new command on any other connection. Dispose it with <see cref="Done"/>.
    /// </summary>
    internal static SqliteCommand Control(SqliteConnection connection, string sql)
    {
        if (Lanes.TryGetValue(connection, out var lane) && lane.Free(sql, own: true) is { } statement)
        {
            statement.Command.Transaction = null;
            return statement.Command;
        }

        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    /// <summary>Disposes a <see cref="Control"/> statement unless a turn connection keeps it.</summary>
    internal static void Done(SqliteCommand command)
    {
        if (command.Connection is not { } connection || !Lanes.TryGetValue(connection, out var lane) || !lane.Keeps(command))
        {
            command.Dispose();
        }
    }

    /// <summary>Whether EF Core would tell somebody of a command's run: see <see cref="Quiet"/>.</summary>
    private static bool Watched(IDiagnosticsLogger logger)
    {
        var pipeline = Pipelines.GetValue(logger, static l => new Pipeline(l));
        if (pipeline.Intercepted || logger.Logger.IsEnabled(pipeline.Level))
        {
            return true;
        }

        foreach (var (id, level) in pipeline.Events)
        {
            if (logger.DbContextLogger.ShouldLog(id, level) || logger.DiagnosticSource.IsEnabled(id.Name!))
            {
                return true; // LogTo, or a diagnostic listener
            }
        }

        return false;
    }

    /// <summary>
    /// What does not change for a context's command logger (a pooled context keeps its own): whether a command
    /// interceptor other than a set of turn connections is registered, and the level of each command event (as the
    /// options' warnings configuration may have changed it; an event switched off is left out).
    /// </summary>
    private sealed class Pipeline
    {
        public Pipeline(IDiagnosticsLogger logger)
        {
            Intercepted = logger.Interceptors?.Aggregate<IDbCommandInterceptor>() is not (null or SqliteTurnConnections);
            Events = [.. CommandEvents.Select(e => (e.Id, logger.Options.WarningsConfiguration.GetLevel(e.Id) ?? e.Level)).Where(e => e.Item2 != LogLevel.None)];
            Level = Events.Length == 0 ? LogLevel.None : Events.Max(e => e.Level);
        }

        public bool Intercepted { get; }

        public (EventId Id, LogLevel Level)[] Events { get; }

        /// <summary>
        /// The most severe level a command event is written at: a logger enabled at it writes at least that event (levels
        /// are thresholds). None when every event is switched off.
        /// </summary>
        public LogLevel Level { get; }
    }

    /// <summary>
    /// Opens a new turn connection. It is created by EF Core (a context of the same options of its own), so that it
    /// has the functions and collations the provider adds to its connections (decimal comparison and sums,
    /// <c>regexp</c>); outside the provider's pool, so that a connection given up is closed for good.
    /// </summary>
    private Lane Open(SesBotDbContext db)
    {
        var owner = new SqliteSesBotDbContext((DbContextOptions<SqliteSesBotDbContext>)db.GetService<IDbContextOptions>());
        try
        {
            var connection = (SqliteConnection)owner.Database.GetDbConnection();
            connection.ConnectionString = new SqliteConnectionStringBuilder(_connectionString) { Pooling = false }.ToString();
            connection.Open();
            using var settings = connection.CreateCommand();
            settings.CommandText = $"PRAGMA synchronous = NORMAL; PRAGMA cache_size = -{CacheKibibytes}; {SqliteCheckpointer.AutomaticCheckpointBackstop}";
            settings.ExecuteNonQuery();
            var lane = new Lane(owner, connection);
            Lanes.AddOrUpdate(connection, lane);
            _all[lane] = 0;
            return lane;
        }
        catch
        {
            owner.Dispose();
            throw;
        }
    }

    private void Return(SesBotDbContext db, Lane lane)
    {
        try
        {
            db.Database.SetDbConnection(null, contextOwnsConnection: false);
            db.Database.SetConnectionString(_connectionString);
        }
        finally
        {
            // A connection left inside a transaction (a unit of work that did not finish its own) is not lent again.
            if (_disposed || !lane.IsIdle())
            {
                _all.TryRemove(lane, out _);
                lane.Dispose(); // forgets its connection in Lanes too
            }
            else
            {
                _idle.Push(lane);
            }

            if (!_disposed)
            {
                _free.Release();
            }
        }
    }

    /// <summary>A connection lent to one unit of work; disposing it gives the connection back.</summary>
    public sealed class Lease : IAsyncDisposable, IDisposable
    {
        private readonly SqliteTurnConnections _owner;
        private readonly SesBotDbContext _db;
        private readonly Lane _lane;
        private int _returned;

        internal Lease(SqliteTurnConnections owner, SesBotDbContext db, Lane lane)
        {
            _owner = owner;
            _db = db;
            _lane = lane;
        }

        /// <summary>The connection lent.</summary>
        public SqliteConnection Connection => _lane.Connection;

        /// <summary>How many compiled statements the connection keeps.</summary>
        public int Statements => _lane.Statements.Count;

        /// <summary>How many of SesBot's own statements ran on the connection without EF Core's command pipeline (<see cref="Quiet"/>), since it opened.</summary>
        public long QuietRuns => _lane.QuietRuns;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _returned, 1) == 0)
            {
                _owner.Return(_db, _lane);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }

    internal sealed class Lane(DbContext owner, SqliteConnection connection) : IDisposable
    {
        public SqliteConnection Connection { get; } = connection;

        private readonly Dictionary<string, Statement> _byReference = new(ReferenceEqualityComparer.Instance);

        public Dictionary<string, Statement> Statements { get; } = new(StringComparer.Ordinal);

        /// <summary>See <see cref="Lease.QuietRuns"/>; changed only by the unit of work the connection is lent to.</summary>
        public long QuietRuns { get; set; }

        /// <summary>
        /// The compiled statement of this SQL text (compiled now if new), unless the connection keeps no more statements
        /// or an earlier command of the text is still being read.
        /// </summary>
        public Statement? Free(string sql, bool own = false)
        {
            // SesBot's own statements (own) come back with the same string each time: found by reference, their text is
            // not hashed again. EF Core's command texts are found by their text only (it builds a new string for each
            // save, which would fill the references with strings never seen again).
            if (!(own && _byReference.TryGetValue(sql, out var statement)) && !Statements.TryGetValue(sql, out statement))
            {
                if (Statements.Count >= MaxStatements)
                {
                    return null;
                }

                statement = new Statement(Connection.CreateCommand());
                statement.Command.CommandText = sql;
                Statements.Add(sql, statement);
            }

            if (own && _byReference.Count < MaxStatements)
            {
                _byReference.TryAdd(sql, statement);
            }

            return statement.Reading is { IsClosed: false } ? null : statement;
        }

        /// <summary>Whether this command is one of the connection's compiled statements.</summary>
        public bool Keeps(SqliteCommand command) => ReferenceEquals(Compiled(command.CommandText)?.Command, command);

        /// <summary>The compiled statement of this SQL, if the connection has one (SesBot's own found by reference first).</summary>
        public Statement? Compiled(string sql) =>
            _byReference.TryGetValue(sql, out var statement) || Statements.TryGetValue(sql, out statement) ? statement : null;

        /// <summary>Open, with no transaction left open on it.</summary>
        public bool IsIdle()
            => Connection.State == ConnectionState.Open && SQLitePCL.raw.sqlite3_get_autocommit(Connection.Handle) != 0;

        public void Dispose()
        {
            foreach (var statement in Statements.Values)
            {
                statement.Command.Dispose();
            }

            Statements.Clear();
            _byReference.Clear();
            Lanes.Remove(Connection);
            Connection.Dispose();
            owner.Dispose();
        }
    }

    internal sealed class Statement(SqliteCommand command)
    {
        public SqliteCommand Command { get; } = command;

        /// <summary>The reader of its last run, while it may still be open.</summary>
        public SqliteDataReader? Reading { get; set; }
    }
}
