using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SesBot.Bot.Channels.Teams;
using SesBot.Bot.Channels.Teams.Connector;

namespace SesBot.Bot.Tests.Channels.Teams.Connector;

public sealed class BotTokenProviderTests
{
    [Fact]
    public async Task GetTokenAsync_SingleTenant_PostsClientCredentialsToTenantAuthority()
    {
        await using var login = await LocalHttpServer.StartAsync((c, _) => ConnectorTestHost.TokenResponse(c, "token-1"));
        await using var services = ConnectorTestHost.Build(ConnectorTestHost.Credentials(login.Url));

        var token = await services.GetRequiredService<IBotTokenProvider>().GetTokenAsync();

        Assert.Equal("token-1", token);
        var request = Assert.Single(login.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/tenant-1/oauth2/v2.0/token", request.RawTarget);
        Assert.StartsWith("application/x-www-form-urlencoded", request.ContentType, StringComparison.Ordinal);
        var form = QueryHelpers.ParseQuery(request.Body);
        Assert.Equal("client_credentials", form["grant_type"].ToString());
        Assert.Equal(ConnectorTestHost.AppId, form["client_id"].ToString());
        Assert.Equal(ConnectorTestHost.Secret, form["client_secret"].ToString());
        Assert.Equal("https://api.botframework.com/.default", form["scope"].ToString());
        Assert.Equal(4, form.Count);
    }

    [Fact]
    public async Task GetTokenAsync_MultiTenant_UsesBotframeworkComAuthority()
    {
        await using var login = await LocalHttpServer.StartAsync((c, _) => ConnectorTestHost.TokenResponse(c, "token-mt"));
        var settings = ConnectorTestHost.Credentials(login.Url + "/");
        settings["Teams:AppType"] = "MultiTenant";
        settings["Teams:TenantId"] = null;
        await using var services = ConnectorTestHost.Build(settings);

        var token = await services.GetRequiredService<IBotTokenProvider>().GetTokenAsync();

        Assert.Equal("token-mt", token);
        Assert.Equal("/botframework.com/oauth2/v2.0/token", Assert.Single(login.Requests).RawTarget);
    }

    [Fact]
    public async Task GetTokenAsync_ManyCallersAndCalls_FetchesOnce()
    {
        await using var login = await LocalHttpServer.StartAsync(async (c, r) =>
        {
            await Task.Delay(100);
            await ConnectorTestHost.TokenResponse(c, "token-" + r.Number);
        });
        await using var services = ConnectorTestHost.Build(ConnectorTestHost.Credentials(login.Url));
        var provider = services.GetRequiredService<IBotTokenProvider>();

        var concurrent = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => provider.GetTokenAsync().AsTask()));
        var later = await provider.GetTokenAsync();

        Assert.All(concurrent, t => Assert.Equal("token-1", t));
        Assert.Equal("token-1", later);
        Assert.Single(login.Requests);
    }

    [Fact]
    public async Task GetTokenAsync_WithinFiveMinutesOfExpiry_FetchesANewToken()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        await using var login = await LocalHttpServer.StartAsync((c, r) => ConnectorTestHost.TokenResponse(c, "token-" + r.Number, expiresIn: 3600));
        await using var services = ConnectorTestHost.Build(ConnectorTestHost.Credentials(login.Url), time);
        var provider = services.GetRequiredService<IBotTokenProvider>();

        var first = await provider.GetTokenAsync();
        time.Advance(TimeSpan.FromMinutes(54));
        var stillCached = await provider.GetTokenAsync();
        time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var refreshed = await provider.GetTokenAsync();
        var cachedAgain = await provider.GetTokenAsync();

        Assert.Equal("token-1", first);
        Assert.Equal("token-1", stillCached);
        Assert.Equal("token-2", refreshed);
        Assert.Equal("token-2", cachedAgain);
        Assert.Equal(2, login.Requests.Count);
    }

    [Fact]
    public async Task GetTokenAsync_RefreshRefusedWhileOldTokenValid_KeepsTheOldToken()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        await using var login = await LocalHttpServer.StartAsync((c, r) => r.Number == 1
            ? ConnectorTestHost.TokenResponse(c, "token-1")
            : LocalHttpServer.Json(c, 400, """{"error":"invalid_request"}"""));
        await using var services = ConnectorTestHost.Build(ConnectorTestHost.Credentials(login.Url), time);
        var provider = services.GetRequiredService<IBotTokenProvider>();

        await provider.GetTokenAsync();
        time.Advance(TimeSpan.FromMinutes(57));
        var duringRefreshFailure = await provider.GetTokenAsync();
        time.Advance(TimeSpan.FromMinutes(4));

        Assert.Equal("token-1", duringRefreshFailure);
        var expired = await Assert.ThrowsAsync<BotTokenException>(() => provider.GetTokenAsync().AsTask());
        Assert.Equal("invalid_request", expired.ErrorCode);
    }

    [Fact]
    public async Task GetTokenAsync_LoginRefuses_ThrowsBotTokenExceptionWithoutTheSecret()
    {
        await using var login = await LocalHttpServer.StartAsync((c, _) =>
            LocalHttpServer.Json(c, 401, """{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided."}"""));
        await using var services = ConnectorTestHost.Build(ConnectorTestHost.Credentials(login.Url));

        var ex = await Assert.ThrowsAsync<BotTokenException>(() => services.GetRequiredService<IBotTokenProvider>().GetTokenAsync().AsTask());

        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Equal("invalid_client", ex.ErrorCode);
        Assert.DoesNotContain(ConnectorTestHost.Secret, ex.ToString(), StringComparison.Ordinal);
        Assert.Single(login.Requests); // a 401 is not retried
    }

    [Fact]
    public async Task GetTokenAsync_LocalMode_ReturnsNullAndCallsNobody()
    {
        await using var login = await LocalHttpServer.StartAsync((c, _) => ConnectorTestHost.TokenResponse(c, "never"));
        await using var services = ConnectorTestHost.Build(new Dictionary<string, string?> { ["Teams:AuthorityHost"] = login.Url });

        var token = await services.GetRequiredService<IBotTokenProvider>().GetTokenAsync();

        Assert.Null(token);
        Assert.Empty(login.Requests);
    }

    [Theory]
    [InlineData(TeamsAppType.SingleTenant, "https://login.microsoftonline.com", "https://login.microsoftonline.com/tenant-1/oauth2/v2.0/token")]
    [InlineData(TeamsAppType.MultiTenant, "https://login.microsoftonline.com/", "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token")]
    [InlineData(TeamsAppType.SingleTenant, "https://login.microsoftonline.us", "https://login.microsoftonline.us/tenant-1/oauth2/v2.0/token")]
    public void TokenEndpoint_AppType_IsTheDocumentedAuthority(TeamsAppType appType, string host, string expected)
    {
        var options = new TeamsOptions { AppId = "app", AppType = appType, TenantId = "tenant-1", AuthorityHost = host };

        Assert.Equal(new Uri(expected), BotTokenProvider.TokenEndpoint(options));
    }
}
