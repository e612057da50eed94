using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SesBot.Core.Conversations;
using SesBot.Core.Persistence;

namespace SesBot.Core.Tests.Persistence;

/// <summary>
/// SesBot's own statements (the direct save's rows, the hand-written reads) skip EF Core's command pipeline on a turn
/// connection only when that pipeline has nobody to tell; whoever watches it (a log of its command events at their
/// level, <c>LogTo</c>, another interceptor) still sees every one of them.
/// </summary>
public sealed class QuietStatementsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 12, 6, 0, 30, 0, TimeSpan.Zero);
    private static readonly CancellationToken Ct = CancellationToken.None;
    private MigratedSqliteFile _database = null!;

    public async Task InitializeAsync() => _database = await MigratedSqliteFile.CreateAsync("quiet");

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task NobodyWatching_SaveAndReadRunOnCompiledStatements_ValuesStoredAsEfCoreStoresThem()
    {
        var connections = _database.Services.GetRequiredService<SqliteTurnConnections>();
        await using var scope = _database.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
        await using var lease = await connections.AttachAsync(db, Ct);
        var delivery = Delivery("a-1", """{"type":"AdaptiveCard","body":"Zoë"}""");

        db.Insert(delivery);
        await db.SaveChangesAsync(Ct);
        var afterSave = (lease.QuietRuns, lease.Statements);
        var used = await new SqliteDirectReads(db).RequestKeyUsedAsync("no-such-key", Ct);
        var afterRead = lease.QuietRuns;
        db.Insert(Delivery("a-2", null));
        await db.SaveChangesAsync(Ct);

        Assert.True(((SqliteSesBotDbContext)db).LastSaveWasDirect);
        Assert.Equal((1L, 3), afterSave); // the insert; BEGIN IMMEDIATE, the insert and COMMIT compiled once
        Assert.False(used);
        Assert.Equal(2, afterRead);
        Assert.Equal(3, lease.QuietRuns);
        Assert.Equal(4, lease.Statements); // the second save compiled nothing new
        Assert.NotEqual(0, delivery.Id); // the key the insert returned
        var stored = await db.InboundDeliveries.AsNoTracking().OrderBy(d => d.Id).Select(d => new { d.Id, d.DeliveryKey, d.ResponseJson, d.ReceivedAt }).ToListAsync(Ct);
        Assert.Equal(
            [new { delivery.Id, DeliveryKey = "a-1", ResponseJson = (string?)delivery.ResponseJson, ReceivedAt = At }, new { stored[1].Id, DeliveryKey = "a-2", ResponseJson = (string?)null, ReceivedAt = At }],
            stored);
        var raw = await _database.RowsAsync("""SELECT typeof("ResponseJson") FROM "InboundDeliveries" ORDER BY "Id";""");
        Assert.Equal(["blob", "null"], raw.Select(r => (string?)r[0])); // converted by the column's mapping (deflated), as EF Core does
        Assert.Equal(3, lease.QuietRuns); // EF Core's own queries pass its pipeline
    }

    [Fact]
    public async Task CommandLogAtInformation_EveryStatementPassesEfCore_AndIsLogged()
    {
        var log = new CommandLog();
        await using var services = Services(s => s.AddLogging(b => b.SetMinimumLevel(LogLevel.Information).AddProvider(log)));

        var runs = await SaveAndReadAsync(services);

        Assert.Equal(0, runs);
        Assert.Contains(log.Lines, l => l.Contains("INSERT INTO \"InboundDeliveries\"", StringComparison.Ordinal));
        Assert.Contains(log.Lines, l => l.Contains("\"IdempotencyKey\" = @key", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CommandExecutedRaisedToWarning_ALogAtWarningStillSeesEveryStatement()
    {
        var log = new CommandLog();
        await using var services = Services(
            s => s.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning).AddProvider(log)),
            o => o.ConfigureWarnings(w => w.Log((RelationalEventId.CommandExecuted, LogLevel.Warning))));

        var runs = await SaveAndReadAsync(services);

        Assert.Equal(0, runs);
        Assert.Contains(log.Lines, l => l.Contains("INSERT INTO \"InboundDeliveries\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CommandLogAtWarning_NothingOfTheCommandsLogged_StatementsRunQuiet()
    {
        var log = new CommandLog();
        await using var services = Services(s => s.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning).AddProvider(log)));

        var runs = await SaveAndReadAsync(services);

        Assert.Equal(2, runs);
        Assert.Empty(log.Lines);
    }

    [Fact]
    public async Task LogTo_SeesEveryStatement()
    {
        List<string> lines = [];
        await using var services = Services(options: o => o.LogTo(l => { lock (lines) { lines.Add(l); } }, LogLevel.Information));

        var runs = await SaveAndReadAsync(services);

        Assert.Equal(0, runs);
        Assert.Contains(lines, l => l.Contains("INSERT INTO \"InboundDeliveries\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\"IdempotencyKey\" = @key", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnotherInterceptor_SeesEveryStatement()
    {
        var seen = new Seen();
        await using var services = Services(options: o => o.AddInterceptors(seen));

        var runs = await SaveAndReadAsync(services);

        Assert.Equal(0, runs);
        Assert.Contains(seen.Texts, t => t.StartsWith("INSERT INTO \"InboundDeliveries\"", StringComparison.Ordinal));
        Assert.Contains(seen.Texts, t => t.Contains("\"IdempotencyKey\" = @key", StringComparison.Ordinal));
    }

    /// <summary>SesBot's database services on the same file, with more logging or context options.</summary>
    private ServiceProvider Services(Action<IServiceCollection>? logging = null, Action<DbContextOptionsBuilder>? options = null)
    {
        var services = new ServiceCollection();
        logging?.Invoke(services);
        services.AddSesBotDatabase(DatabaseProvider.Sqlite, $"Data Source={_database.Path}");
        if (options is not null)
        {
            services.ConfigureDbContext<SqliteSesBotDbContext>(options);
        }

        return services.BuildServiceProvider();
    }

    /// <summary>A direct save of one delivery and one hand-written read on a turn connection; how many ran quiet.</summary>
    internal static async Task<long> SaveAndReadAsync(ServiceProvider services)
    {
        var connections = services.GetRequiredService<SqliteTurnConnections>();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
        await using var lease = await connections.AttachAsync(db, Ct);
        var before = lease.QuietRuns;
        db.Insert(Delivery("b-" + Guid.NewGuid().ToString("N"), "{}"));
        await db.SaveChangesAsync(Ct);
        Assert.True(((SqliteSesBotDbContext)db).LastSaveWasDirect);
        Assert.False(await new SqliteDirectReads(db).RequestKeyUsedAsync("no-such-key", Ct));
        return lease.QuietRuns - before;
    }

    private static InboundDelivery Delivery(string key, string? response) => new("msteams", "conv-1", key, At) { ResponseJson = response };

    /// <summary>EF Core's command log lines (category Microsoft.EntityFrameworkCore.Database.Command).</summary>
    private sealed class CommandLog : ILoggerProvider, ILogger
    {
        private readonly List<string> _lines = [];

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (_lines)
                {
                    return [.. _lines];
                }
            }
        }

        public ILogger CreateLogger(string categoryName) =>
            categoryName == DbLoggerCategory.Database.Command.Name ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_lines)
            {
                _lines.Add(formatter(state, exception));
            }
        }

        public void Dispose()
        {
        }
    }

    /// <summary>The text of every command a context runs.</summary>
    private sealed class Seen : DbCommandInterceptor
    {
        private readonly List<string> _texts = [];

        public IReadOnlyList<string> Texts
        {
            get
            {
                lock (_texts)
                {
                    return [.. _texts];
                }
            }
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
            => Add(command, result);

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
            => Add(command, result);

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
            => Add(command, result);

        private ValueTask<T> Add<T>(DbCommand command, T result)
        {
            lock (_texts)
            {
                _texts.Add(command.CommandText);
            }

            return ValueTask.FromResult(result);
        }
    }
}

/// <remarks>
/// Alone, not beside other test classes: a diagnostic listener subscribes process-wide, and would send every other
/// test's statements through EF Core's pipeline while it listens (it stops listening at the end of the test).
/// </remarks>
[Collection(nameof(QuietStatementsDiagnosticListenerTests))]
[CollectionDefinition(nameof(QuietStatementsDiagnosticListenerTests), DisableParallelization = true)]
public sealed class QuietStatementsDiagnosticListenerTests : IAsyncLifetime, IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private readonly List<string> _events = [];
    private readonly List<IDisposable> _subscriptions = [];
    private MigratedSqliteFile _database = null!;

    public async Task InitializeAsync() => _database = await MigratedSqliteFile.CreateAsync("quiet-listener");

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task ListenerOnEfCore_SeesEveryStatement()
    {
        long runs;
        try
        {
            using (DiagnosticListener.AllListeners.Subscribe(this))
            {
                runs = await QuietStatementsTests.SaveAndReadAsync(_database.Services);
            }
        }
        finally
        {
            // EF Core keeps its listeners for the life of the process: a subscription left on one would watch every later test's statements.
            lock (_subscriptions)
            {
                _subscriptions.ForEach(s => s.Dispose());
            }
        }

        Assert.Equal(0, runs);
        lock (_events)
        {
            var executed = _events.Where(e => e.StartsWith(RelationalEventId.CommandExecuted.Name + " ", StringComparison.Ordinal)).ToList();
            Assert.Contains(executed, e => e.Contains("INSERT INTO \"InboundDeliveries\"", StringComparison.Ordinal));
            Assert.Contains(executed, e => e.Contains("\"IdempotencyKey\" = @key", StringComparison.Ordinal));
        }
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        lock (_events)
        {
            _events.Add(value.Value is CommandEventData command ? value.Key + " " + command.Command.CommandText : value.Key);
        }
    }

    void IObserver<DiagnosticListener>.OnCompleted()
    {
    }

    void IObserver<DiagnosticListener>.OnError(Exception error)
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted()
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error)
    {
    }
}
