using SesBot.Bot.Channels.Teams.AdaptiveCards;
using SesBot.Bot.Channels.Teams.Protocol;

namespace SesBot.Bot.Channels.Teams;

/// <summary>Wraps a card as a Bot Framework attachment (<c>application/vnd.microsoft.card.adaptive</c>).</summary>
public static class AdaptiveCardAttachment
{
    public static Attachment Create(AdaptiveCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = card };
    }
}
