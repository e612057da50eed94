using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SesBot.Bot.Pipeline.Outbox;
using SesBot.Bot.Support;
using SesBot.Core.Persistence;

namespace SesBot.Bot;

/// <summary>Host wiring that belongs to no channel: address, local mode, database start-up, health.</summary>
public static class HostExtensions
{
    public const string DefaultAddress = "http://127.0.0.1:3978";

    /// <summary>Serves on 127.0.0.1:3978 unless an address was given the standard way (--urls, ASPNETCORE_URLS, urls, HTTP_PORTS, Kestrel endpoints).</summary>
    public static WebApplicationBuilder UseSesBotDefaultAddress(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var given = !string.IsNullOrWhiteSpace(configuration["urls"])
            || !string.IsNullOrWhiteSpace(configuration["http_ports"])
            || !string.IsNullOrWhiteSpace(configuration["https_ports"])
            || configuration.GetSection("Kestrel:Endpoints").Exists();
        if (!given)
        {
            builder.WebHost.UseUrls(DefaultAddress);
        }

        return builder;
    }

    public static WebApplicationBuilder AddSesBotHost(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(LocalMode.From(builder.Configuration));
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        builder.Services.AddHostedService<InboundDeliveryPruner>();

        // Emails (the unlink instructions) leave through the outbox, after the turn that decided them committed.
        builder.Services.AddSesBotEmailOutbox(builder.Configuration);

        // Reminders and escalation of requests that wait too long (Support:RemindAfter, Support:EscalateAfter).
        builder.Services.AddSupportFollowUps();

        // Inbound endpoints are rate-limited per caller; each channel adds its policy (e.g. TeamsRateLimitPolicy).
        builder.Services.AddRateLimiter(options => options.RejectionStatusCode = StatusCodes.Status429TooManyRequests);
        return builder;
    }

    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var local = app.Services.GetRequiredService<LocalMode>();
        await using var scope = app.Services.CreateAsyncScope();
        var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
        await initializer.InitializeAsync(options.MigrateOnStart, options.SeedDemoData ?? local.IsLocal, app.Lifetime.ApplicationStopping);
        if (local.IsLocal)
        {
            Log.LocalMode(app.Logger);
        }
    }

    public static WebApplication MapSesBotEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseRateLimiter();
        app.MapHealthChecks("/healthz", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
        {
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        return app;
    }
}
