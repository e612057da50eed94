using Microsoft.AspNetCore.DataProtection;

namespace SesBot.Bot.Audit;

/// <summary>Wires audit exports: Data Protection with persisted keys, the link factory, and the download endpoint.</summary>
public static class AuditExportExtensions
{
    public const string KeysPathKey = "DataProtection:KeysPath";
    public const string DefaultKeysPath = "data/keys";
    public const string ApplicationName = "SesBot";

    public static WebApplicationBuilder AddAuditExport(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddAuditExport(builder.Configuration, builder.Environment.ContentRootPath);
        return builder;
    }

    public static IEndpointRouteBuilder MapAuditExport(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(AuditExportEndpoint.Route, AuditExportEndpoint.HandleAsync).ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>The services behind <see cref="AddAuditExport(WebApplicationBuilder)"/>; a relative keys path is under the content root.</summary>
    internal static IServiceCollection AddAuditExport(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var keysPath = configuration[KeysPathKey];
        var keys = Path.GetFullPath(Path.Combine(contentRoot, string.IsNullOrWhiteSpace(keysPath) ? DefaultKeysPath : keysPath));
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToFileSystem(Directory.CreateDirectory(keys));

        // The key ring is read when the first export link is made or checked. The hosted service that reads it at start
        // would only take processor time from a fresh start's first turns.
        var readsKeysAtStart = services.FirstOrDefault(d => d.ServiceType == typeof(IHostedService)
            && d.ImplementationType?.FullName == "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService");
        if (readsKeysAtStart is not null)
        {
            services.Remove(readsKeysAtStart);
        }

        services.AddOptions<PublicUrlOptions>()
            .BindConfiguration(PublicUrlOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<AuditExportLinks>();
        return services;
    }
}
