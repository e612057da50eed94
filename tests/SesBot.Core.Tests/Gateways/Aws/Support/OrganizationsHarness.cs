using Amazon.Runtime;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SesBot.Core.Gateways.Aws;

namespace SesBot.Core.Tests.Gateways.Aws.Support;

/// <summary>
/// SesBot's client as the bot registers it (AddAwsOrganizations: options, resilience, signing), pointed at a local
/// Organizations stand-in that verifies every signature.
/// </summary>
internal sealed class OrganizationsHarness : IAsyncDisposable
{
    public static readonly StandInCredentials Keys = new("AKIDSESBOTTEST", "wJalrXUtnFEMI/SESBOT/bPxRfiCYTESTKEY");

    private readonly ServiceProvider _services;

    private OrganizationsHarness(AwsStandInServer server, ServiceProvider services)
    {
        Server = server;
        _services = services;
        Client = services.GetRequiredService<AwsOrganizationsClient>();
    }

    public AwsStandInServer Server { get; }

    public AwsOrganizationsClient Client { get; }

    public static async Task<OrganizationsHarness> StartAsync(
        Func<AwsStandInRequest, HttpContext, Task> handler,
        IDictionary<string, string?>? settings = null,
        StandInCredentials? clientKeys = null,
        StandInCredentials? serverKeys = null,
        Func<IServiceProvider, IAwsCredentialSource>? credentials = null)
    {
        var server = await AwsStandInServer.StartAsync("organizations", handler, serverKeys ?? Keys);
        var config = new Dictionary<string, string?>
        {
            ["Aws:Endpoint"] = server.Url.ToString(),
            ["Aws:RetryBaseDelay"] = "00:00:00.010",
            ["Aws:MaxRetries"] = "3",
            ["Aws:AttemptTimeout"] = "00:00:15",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(config).Build());
        services.AddLogging();
        services.AddAwsOrganizations();
        var keys = clientKeys ?? Keys;
        services.AddSingleton(credentials ?? (sp => new AwsCredentialSource(
            sp.GetRequiredService<IOptions<AwsOrganizationsOptions>>(),
            TimeProvider.System,
            NullLogger<AwsCredentialSource>.Instance,
            keys.SessionToken is null
                ? new BasicAWSCredentials(keys.AccessKeyId, keys.SecretAccessKey)
                : new SessionAWSCredentials(keys.AccessKeyId, keys.SecretAccessKey, keys.SessionToken))));
        return new OrganizationsHarness(server, services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }));
    }

    /// <summary>Answers each operation with the JSON the test gives, 200.</summary>
    public static Func<AwsStandInRequest, HttpContext, Task> Answer(Func<AwsStandInRequest, string> json) =>
        (request, context) => AwsStandInServer.Json(context, 200, json(request));

    public static Func<AwsStandInRequest, HttpContext, Task> Error(int status, string type, string message, string? reason = null) =>
        (_, context) => AwsStandInServer.Json(context, status, reason is null
            ? $$"""{"__type":"{{type}}","Message":"{{message}}"}"""
            : $$"""{"__type":"{{type}}","Message":"{{message}}","Reason":"{{reason}}"}""");

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
