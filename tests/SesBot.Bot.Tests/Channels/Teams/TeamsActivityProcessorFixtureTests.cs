using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SesBot.Bot.Channels.Teams;
using SesBot.Bot.Channels.Teams.Connector;
using SesBot.Bot.Channels.Teams.Protocol;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Bot.Pipeline;
using SesBot.Bot.Tests.Channels.Teams.Connector;
using SesBot.Bot.Tests.Dialogs.Support;
using SesBot.Core.Conversations;
using SesBot.Core.Domain;
using SesBot.Core.Identity;
using SesBot.Core.Outbox;
using SesBot.Core.Persistence;
using static SesBot.Bot.Tests.Channels.Teams.TeamsFixtures;

namespace SesBot.Bot.Tests.Channels.Teams;

/// <summary>
/// The same fixtures through <see cref="TeamsActivityProcessor"/> and the real turn pipeline (SQLite, demo data): the
/// turn request it builds shows in what was committed (the delivery, the conversation remembered or blocked, the dialog's
/// answer, the outbox rows and how they travel). The fixtures' Alex is a Northwind user here; the Connector is a real
/// client against a local server that must receive nothing (every user is known, so no member look-up).
/// </summary>
public sealed class TeamsActivityProcessorFixtureTests : IAsyncLifetime
{
    private LocalHttpServer? _connector;
    private ServiceProvider? _connectorServices;
    private DialogHost? _host;

