using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SesBot.Bot.Pipeline;
using SesBot.Core;
using SesBot.Core.Gateways;
using SesBot.Core.Persistence;
using SesBot.Core.Workflow;

namespace SesBot.Bot.Tests.Dialogs.Support;

/// <summary>
/// SesBot's dialogs in-process, as the bot wires them, over a real SQLite file with the demo data and a fake clock.
/// <see cref="RestartAsync"/> builds a new service provider over the same file: a new process, the same database.
/// </summary>
public sealed class DialogHost : IAsyncDisposable
{
    /// <summary>A Wednesday in the middle of the month, so "linked this month" and "last month" both mean something.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 11, 18, 10, 0, 0, TimeSpan.Zero);

    private readonly string _file;
    private IConfiguration _configuration;
    private readonly Action<IServiceCollection>? _configure;

    private DialogHost(string file, FakeTimeProvider clock, IConfiguration configuration, Action<IServiceCollection>? configure)
    {
        _file = file;
        Clock = clock;
        _configuration = configuration;
        _configure = configure;
        Services = Build();
    }

    /// <summary>The SQLite connection string of the database file, for a second connection of a test's own.</summary>
    public string ConnectionString => $"Data Source={_file};Pooling=False";

    public FakeTimeProvider Clock { get; }

    public ServiceProvider Services { get; private set; }

    public static async Task<DialogHost> StartAsync(
        DateTimeOffset? now = null, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var file = Path.Combine(Path.GetTempPath(), $"sesbot-dialogs-{Guid.NewGuid():N}.db");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var host = new DialogHost(file, new FakeTimeProvider(now ?? DefaultStart), configuration, configure);
        await host.InScopeAsync(sp => sp.GetRequiredService<DatabaseInitializer>().InitializeAsync(migrate: true, seedDemoData: true));
        return host;
    }

    /// <summary>The bot stops and starts again: every in-memory object is gone, the database stays.</summary>
    public async Task RestartAsync()
    {
        await Services.DisposeAsync();
        Services = Build();
    }

    /// <summary>The bot restarts with other settings (an operator changed its configuration); the database stays.</summary>
    public async Task RestartAsync(IDictionary<string, string?> settings)
    {
        _configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        await RestartAsync();
    }

    public async Task InScopeAsync(Func<IServiceProvider, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>Reads or changes the database through a fresh DbContext of its own.</summary>
    public Task<T> DbAsync<T>(Func<SesBotDbContext, Task<T>> work) =>
        InScopeAsync(sp => work(sp.GetRequiredService<SesBotDbContext>()));

    public Task DbAsync(Func<SesBotDbContext, Task> work) =>
        InScopeAsync(sp => work(sp.GetRequiredService<SesBotDbContext>()));

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { _file, _file + "-wal", _file + "-shm", _file + "-journal" })
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
                // A leftover temp file is harmless.
            }
        }
    }

    private ServiceProvider Build()
    {
        var services = new ServiceCollection();
        services.AddSingleton(_configuration);
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSesBotDatabase(DatabaseProvider.Sqlite, ConnectionString);
        services.AddScoped<RemovalRequestService>();
        services.AddScoped<ResellerCatalog>();
        services.AddScoped<DatabaseInitializer>();
        services.AddSesBotSupport();
        services.AddCloudGateways(_configuration);
        services.AddTurnPipeline();
        _configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
