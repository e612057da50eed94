namespace SesBot.Bot;

/// <summary>
/// Local mode: no credential of any kind is configured (<see cref="CredentialSettings"/>). The bot then seeds demo
/// data, and <see cref="LocalModeGuard"/> lets channel requests without a token in, from loopback only, while the bot
/// listens on loopback only.
/// </summary>
public sealed record LocalMode(bool IsLocal)
{
    public static LocalMode From(IConfiguration configuration) => new(CredentialSettings.Configured(configuration).Count == 0);
}
