using Amazon.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SesBot.Core.Domain;
using SesBot.Core.Execution;
using SesBot.Core.Gateways;
using SesBot.Core.Gateways.Aws;
using SesBot.Core.Gateways.Azure;
using SesBot.Core.Tests.Gateways.Azure;
using SesBot.Core.Persistence;
using SesBot.Core.Tests.Gateways.Aws.Support;
using SesBot.Core.Tests.Support;
using SesBot.Core.Workflow;

namespace SesBot.Core.Tests.Execution;

/// <summary>
/// The core's execution services as the bot registers them (<see cref="CloudGatewayServiceCollectionExtensions.AddCloudGateways"/>)
/// on a real SQLite file (WAL, the write gate), with the real Organizations client pointed at a local stand-in when
/// <see cref="Organization"/> is given, else the simulated organization. Every step runs in its own scope, as each
/// turn and each dispatcher run of the bot does.
/// </summary>
internal sealed class ExecutionHarness : IAsyncDisposable
{
    public const string OwnedAccount = "a-owned";
    public const string OwnedNumber = "222222222222";
    public const string OtherNumber = "333333333333";
    public const string AzureAccount = "z-fresh";
    public const string AzureNumber = "22222222-2222-2222-2222-222222222222";

    private readonly string _directory;

    private ExecutionHarness(ServiceProvider services, string directory, AwsStandInServer? server, FakeOrganization? organization)
    {
        Services = services;
        _directory = directory;
        Server = server;
        Organization = organization;
    }

    public ServiceProvider Services { get; }

    public AwsStandInServer? Server { get; }

    public FakeOrganization? Organization { get; }

    /// <param name="partnerCenter">The base address of a local Partner Center (<c>PartnerCenterServer</c>): the real client is used, with a test credential.</param>
    /// <param name="awsAttemptTimeout">
    /// How long one call to the AWS stand-in may take. The default is generous: the first call of a test pays for JIT
    /// and signing set-up, and on a loaded CI machine that took over a second. Only a test that waits for a hung call
    /// to time out passes a short one.
    /// </param>
    public static async Task<ExecutionHarness> StartAsync(
        FakeOrganization? organization = null, Action<SesBotDbContext>? seed = null, string? partnerCenter = null, TimeProvider? clock = null,
        TimeSpan? awsAttemptTimeout = null)
    {
        AwsStandInServer? server = null;
        var settings = new Dictionary<string, string?>();
        if (partnerCenter is not null)
        {
            settings["PartnerCenter:Endpoint"] = partnerCenter;
            settings["PartnerCenter:MaxRetryAttempts"] = "1";
            settings["PartnerCenter:BaseDelay"] = "00:00:00";
            settings["PartnerCenter:AttemptTimeout"] = "00:00:05";
        }

        if (organization is not null)
        {
            server = await AwsStandInServer.StartAsync("organizations", organization.HandleAsync, OrganizationsHarness.Keys);
            settings["Aws:Endpoint"] = server.Url.ToString();
            settings["Aws:RetryBaseDelay"] = "00:00:00.010";
            settings["Aws:MaxRetries"] = "2";
            settings["Aws:AttemptTimeout"] = (awsAttemptTimeout ?? TimeSpan.FromSeconds(15)).ToString("c", System.Globalization.CultureInfo.InvariantCulture);
        }

        var directory = Directory.CreateTempSubdirectory("sesbot-exec-").FullName;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton(clock ?? TimeProvider.System);
        services.AddSesBotDatabase(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(directory, "sesbot.db")}");
        services.AddScoped<RemovalRequestService>();
        services.AddScoped<DatabaseWrites>();
        services.AddCloudGateways(configuration);
        if (organization is not null)
        {
            services.AddSingleton<IAwsCredentialSource>(sp => new AwsCredentialSource(
                sp.GetRequiredService<IOptions<AwsOrganizationsOptions>>(), TimeProvider.System, NullLogger<AwsCredentialSource>.Instance,
                new BasicAWSCredentials(OrganizationsHarness.Keys.AccessKeyId, OrganizationsHarness.Keys.SecretAccessKey)));
        }

        if (partnerCenter is not null)
        {
            services.AddKeyedSingleton<global::Azure.Core.TokenCredential>(PartnerCenterServiceCollectionExtensions.CredentialKey, new TestTokenCredential());
        }

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var harness = new ExecutionHarness(provider, directory, server, organization);
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
        await db.Database.MigrateAsync();
        (seed ?? SeedDefault)(db);
        await db.SaveChangesAsync();
        return harness;
    }

    /// <summary>Reseller r-1, customer c-1 with a customer-owned AWS account (billed) and an Azure subscription, another AWS account.</summary>
    public static void SeedDefault(SesBotDbContext db)
    {
        db.Resellers.Add(new Reseller(TestData.ResellerId, "Northwind"));
        var customer = new Customer(TestData.CustomerId, TestData.ResellerId, "Contoso Ltd");
        customer.AddAccount(TestData.Aws(AccountOrigin.CustomerOwned, billedMonths: 2, id: OwnedAccount, number: OwnedNumber,
            linkedAt: DateTimeOffset.UtcNow.AddDays(-40)));
        customer.AddAccount(TestData.Aws(AccountOrigin.CustomerOwned, id: "a-other", number: OtherNumber));
        customer.AddAccount(TestData.Azure(id: AzureAccount, subscription: AzureNumber));
        customer.AzureTenantId = SesBot.Core.Gateways.Simulated.SimulatedScenarios.TenantOf(TestData.CustomerId);
        db.Customers.Add(customer);
    }

    /// <summary>Alice (reseller) files a request; returns its id.</summary>
    public async Task<string> SubmitAsync(RemovalOption option, string accountId, string? reason = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<RemovalRequestService>();
        var result = await service.SubmitAsync(new SubmitRemovalRequest(Guid.NewGuid().ToString("N"), TestData.Requester, option, accountId, Reason: reason));
        Assert.True(result.Succeeded, result.Message);
        await scope.ServiceProvider.GetRequiredService<SesBotDbContext>().SaveChangesAsync();
        return result.Request!.Id;
    }

    /// <summary>A click: claims and commits, as one turn.</summary>
    public async Task<ClaimResult> ClickAsync(string requestId, Actor actor)
    {
        await using var scope = Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<CloudExecutions>().ClaimAsync(requestId, actor, null, null, CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<SesBotDbContext>().SaveChangesAsync();
        return result;
    }

    /// <summary>One dispatcher run of the execution.</summary>
    public async Task<ExecutionReport?> RunAsync(string executionId, CancellationToken cancellationToken = default)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CloudExecutor>().RunAsync(executionId, cancellationToken);
    }

    public async Task<T> ReadAsync<T>(Func<SesBotDbContext, Task<T>> read)
    {
        await using var scope = Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<SesBotDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left to the temp cleaner.
        }
    }
}
