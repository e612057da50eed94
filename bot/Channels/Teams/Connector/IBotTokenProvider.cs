namespace SesBot.Bot.Channels.Teams.Connector;

/// <summary>The bearer token the bot presents to the Bot Connector (scope <c>https://api.botframework.com/.default</c>).</summary>
public interface IBotTokenProvider
{
    /// <summary>
    /// A valid access token, from the cache while it has more than a few minutes left; <see langword="null"/> in local
    /// mode (no app id configured), where outbound calls carry no <c>Authorization</c> header.
    /// </summary>
    /// <exception cref="BotTokenException">The login endpoint refused or could not be reached.</exception>
    ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken = default);
}
