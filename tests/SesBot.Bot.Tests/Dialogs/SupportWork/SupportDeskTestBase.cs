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

namespace SesBot.Bot.Tests.Dialogs.SupportWork;

/// <summary>
/// A bot with the Teams outbox writers, a support channel chosen by Isaiah (admin), Alex's personal chat remembered,
/// and helpers to file requests as Alex and to work them as support from the support card.
/// </summary>
public abstract class SupportDeskTestBase : IAsyncLifetime
{
    public const string ChannelId = "19:support-desk@thread.tacv2";
    public const string TeamId = "19:ses-support-team@thread.tacv2";
    public const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    private DialogHost? _host;

    protected DialogHost Host => _host ?? throw new InvalidOperationException("Not started.");

    protected DialogTranscript Alex { get; private set; } = null!;

    protected DialogTranscript Megan { get; private set; } = null!;

    protected DialogTranscript Isaiah { get; private set; } = null!;

    /// <summary>Where Alex talks to SesBot (and files): a personal chat unless a test class says a group chat.</summary>
    protected virtual ConversationScope AlexChatScope => ConversationScope.Personal;

    public async Task InitializeAsync()
    {
        _host = await DialogHost.StartAsync(configure: services =>
        {
            services.AddSingleton<TeamsReplyRenderer>();
            services.AddSingleton<ISupportThreadPoster, TeamsSupportThreadPoster>();
            services.AddSingleton<IRequestMessenger, TeamsRequestMessenger>();
        });
        Alex = new DialogTranscript(_host, Person.Alex);
        Megan = Alex.As(Person.Megan);
        Isaiah = Alex.As(Person.Isaiah);
        await RememberAsync(ChannelId, ConversationScope.TeamChannel, null);
        await RememberAsync(Person.Alex.ConversationKey, AlexChatScope, AlexChatScope == ConversationScope.Personal ? Person.Alex : null);
        await Isaiah.SendInChannel(ChannelId, "use this channel for support requests").AssertText("Done");
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    /// <summary>Alex asks to remove Adventure Works Web from the payer organization; returns the request id.</summary>
    protected async Task<string> FileRemoveFromPayerAsync()
    {
        await Alex.Send("remove account");
        await Alex.Click(ActionIds.SelectCustomer, (DataKeys.CustomerId, "c-adventure"));
        await Alex.Click(ActionIds.SelectAccount, (DataKeys.AccountId, "a-adventure-web"));
        await Alex.Click(ActionIds.ChooseOption, (DataKeys.Option, nameof(RemovalOption.AwsRemoveFromPayer)));
        var turn = await Alex.Click(ActionIds.ConfirmRemoveFromPayer).AssertText("is submitted");
        return turn.ActionValue(ActionIds.RefreshStatus, DataKeys.RequestId);
    }

    /// <summary>Alex asks to transfer Contoso Production to a new owner; returns the request id.</summary>
    protected async Task<string> FileTransferOfOwnershipAsync()
    {
        await FlowWalker.WalkToAsync(Alex, FlowStep.ReviewTransfer);
        var turn = await Alex.Click(ActionIds.SubmitTransferRequest).AssertText("is submitted");
        return turn.ActionValue(ActionIds.RefreshStatus, DataKeys.RequestId);
    }

    /// <summary>The support card as <paramref name="agent"/> sees it now (the card's refresh).</summary>
    protected static Task<Turn> OpenCardAsync(DialogTranscript agent, string requestId) =>
        agent.Forge(ActionIds.SupportRefresh, (DataKeys.RequestId, requestId));

    protected Task<RemovalRequest> RequestAsync(string id) =>
        Host.DbAsync(db => db.RemovalRequests.AsNoTracking().SingleAsync(r => r.Id == id));

    protected Task<List<AuditEvent>> AuditAsync(string id) =>
        Host.DbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.EntityId == id).OrderBy(e => e.Id).ToListAsync());

    protected Task<List<OutboxMessage>> OutboxAsync() =>
        Host.DbAsync(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync());

    protected static TeamsFollowUpMessage FollowUp(OutboxMessage row) =>
        JsonSerializer.Deserialize<TeamsFollowUpMessage>(row.PayloadJson, ProtocolJson.Options)!;

    protected static TeamsOutboundMessage Outbound(OutboxMessage row) =>
        JsonSerializer.Deserialize<TeamsOutboundMessage>(row.PayloadJson, ProtocolJson.Options)!;

    /// <summary>The texts of the card an outbox row carries (escaped as the renderer writes them).</summary>
    protected static string CardText(Activity activity) =>
        activity.Attachments is { Count: > 0 } attachments
            ? JsonSerializer.Serialize(attachments[0].Content, ProtocolJson.Options)
            : activity.Text ?? string.Empty;

    private Task RememberAsync(string key, ConversationScope scope, Person? person) => Host.DbAsync(async db =>
    {
        var reference = new TeamsConversationReference
        {
            ServiceUrl = ServiceUrl,
            ConversationId = key,
            ConversationType = scope switch { ConversationScope.TeamChannel => "channel", ConversationScope.GroupChat => "groupChat", _ => "personal" },
            TenantId = DemoData.PlaygroundTenantId,
            BotId = "28:sesbot-app-id",
            BotName = "SesBot",
            TeamId = scope == ConversationScope.TeamChannel ? TeamId : null,
            ChannelId = scope == ConversationScope.TeamChannel ? key : null,
            UserId = person is null ? null : "29:" + person.UserKey,
            UserAadObjectId = person?.UserKey,
        };
        db.ConversationAddresses.Add(new ConversationAddress("msteams", key, scope, JsonSerializer.Serialize(reference, ProtocolJson.Options), Host.Clock.GetUtcNow())
        {
            TeamKey = scope == ConversationScope.TeamChannel ? TeamId : null,
            TenantKey = DemoData.PlaygroundTenantId,
            UserKey = person?.UserKey,
            DisplayName = scope == ConversationScope.TeamChannel ? "SES Support" : person?.Name,
        });
        await db.SaveChangesAsync();
    });
}
