using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SesBot.Bot.Tests;

public sealed class HealthTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "sesbot-health-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Healthz_FreshDatabase_Answers200AndSeedsDemoData()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
            b.UseSetting("ConnectionStrings:SesBot", $"Data Source={Path.Combine(_dataDir, "sesbot.db")}"));
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        Assert.True(File.Exists(Path.Combine(_dataDir, "sesbot.db")));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataDir))
        {
            Directory.Delete(_dataDir, recursive: true);
        }
    }
}
