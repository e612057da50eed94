using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SesBot.Bot.Pipeline.Outbox;
using SesBot.Core.Email;

namespace SesBot.Bot.Tests;

/// <summary>The bot as Program wires it delivers the unlink-instructions outbox messages, with the pickup folder in local mode.</summary>
public sealed class EmailOutboxWiringTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "sesbot-email-wiring-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Program_LocalMode_HandlesUnlinkInstructionsWithThePickupFolder()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("ConnectionStrings:SesBot", $"Data Source={Path.Combine(_dataDir, "sesbot.db")}")
            .UseSetting("Email:PickupDirectory", Path.Combine(_dataDir, "outbox")));
        using var client = factory.CreateClient();

        var handlers = factory.Services.GetServices<IOutboxHandler>().Select(h => h.Kind).ToList();
        var sender = factory.Services.GetRequiredService<IEmailSender>();

        Assert.Contains(UnlinkInstructionsOutbox.Kind, handlers);
        Assert.Equal(handlers.Count, handlers.Distinct(StringComparer.Ordinal).Count());
        var pickup = Assert.IsType<PickupDirectoryEmailSender>(sender);
        Assert.Equal(Path.Combine(_dataDir, "outbox"), pickup.Directory);
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
