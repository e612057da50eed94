using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SesBot.Bot.Tests;

/// <summary>The start page a newcomer sees at <c>/</c> in local mode, and its absence otherwise.</summary>
public sealed class LocalStartPageTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "sesbot-start-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Root_LocalMode_ShowsWhatRunsTheDemoPeopleAndHowToChat()
    {
        await using var factory = Factory();
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("running in local mode", page, StringComparison.Ordinal);
        Assert.Contains("<td>Alex Wilber</td><td>reseller user</td><td>Northwind Cloud Partners</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>Megan Bowen</td><td>support agent</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>Isaiah Langer</td><td>admin</td>", page, StringComparison.Ordinal);
        Assert.Contains("bash scripts/playground.sh", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Root_WithTeamsCredentials_DoesNotExist()
    {
        await using var factory = Factory(b =>
        {
            b.UseSetting("Teams:AppId", "6e0d5b3c-8f1a-4c2e-9b7d-3a4f5e6d7c8b");
            b.UseSetting("Teams:AppPassword", "not-a-real-secret");
            b.UseSetting("Teams:TenantId", "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");
            b.UseSetting("Database:SeedDemoData", "true");
        });
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataDir))
        {
            Directory.Delete(_dataDir, recursive: true);
        }
    }

    private WebApplicationFactory<Program> Factory(Action<IWebHostBuilder>? configure = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:SesBot", $"Data Source={Path.Combine(_dataDir, "sesbot.db")}");
            b.UseSetting("DataProtection:KeysPath", Path.Combine(_dataDir, "keys"));
            configure?.Invoke(b);
        });
}
