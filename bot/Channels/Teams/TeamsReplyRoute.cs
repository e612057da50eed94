using System.Text.Json;
using SesBot.Bot.Channels.Teams.Protocol;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Bot.Pipeline;
using SesBot.Core.Conversations;
using SesBot.Core.Outbox;

namespace SesBot.Bot.Channels.Teams;

/// <summary>
/// How the replies to one Teams activity travel: an invoke answers its first reply in the HTTP response (the card that
/// replaces the clicked one); an Action.Submit has the card it came from updated in place; the answer to a message in a
/// channel goes into that message's thread; everything else (a welcome, say) is sent into the conversation; all of it
/// through the outbox.
/// </summary>
public sealed class TeamsReplyRoute(TeamsReplyRenderer renderer, Activity inbound, string conversationKey) : IReplyRoute
{
    private bool IsInvoke => inbound.Type == ActivityTypes.Invoke;

    /// <summary>An Action.Submit: the card it came from can be updated in place.</summary>
    private bool IsSubmit => inbound.Type == ActivityTypes.Message && inbound.Value is { ValueKind: JsonValueKind.Object } && !string.IsNullOrEmpty(inbound.ReplyToId);

    public string? Inline(IReadOnlyList<Reply> replies)
    {
        ArgumentNullException.ThrowIfNull(replies);
        if (!IsInvoke)
        {
            return null;
        }

        var response = replies.Count == 0 ? InvokeResponse.Message("Done.") : InvokeResponse.Card(renderer.ToCard(replies[0]));
        return JsonSerializer.Serialize(response, ProtocolJson.Options);
    }

    public string? InlineApology(Reply apology)
    {
        ArgumentNullException.ThrowIfNull(apology);
        var text = apology.Summary ?? string.Empty;
        return IsInvoke ? JsonSerializer.Serialize(InvokeResponse.Error(500, "InternalError", text), ProtocolJson.Options) : null;
    }

    public IEnumerable<OutboxMessage> Outbound(IReadOnlyList<Reply> replies, string idempotencyPrefix, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(replies);
        if (inbound.ServiceUrl is not { Length: > 0 } serviceUrl || inbound.Conversation?.Id is not { Length: > 0 } conversationId)
        {
            yield break;
        }

        for (var i = IsInvoke ? 1 : 0; i < replies.Count; i++)
        {
            var reply = replies[i];
            var (operation, activityId) = i == 0 && IsSubmit && !reply.IsPlainText
                ? (TeamsOutboundOperation.Update, inbound.ReplyToId)
                : inbound.Type == ActivityTypes.Message && TeamsInboundMapper.ScopeOf(inbound) == ConversationScope.TeamChannel && !string.IsNullOrEmpty(inbound.Id)
                    ? (TeamsOutboundOperation.Reply, inbound.Id)
                    : (TeamsOutboundOperation.Send, null);
            var payload = new TeamsOutboundMessage
            {
                Operation = operation,
                ServiceUrl = serviceUrl,
                ConversationId = conversationId,
                ConversationKey = conversationKey,
                ActivityId = activityId,
                Activity = renderer.ToActivity(reply),
            };
            yield return new OutboxMessage(
                TeamsOutboundMessage.Kind,
                $"{idempotencyPrefix}:{i}",
                $"{TeamsInboundMapper.ChannelName}:{conversationId}",
                JsonSerializer.Serialize(payload, ProtocolJson.Options),
                now);
        }
    }
}
