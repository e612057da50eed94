using Azure.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SesBot.Bot.Cli;
using SesBot.Bot.Tests.Channels.Teams.Connector;
using SesBot.Core.Gateways.Azure;

namespace SesBot.Bot.Tests.Cli;

/// <summary><c>partner-center check</c> against a local Partner Center on 127.0.0.1, called directly with a TextWriter.</summary>
public sealed class PartnerCenterCheckCommandTests
{
    private const string Token = "pc-secret-token-value";

    private const string CustomersPage = """
        { "totalCount": 1, "items": [ { "id": "4d3cf487-70f4-4e1e-9ff1-b2bfce8d9f04",
          "companyProfile": { "tenantId": "4d3cf487-70f4-4e1e-9ff1-b2bfce8d9f04", "domain": "contoso.onmicrosoft.com", "companyName": "Contoso Ltd" },
          "attributes": { "objectType": "Customer" } } ], "attributes": { "objectType": "Collection" } }
        """;

    [Fact]
    public async Task RunAsync_TokenAndCustomersRead_PrintsWhatItFoundAndExitsZero()
    {
        await using var server = await LocalHttpServer.StartAsync((c, _) => LocalHttpServer.Json(c, 200, CustomersPage));
        using var provider = Services(server.Url, new FixedTokenCredential(Token));
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await Command(provider).RunAsync(output, error);

        var text = output.ToString();
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error.ToString());
        var request = Assert.Single(server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/v1/customers?size=1", request.RawTarget);
        Assert.Equal("Bearer " + Token, request.Authorization);
        Assert.Contains("Token: acquired for https://api.partnercenter.microsoft.com/.default, valid until 2030-01-02 03:04 UTC.", text, StringComparison.Ordinal);
        Assert.Contains("1 customer(s)", text, StringComparison.Ordinal);
        Assert.Contains("First customer: Contoso Ltd (contoso.onmicrosoft.com), tenant 4d3cf487-70f4-4e1e-9ff1-b2bfce8d9f04.", text, StringComparison.Ordinal);
        Assert.Contains("OK: SesBot can reach Partner Center.", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_EntraRefusesTheApp_PrintsWhyAndExitsOne()
    {
        await using var server = await LocalHttpServer.StartAsync((c, _) => LocalHttpServer.Json(c, 200, CustomersPage));
        using var provider = Services(server.Url, new FixedTokenCredential(Token, "ClientSecretCredential authentication failed: AADSTS7000215: Invalid client secret provided."));
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await Command(provider).RunAsync(output, error);

        Assert.Equal(1, exit);
        Assert.Contains("FAILED: no Partner Center token from Entra ID: AADSTS7000215: Invalid client secret provided.", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("docs/partner-center.md", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Signing in as:", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("FAILED", output.ToString(), StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task RunAsync_PartnerCenterForbids_PrintsTheKindAndAdviceAndExitsOne()
    {
        await using var server = await LocalHttpServer.StartAsync((c, _) =>
            LocalHttpServer.Json(c, 403, """{"code":"3000","description":"Access denied.","source":"PartnerFD"}"""));
        using var provider = Services(server.Url, new FixedTokenCredential(Token));
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await Command(provider).RunAsync(output, error);

        var text = error.ToString();
        Assert.Equal(1, exit);
        Assert.Contains("Token: acquired", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("FAILED", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("FAILED (Forbidden):", text, StringComparison.Ordinal);
        Assert.Contains("Admin agent role", text, StringComparison.Ordinal);
        Assert.Contains("\"Access denied.\"", text, StringComparison.Ordinal);
        Assert.Contains("MS-CorrelationId", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_CommandLineEndpointNotHttps_ReportsTheConfigurationAndExitsOne()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await PartnerCenterCheckCommand.RunAsync(["partner-center", "check", "--PartnerCenter:Endpoint=http://partner.example.com"], output, error);

        Assert.Equal(1, exit);
        Assert.Contains("FAILED: the PartnerCenter configuration is invalid:", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("PartnerCenter:Endpoint must use https", error.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("Bot mode:", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("FAILED", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void BotMode_NothingUnderPartnerCenter_SaysTheBotRunsSimulatedWhateverTheCheckFinds()
    {
        var none = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Teams:AppId"] = "x" }).Build();
        var some = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["PartnerCenter:TenantId"] = "contoso.onmicrosoft.com" }).Build();

        Assert.StartsWith("Bot mode: SIMULATED.", PartnerCenterCheckCommand.BotMode(none), StringComparison.Ordinal);
        Assert.Contains("PartnerCenter__TenantId", PartnerCenterCheckCommand.BotMode(none), StringComparison.Ordinal);
        Assert.Equal("Bot mode: Partner Center (the PartnerCenter section is configured)", PartnerCenterCheckCommand.BotMode(some));
    }

    [Theory]
    [InlineData(new[] { "partner-center", "check" }, true)]
    [InlineData(new[] { "partner-center", "check", "--PartnerCenter:TenantId=x" }, true)]
    [InlineData(new[] { "partner-center" }, false)]
    [InlineData(new[] { "aws", "check" }, false)]
    [InlineData(new string[0], false)]
    public void Matches_Args_OnlyThisCommand(string[] args, bool expected) =>
        Assert.Equal(expected, PartnerCenterCheckCommand.Matches(args));

    private static ServiceProvider Services(string endpoint, TokenCredential credential)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PartnerCenter:Endpoint"] = endpoint,
            ["PartnerCenter:MaxRetryAttempts"] = "0",
        }).Build());
        services.AddLogging();
        services.AddKeyedSingleton(PartnerCenterServiceCollectionExtensions.CredentialKey, credential);
        services.AddPartnerCenter();
        return services.BuildServiceProvider();
    }

    private static PartnerCenterCheckCommand Command(ServiceProvider provider) => new(
        provider.GetRequiredService<PartnerCenterClient>(),
        provider.GetRequiredKeyedService<TokenCredential>(PartnerCenterServiceCollectionExtensions.CredentialKey),
        provider.GetRequiredService<IOptions<PartnerCenterOptions>>());
}
