using System.Text.Json;
using SesBot.Bot.Cards;
using SesBot.Bot.Channels.Teams;
using SesBot.Bot.Channels.Teams.Protocol;
using SesBot.Bot.Support;
using SesBot.Bot.Tests.Dialogs.Support;
using SesBot.Core.Conversations;
using SesBot.Core.Persistence;

namespace SesBot.Bot.Tests.Dialogs.SupportWork;

/// <summary>Alex filed in a group chat and has no personal chat with SesBot: the status card is updated there, and the 1:1 message opens a personal chat.</summary>
public sealed class GroupChatFilingTests : SupportDeskTestBase
{
    protected override ConversationScope AlexChatScope => ConversationScope.GroupChat;

    [Fact]
    public async Task Accept_FiledInAGroupChat_StatusCardThereAndNoticeOpensAPersonalChat()
    {
        var id = await FileRemoveFromPayerAsync();
        var confirmCard = Alex.Turns[^2];
        await OpenCardAsync(Megan, id);

        await Megan.Click(ActionIds.SupportAccept).AssertFact("Status", "Accepted by support");

        var request = await RequestAsync(id);
        var rows = await OutboxAsync();
        var status = Outbound(rows.Single(r => r.IdempotencyKey == RequestUpdates.StatusCardKey(request)));
        Assert.Equal((TeamsOutboundOperation.Update, Person.Alex.ConversationKey, Alex.CardKey(confirmCard)), (status.Operation, status.ConversationId, status.ActivityId));

        var notice = rows.Single(r => r.IdempotencyKey == RequestUpdates.NoticeKey(request));
        Assert.Equal(TeamsPersonalChatMessage.Kind, notice.Kind);
        var payload = JsonSerializer.Deserialize<TeamsPersonalChatMessage>(notice.PayloadJson, ProtocolJson.Options)!;
        Assert.Equal(("29:" + Person.Alex.UserKey, DemoData.PlaygroundTenantId, "28:sesbot-app-id", ServiceUrl), (payload.UserId, payload.TenantId, payload.Bot.Id, payload.ServiceUrl));
        Assert.Contains($"accepted your request {id}", CardText(payload.Activity), StringComparison.Ordinal);
    }
}
