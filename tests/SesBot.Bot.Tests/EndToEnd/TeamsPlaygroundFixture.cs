using SesBot.Bot.Tests.Support;

namespace SesBot.Bot.Tests.EndToEnd;

/// <summary>One real bot process and one real Agents Playground, shared by a test class.</summary>
public sealed class TeamsPlaygroundFixture : IAsyncLifetime
{
    internal BotProcess Bot { get; private set; } = null!;

    internal Playground Playground { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Bot = await BotProcess.StartAsync();
        Playground = await Playground.StartAsync(Bot.MessagesEndpoint);
    }

    public async Task DisposeAsync()
    {
        if (Playground is not null)
        {
            await Playground.DisposeAsync();
        }

        if (Bot is not null)
        {
            await Bot.DisposeAsync();
        }
    }
}
