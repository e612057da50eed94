using System.ComponentModel.DataAnnotations;

namespace SesBot.Bot.Audit;

/// <summary>The <c>Bot</c> configuration section: how people reach the bot from outside (for links it hands out).</summary>
public sealed class PublicUrlOptions
{
    public const string Section = "Bot";

    /// <summary>The bot's public base address, e.g. <c>https://sesbot.contoso.com</c>. Empty: the first address Kestrel listens on.</summary>
    [Url]
    public string? PublicBaseUrl { get; set; }
}
