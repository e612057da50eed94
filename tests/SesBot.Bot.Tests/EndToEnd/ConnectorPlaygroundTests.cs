using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SesBot.Bot.Channels.Teams.Connector;
using SesBot.Bot.Channels.Teams.Protocol;
using SesBot.Bot.Tests.Support;

namespace SesBot.Bot.Tests.EndToEnd;

/// <summary>The outbound Connector client against the real Agents Playground's Connector service.</summary>
[Trait("Category", "EndToEnd")]
public sealed class ConnectorPlaygroundTests(TeamsPlaygroundFixture fixture) : IClassFixture<TeamsPlaygroundFixture>, IAsyncDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection()
        .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
        .AddSingleton(TimeProvider.System)
        .AddTeamsConnector(new ConfigurationBuilder().Build())
        .BuildServiceProvider();

    private Playground Playground => fixture.Playground;

    private string ServiceUrl => $"http://127.0.0.1:{Playground.Port}/_connector";

    private string TenantId => Playground.Config["tenantId"]!.GetValue<string>();

    private ChannelAccount Bot => new() { Id = Playground.BotId, Name = Playground.BotName };

    [Fact]
    public async Task CreateChannelThread_TeamChannel_PostsANewThreadTheChannelShows()
    {
        var connector = _services.GetRequiredService<IConnectorClient>();
        var since = Playground.Mark;

        var created = await connector.CreateChannelThreadAsync(
            ServiceUrl, Bot, Playground.TeamGeneralChannelId, Playground.TeamId, TenantId,
            new Activity { Type = ActivityTypes.Message, Text = "New removal request R-TEST01 needs support." });

        Assert.StartsWith($"{Playground.TeamGeneralChannelId};messageid=", created.Id, StringComparison.Ordinal);
        // The thread's first message shows in the channel, pointing at the thread it starts.
        await Playground.WaitForBotMessageAsync(since, Playground.TeamGeneralChannelId, m =>
            m["postConversationId"]?.GetValue<string>() == created.Id && m["text"]?.GetValue<string>()?.Contains("R-TEST01", StringComparison.Ordinal) == true);

        since = Playground.Mark;
        await connector.SendToConversationAsync(ServiceUrl, created.Id!, new Activity { Type = ActivityTypes.Message, Text = "Accepted by Megan." });
        await Playground.WaitForBotMessageAsync(since, created.Id!, m => m["text"]?.GetValue<string>() == "Accepted by Megan.");
    }

    [Fact]
    public async Task ProactivePersonalChat_AndMembers_ReachTheUserAndReturnTheirEmail()
    {
        var connector = _services.GetRequiredService<IConnectorClient>();

        var members = await connector.GetMembersAsync(ServiceUrl, Playground.PersonalChatId);
        var user = Assert.Single(members, m => m.Id == Playground.CurrentUserId);
        Assert.Equal("alexw@example.com", user.Email);

        var chat = await connector.CreatePersonalChatAsync(ServiceUrl, Bot, Playground.CurrentUserId, TenantId);
        Assert.False(string.IsNullOrEmpty(chat.Id));

        var since = Playground.Mark;
        var sent = await connector.SendToConversationAsync(ServiceUrl, chat.Id!, new Activity { Type = ActivityTypes.Message, Text = "Your request R-TEST02 was accepted." });
        Assert.False(string.IsNullOrEmpty(sent.Id));
        await Playground.WaitForBotMessageAsync(since, chat.Id!, m => m["text"]?.GetValue<string>()?.Contains("R-TEST02", StringComparison.Ordinal) == true);
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}
