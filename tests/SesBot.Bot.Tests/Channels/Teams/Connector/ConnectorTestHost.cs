using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SesBot.Bot.Channels.Teams.Connector;

namespace SesBot.Bot.Tests.Channels.Teams.Connector;

/// <summary>The connector wired exactly as the bot wires it (AddTeamsConnector), against settings a test chooses.</summary>
internal static class ConnectorTestHost
{
    public const string AppId = "00000000-0000-0000-0000-00000000a001";
    public const string Secret = "s3cret-value~with+symbols";
    public const string TenantId = "tenant-1";

    /// <summary>Settings for a single-tenant bot whose login host is <paramref name="authorityHost"/>, with fast backoffs.</summary>
    public static Dictionary<string, string?> Credentials(string authorityHost) => new()
    {
        ["Teams:AppId"] = AppId,
        ["Teams:AppPassword"] = Secret,
        ["Teams:TenantId"] = TenantId,
        ["Teams:AppType"] = "SingleTenant",
        ["Teams:AuthorityHost"] = authorityHost,
    };

    public static ServiceProvider Build(IDictionary<string, string?> settings, TimeProvider? time = null, RecordingLoggerProvider? logs = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Teams:Connector:BaseDelay"] = "00:00:00.020",
            ["Teams:Connector:MaxDelay"] = "00:00:00.200",
            ["Teams:Connector:MaxRetryAfter"] = "00:00:05",
            ["Teams:Connector:AttemptTimeout"] = "00:00:10",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);
            if (logs is not null)
            {
                logging.AddProvider(logs);
            }
        });
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddTeamsConnector(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>A login endpoint answer: <c>{"token_type":"Bearer","expires_in":…,"access_token":…}</c>.</summary>
    public static Task TokenResponse(HttpContext context, string accessToken, int expiresIn = 3600) =>
        LocalHttpServer.Json(context, 200, $$"""{"token_type":"Bearer","expires_in":{{expiresIn}},"ext_expires_in":{{expiresIn}},"access_token":"{{accessToken}}"}""");

    public static bool IsTokenRequest(RecordedRequest request) => request.RawTarget.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal);
}
