using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SesBot.Core.Audit;
using SesBot.Core.Conversations;
using SesBot.Core.Persistence;
using SesBot.Core.Support;
using SesBot.Core.Workflow;

namespace SesBot.Core;

/// <summary>Registers the core: database (provider by configuration), clock and workflow services.</summary>
public static class CoreServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddSesBotCore(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = builder.Configuration.GetConnectionString("SesBot");
        builder.Services.AddSesBotDatabase(options.Provider, connectionString, options.CommandTimeoutSeconds, builder.Environment.ContentRootPath);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<RemovalRequestService>();
        builder.Services.AddScoped<ResellerCatalog>();
        builder.Services.AddScoped<DatabaseInitializer>();
        builder.Services.AddScoped<DeliveryLedger>();
        builder.Services.TryAddScoped<DatabaseWrites>();
        builder.Services.AddScoped<AuditLogQuery>();
        builder.Services.AddScoped<AccountHistory>();
        builder.Services.AddSesBotSupport();
        return builder;
    }

    /// <summary>The support desk's core: which channel support works in (<c>Support</c> section), its queue and reminders.</summary>
    public static IServiceCollection AddSesBotSupport(this IServiceCollection services)
    {
        services.AddOptions<SupportOptions>().BindConfiguration(SupportOptions.Section);
        services.AddScoped<SupportChannels>();
        services.AddScoped<SupportQueue>();

        // Reminders and escalation of waiting requests (Support:RemindAfter, Support:EscalateAfter, Support:Escalation).
        services.AddOptions<FollowUpOptions>().BindConfiguration(FollowUpOptions.Section);
        services.AddScoped<SupportFollowUps>();
        return services;
    }

    public static IServiceCollection AddSesBotDatabase(
        this IServiceCollection services, DatabaseProvider provider, string? connectionString, int commandTimeoutSeconds = 30, string? contentRoot = null)
    {
        // Writes that do not go through SaveChanges (ExecuteUpdate/ExecuteDelete) pass the same one-writer gate.
        services.TryAddScoped<DatabaseWrites>();
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = SqliteConnectionString(connectionString, contentRoot);
                services.TryAddSingleton<SqliteWriteGate>();
                services.TryAddSingleton<SqliteConnectionSetup>();

                // The log is copied back into the file in the background, never inside a commit.
                services.AddHostedService(sp => new SqliteCheckpointer(
                    sqlite,
                    sp.GetService<TimeProvider>() ?? TimeProvider.System,
                    sp.GetService<ILoggerFactory>()?.CreateLogger<SqliteCheckpointer>() ?? NullLogger<SqliteCheckpointer>.Instance));

                // Turns run on a few long-lived connections that keep their page cache and compiled statements.
                services.TryAddSingleton(_ => new SqliteTurnConnections(sqlite, SqliteTurnConnections.ForThisMachine()));
                services.AddDbContextPool<SesBotDbContext, SqliteSesBotDbContext>((sp, o) => o
                    .UseSqlite(sqlite, s => s.CommandTimeout(commandTimeoutSeconds))
                    .AddInterceptors(
                        sp.GetRequiredService<SqliteWriteGate>(), sp.GetRequiredService<SqliteConnectionSetup>(), sp.GetRequiredService<SqliteTurnConnections>()));
                break;
            case DatabaseProvider.PostgreSql:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException("Database:Provider is PostgreSql but ConnectionStrings:SesBot is not set.");
                }

                services.AddDbContextPool<SesBotDbContext, PostgresSesBotDbContext>(o =>
                    o.UseNpgsql(connectionString, n => n.CommandTimeout(commandTimeoutSeconds)));
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider {provider}.");
        }

        return services;
    }

    /// <summary>Resolves a relative SQLite file against the content root and makes sure its folder exists.</summary>
    private static string SqliteConnectionString(string? configured, string? contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(configured) ? DatabaseOptions.DefaultSqliteConnectionString : configured);
        var file = builder.DataSource;
        if (file != ":memory:" && !file.StartsWith("file:", StringComparison.OrdinalIgnoreCase) && builder.Mode != SqliteOpenMode.Memory)
        {
            if (!Path.IsPathRooted(file))
            {
                file = Path.GetFullPath(Path.Combine(contentRoot ?? Directory.GetCurrentDirectory(), file));
            }

            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            builder.DataSource = file;
        }

        return builder.ToString();
    }
}
