using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SesBot.Bot.Cards;
using SesBot.Bot.Channels.Teams;
using SesBot.Bot.Channels.Teams.Protocol;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Support;
using SesBot.Bot.Tests.Dialogs.Support;
using SesBot.Core.Conversations;
using SesBot.Core.Domain;
using SesBot.Core.Outbox;
using SesBot.Core.Persistence;

namespace SesBot.Bot.Tests.Support.FollowUps;

/// <summary>
/// The bot's dialogs and its reminder service over one SQLite file with a fake clock, a Teams support channel SesBot
/// knows, and the personal chats it has with the people the tests remind.
/// </summary>
internal static class FollowUpHarness
{
    public const string ChannelId = "19:support-desk@thread.tacv2";
    public const string TeamId = "19:ses-support-team@thread.tacv2";
    public const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    public static Task<DialogHost> StartAsync(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null) =>
        DialogHost.StartAsync(settings: settings, configure: services =>
        {
            services.AddSingleton<TeamsReplyRenderer>();
            services.AddSingleton<ISupportThreadPoster, TeamsSupportThreadPoster>();
            services.AddSingleton<IConversationPoster, TeamsConversationPoster>();
            services.AddSupportFollowUps();
            configure?.Invoke(services);
        });

    /// <summary>The support channel's address (SesBot is in the team) and an admin's choice of it.</summary>
    public static async Task UseSupportChannelAsync(DialogHost host, string serviceUrl = ServiceUrl)
    {
        var reference = new TeamsConversationReference
        {
            ServiceUrl = serviceUrl,
            ConversationId = ChannelId,
            ConversationType = "channel",
            TenantId = DemoData.PlaygroundTenantId,
            BotId = "28:sesbot-app-id",
            BotName = "SesBot",
            TeamId = TeamId,
            ChannelId = ChannelId,
        };
        await host.DbAsync(async db =>
        {
            db.ConversationAddresses.Add(new ConversationAddress("msteams", ChannelId, ConversationScope.TeamChannel, JsonSerializer.Serialize(reference, ProtocolJson.Options), host.Clock.GetUtcNow())
            {
                TeamKey = TeamId,
                TenantKey = DemoData.PlaygroundTenantId,
                DisplayName = "SES Support",
            });
            await db.SaveChangesAsync();
        });
        await new DialogTranscript(host, Person.Isaiah).SendInChannel(ChannelId, "use this channel for support requests").AssertText("Done");
    }

    /// <summary>The person's personal chat with SesBot, as stored after they first wrote to it.</summary>
    public static Task RememberPersonalChatAsync(DialogHost host, Person person) => host.DbAsync(async db =>
    {
        var reference = new TeamsConversationReference
        {
            ServiceUrl = ServiceUrl,
            ConversationId = person.ConversationKey,
            ConversationType = "personal",
            TenantId = person.TenantKey,
            BotId = "28:sesbot-app-id",
            BotName = "SesBot",
            UserId = "29:" + person.UserKey,
            UserAadObjectId = person.UserKey,
        };
        db.ConversationAddresses.Add(new ConversationAddress("msteams", person.ConversationKey, ConversationScope.Personal, JsonSerializer.Serialize(reference, ProtocolJson.Options), host.Clock.GetUtcNow())
        {
            UserKey = person.UserKey,
            TenantKey = person.TenantKey,
        });
        await db.SaveChangesAsync();
    });

    /// <summary>The request's support thread as the Connector answered its POST /v3/conversations: delivered, with its ids.</summary>
    public static Task MarkThreadPostedAsync(DialogHost host, string requestId, string rootActivityId) => host.DbAsync(async db =>
    {
        var thread = await db.OutboxMessages.SingleAsync(m => m.IdempotencyKey == SupportDesk.ThreadKey(requestId));
        var answer = new ConversationResourceResponse { Id = $"{ChannelId};messageid={rootActivityId}", ActivityId = rootActivityId };
        thread.Sent(JsonSerializer.Serialize(answer, ProtocolJson.Options), host.Clock.GetUtcNow());
        await db.SaveChangesAsync();
    });

    /// <summary>Alex asks to remove a customer-owned AWS account from the payer organization; the request id.</summary>
    public static async Task<string> SubmitRemoveFromPayerAsync(DialogHost host)
    {
        var alex = new DialogTranscript(host, Person.Alex);
        await alex.Send("remove account");
        await alex.Click(ActionIds.SelectCustomer, (DataKeys.CustomerId, "c-adventure"));
        await alex.Click(ActionIds.SelectAccount, (DataKeys.AccountId, "a-adventure-web"));
        await alex.Click(ActionIds.ChooseOption, (DataKeys.Option, nameof(RemovalOption.AwsRemoveFromPayer)));
        var turn = await alex.Click(ActionIds.ConfirmRemoveFromPayer).AssertText("is submitted");
        return turn.ActionValue(ActionIds.RefreshStatus, DataKeys.RequestId);
    }

    public static Task<int> RunDueAsync(DialogHost host) =>
        host.Services.GetRequiredService<SupportReminderService>().RunDueAsync(CancellationToken.None);

    /// <summary>The follow-up messages written so far (every outbox row but the support threads), oldest first.</summary>
    public static Task<List<OutboxMessage>> FollowUpRowsAsync(DialogHost host) => host.DbAsync(db => db.OutboxMessages.AsNoTracking()
        .Where(m => m.IdempotencyKey.StartsWith("follow-up:"))
        .OrderBy(m => m.Id)
        .ToListAsync());

    public static TeamsOutboundMessage Payload(OutboxMessage row) =>
        JsonSerializer.Deserialize<TeamsOutboundMessage>(row.PayloadJson, ProtocolJson.Options)!;

    /// <summary>Everything the rendered card says, as JSON text.</summary>
    public static string CardText(OutboxMessage row) =>
        JsonSerializer.Serialize(Payload(row).Activity.Attachments![0].Content, ProtocolJson.Options);
}