    private DialogHost Host => _host ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        _connector = await LocalHttpServer.StartAsync((context, _) => LocalHttpServer.Json(context, 500, """{"error":{"code":"ServiceError","message":"not expected"}}"""));
        _connectorServices = ConnectorTestHost.Build(ConnectorTestHost.Credentials(_connector.Url));
        var client = _connectorServices.GetRequiredService<IConnectorClient>();
        _host = await DialogHost.StartAsync(configure: services =>
        {
            services.AddSingleton<TeamsReplyRenderer>();
            services.AddSingleton(client);
            services.AddScoped<TeamsActivityProcessor>();
            // The bot registers these with the core (AddSesBotCore); DialogHost leaves them out, its turns carry no delivery id.
            services.AddScoped<DeliveryLedger>();
            services.AddScoped<DatabaseWrites>();
        });
        await Host.DbAsync(db =>
        {
            db.ChannelUsers.Add(new ChannelUser(TeamsInboundMapper.ChannelName, Tenant, AlexAad, "Alex Wilber", Role.ResellerUser, DemoData.NorthwindResellerId));
            return db.SaveChangesAsync();
        });
    }

    public async Task DisposeAsync()
    {
        if (_connector is not null)
        {
            Assert.Empty(_connector.Requests);
            await _connector.DisposeAsync();
        }

        if (_connectorServices is not null)
        {
            await _connectorServices.DisposeAsync();
        }

        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [Fact]
    public async Task PersonalMessage_KnownUser_DialogTurnRememberedAndCardSentThroughTheOutbox()
    {
        var response = await ProcessAsync("personal-message");

        Assert.Null(response.InlineJson);
        Assert.Contains(Replies(response), r => r.Summary == "Which customer?");
        Assert.Equal([(PersonalChat, "1763460003214")], await DeliveriesAsync());
        var address = Assert.Single(await AddressesAsync());
        Assert.Equal((PersonalChat, ConversationScope.Personal, AlexAad, (DateTimeOffset?)null), (address.ConversationKey, address.Scope, address.UserKey, address.BlockedAt));
        var sent = Assert.Single(await OutboundAsync());
        Assert.Equal((TeamsOutboundOperation.Send, (string?)null, PersonalChat, ServiceUrl), (sent.Operation, sent.ActivityId, sent.ConversationId, sent.ServiceUrl));
        Assert.Equal(Attachment.AdaptiveCardContentType, Assert.Single(sent.Activity.Attachments!).ContentType);
    }

    [Fact]
    public async Task ChannelMention_AnsweredInTheThreadAndChannelRemembered()
    {
        var response = await ProcessAsync("channel-message-mention");

        Assert.Contains(Replies(response), r => r.Summary == "You have no removal requests.");
        var thread = Channel + ";messageid=1763460341553";
        Assert.Equal([(thread, "1763460341553")], await DeliveriesAsync());
        var address = Assert.Single(await AddressesAsync());
        Assert.Equal((Channel, ConversationScope.TeamChannel, Team, "Northwind Cloud Ops"), (address.ConversationKey, address.Scope, address.TeamKey, address.DisplayName));
        var reply = Assert.Single(await OutboundAsync());
        Assert.Equal((TeamsOutboundOperation.Reply, "1763460341553", thread, Channel), (reply.Operation, reply.ActivityId, reply.ConversationId, reply.ConversationKey));
    }

    [Fact]
    public async Task GroupChatWithoutMention_RecordedButSilent()
    {
        var response = await ProcessAsync("groupchat-no-mention");

        Assert.Equal((null, null), (response.InlineJson, response.Result));
        Assert.Single(await DeliveriesAsync());
        Assert.Equal(ConversationScope.GroupChat, Assert.Single(await AddressesAsync()).Scope);
        Assert.Empty(await OutboundAsync());
        Assert.Equal(0, await Host.DbAsync(db => db.DialogStates.CountAsync()));
    }

    [Fact]
    public async Task ExecuteInvoke_CardOfAnEndedConversation_AnsweredInlineWithACardAndNothingQueued()
    {
        var response = await ProcessAsync("invoke-execute-select-customer");

        var invoke = JsonNode.Parse(response.InlineJson!)!;
        Assert.Equal((200, "application/vnd.microsoft.card.adaptive"), (invoke["statusCode"]!.GetValue<int>(), invoke["type"]!.GetValue<string>()));
        Assert.Contains("earlier conversation that has ended", invoke["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(await OutboundAsync());
        Assert.Equal([(PersonalChat, "f:8a2b64d1-90c3-4e7f-b5a6-1d2c3e4f5a6b")], await DeliveriesAsync());
        Assert.Equal(response.InlineJson, await Host.DbAsync(db => db.InboundDeliveries.Select(d => d.ResponseJson).SingleAsync()));
    }

    [Fact]
    public async Task SubmitFallback_CardAnswerUpdatesTheMessageTheCardCameFrom()
    {
        var response = await ProcessAsync("message-submit-fallback");

        Assert.Null(response.InlineJson);
        var update = Assert.Single(await OutboundAsync());
        Assert.Equal((TeamsOutboundOperation.Update, "1763460077777"), (update.Operation, update.ActivityId));
    }

    [Fact]
    public async Task SearchInvoke_CustomersTypeahead_AnsweredInlineWithTheResellersMatchesAndNothingRecorded()
    {
        var response = await ProcessAsync("invoke-search-customers");

        var invoke = JsonNode.Parse(response.InlineJson!)!;
        Assert.Equal("application/vnd.microsoft.search.searchResponse", invoke["type"]!.GetValue<string>());
        Assert.Equal("""[{"title":"Contoso Ltd","value":"c-contoso"}]""", invoke["value"]!["results"]!.ToJsonString());
        Assert.Empty(await DeliveriesAsync());
        Assert.Empty(await AddressesAsync());
    }

    [Fact]
    public async Task BotAddedToTeam_WelcomeForTheChannelAndSelectedChannelRemembered()
    {
        var response = await ProcessAsync("conversation-update-bot-added-team");

        Assert.Contains(Replies(response), r => r.Summary == "SesBot is now in this conversation.");
        var address = Assert.Single(await AddressesAsync());
        Assert.Equal((Channel, Team), (address.ConversationKey, address.TeamKey));
        var welcome = Assert.Single(await OutboundAsync());
        Assert.Equal(Channel, welcome.ConversationId);
    }

    [Fact]
    public async Task InstallationUpdateRemove_ConversationMarkedBlocked()
    {
        await ProcessAsync("personal-message");
        Host.Clock.Advance(TimeSpan.FromHours(7));

        var response = await ProcessAsync("installation-update-remove");

        Assert.Null(response.Result);
        var address = Assert.Single(await AddressesAsync());
        Assert.Equal((PersonalChat, Host.Clock.GetUtcNow()), (address.ConversationKey, address.BlockedAt));
        Assert.Single(await OutboundAsync()); // only the first message's answer
    }

    [Fact]
    public async Task MessageWithoutAadObjectId_AsTheEndpointPassesIt_NotLinkedPlainText()
    {
        var activity = TeamsIdentity.WithoutUntrustedIdentity(Load("message-without-aad-object-id"));

        var response = await ProcessAsync(activity);

        var reply = Assert.Single(Replies(response));
        Assert.True(reply.IsPlainText);
        var sent = Assert.Single(await OutboundAsync());
        Assert.Equal(("plain", (IReadOnlyList<Attachment>?)null), (sent.Activity.TextFormat, sent.Activity.Attachments));
        Assert.StartsWith("Your account is not linked to a reseller", sent.Activity.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownType_AcknowledgedDeliveryRecordedNothingElse()
    {
        var response = await ProcessAsync("unknown-type");

        Assert.Equal((null, null, false), (response.InlineJson, response.Result, response.Failed));
        Assert.Single(await DeliveriesAsync());
        Assert.Empty(await AddressesAsync());
        Assert.Empty(await OutboundAsync());
    }

    /// <summary>The fixture as is: replies only become outbox rows here (no dispatcher runs), so Teams' service URL is never called.</summary>
    private static Activity Load(string name) => Activity(name);

    private Task<TurnResponse> ProcessAsync(string name) => ProcessAsync(Load(name));

    private Task<TurnResponse> ProcessAsync(Activity activity) =>
        Host.InScopeAsync(sp => sp.GetRequiredService<TeamsActivityProcessor>().ProcessAsync(activity, CancellationToken.None));

    private static IReadOnlyList<Reply> Replies(TurnResponse response) => response.Result?.Replies ?? [];

    private Task<List<(string, string)>> DeliveriesAsync() =>
        Host.DbAsync(async db => (await db.InboundDeliveries.AsNoTracking().OrderBy(d => d.Id).ToListAsync()).Select(d => (d.ConversationKey, d.DeliveryKey)).ToList());

    private Task<List<ConversationAddress>> AddressesAsync() =>
        Host.DbAsync(db => db.ConversationAddresses.AsNoTracking().OrderBy(a => a.Id).ToListAsync());

    private Task<List<TeamsOutboundMessage>> OutboundAsync() =>
        Host.DbAsync(async db => (await db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync())
            .Select(m => JsonSerializer.Deserialize<TeamsOutboundMessage>(m.PayloadJson, ProtocolJson.Options)!)
            .ToList());
}
