namespace SesBot.Bot;

/// <summary>
/// Local mode: no channel or cloud credentials are configured. The bot then seeds demo data and accepts
/// unauthenticated channel traffic from loopback only.
/// </summary>
public sealed record LocalMode(bool IsLocal)
{
    public static LocalMode From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        string[] credentials = ["Teams:AppId", "Slack:BotToken", "Slack:SigningSecret", "Aws:RoleArn", "Aws:AccessKeyId"];
        return new LocalMode(credentials.All(key => string.IsNullOrWhiteSpace(configuration[key])));
    }
}
