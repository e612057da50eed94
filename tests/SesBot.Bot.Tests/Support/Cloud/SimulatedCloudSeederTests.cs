using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace SesBot.Bot.Tests.Support.Cloud;

/// <summary>
/// The bot started in local mode on a fresh SQLite file has the simulated organization, billing transfers and Partner
/// Center seeded from the demo accounts before any check; with AWS configured it leaves the AWS tables alone.
/// </summary>
public sealed class SimulatedCloudSeederTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "sesbot-simseed-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Start_LocalMode_SimulatedTablesHoldEveryDemoAccount()
    {
        await StartAsync();

        Assert.Equal(Scalar("SELECT COUNT(*) FROM CloudAccounts WHERE Provider = 'Aws'"), Scalar("SELECT COUNT(*) FROM SimulatedAwsAccounts"));
        Assert.Equal(Scalar("SELECT COUNT(*) FROM CloudAccounts WHERE Provider = 'Azure'"), Scalar("SELECT COUNT(*) FROM SimulatedAzureSubscriptions"));
        Assert.Equal(1L, Scalar("SELECT COUNT(*) FROM SimulatedBillingTransfers"));
        Assert.Equal(1L, Scalar("SELECT COUNT(*) FROM SimulatedAwsAccounts WHERE AccountId = '567890123456' AND DelegatedServices = 'guardduty.amazonaws.com'"));
        Assert.Equal(0L, Scalar("SELECT SUM(RemoveCalls) FROM SimulatedAwsAccounts"));
    }

    [Fact]
    public async Task Start_AwsConfigured_OnlyPartnerCenterSeeded()
    {
        await StartAsync(("Aws:Endpoint", "http://127.0.0.1:9/"), ("Database:SeedDemoData", "true"));

        Assert.Equal(0L, Scalar("SELECT COUNT(*) FROM SimulatedAwsAccounts"));
        Assert.Equal(0L, Scalar("SELECT COUNT(*) FROM SimulatedBillingTransfers"));
        Assert.Equal(Scalar("SELECT COUNT(*) FROM CloudAccounts WHERE Provider = 'Azure'"), Scalar("SELECT COUNT(*) FROM SimulatedAzureSubscriptions"));
        Assert.True(Scalar("SELECT COUNT(*) FROM SimulatedAzureSubscriptions") > 0);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataDir))
        {
            Directory.Delete(_dataDir, recursive: true);
        }
    }

    private async Task StartAsync(params (string Key, string Value)[] settings)
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:SesBot", $"Data Source={Path.Combine(_dataDir, "sesbot.db")}");
            foreach (var (key, value) in settings)
            {
                b.UseSetting(key, value);
            }
        });
        using var client = factory.CreateClient(); // starts the host: migrations, demo data, hosted services
        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        response.EnsureSuccessStatusCode();
    }

    private long Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_dataDir, "sesbot.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
