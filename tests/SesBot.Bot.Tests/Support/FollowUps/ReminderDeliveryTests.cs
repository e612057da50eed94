using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SesBot.Bot.Channels.Teams;
using SesBot.Bot.Channels.Teams.Connector;
using SesBot.Bot.Pipeline.Outbox;
using SesBot.Bot.Tests.Channels.Teams.Connector;
using SesBot.Bot.Tests.Dialogs.Support;
using SesBot.Core.Outbox;
using static SesBot.Bot.Tests.Support.FollowUps.FollowUpHarness;

namespace SesBot.Bot.Tests.Support.FollowUps;

/// <summary>
/// A reminder on the wire: the support thread is opened by the real dispatcher against a Bot Connector on 127.0.0.1
/// (POST /v3/conversations), and two days later the reminder is posted into that thread (POST
/// /v3/conversations/{thread}/activities/{root}) with the ids the Connector answered, once.
/// </summary>
public sealed class ReminderDeliveryTests : IAsyncLifetime
{
    private LocalHttpServer _connector = null!;
    private DialogHost _host = null!;

    private IReadOnlyList<RecordedRequest> Calls => _connector.RequestsTo("/_connector/");

    public async Task InitializeAsync()
    {
        _connector = await LocalHttpServer.StartAsync((c, r) =>
            ConnectorTestHost.IsTokenRequest(r) ? ConnectorTestHost.TokenResponse(c, "bot-token") : Answer(c, r));
        var settings = ConnectorTestHost.Credentials(_connector.Url);
        settings["Teams:Connector:MaxRetryAttempts"] = "0";
        settings["Support:RemindAfter:PayerRemoval"] = "2.00:00:00";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        _host = await StartAsync(settings, services =>
        {
            services.AddTeamsConnector(configuration);
            services.AddSingleton<TeamsOutboxHandler>();
            services.AddSingleton<IOutboxHandler>(sp => sp.GetRequiredService<TeamsOutboxHandler>());
            services.AddSingleton<IOutboxHandler, TeamsChannelThreadHandler>();
            services.AddScoped<Core.Persistence.DatabaseWrites>();
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Reminder_ThreadOpenedOnTheWire_PostedIntoThatThreadOnce()
    {
        await UseSupportChannelAsync(_host, _connector.Url + "/_connector/");
        var id = await SubmitRemoveFromPayerAsync(_host);
        Assert.Equal(1, await DispatchAsync());
        var opened = Assert.Single(Calls);
        Assert.Equal(("POST", "/_connector/v3/conversations"), (opened.Method, opened.RawTarget));
        Assert.Equal(0, await RunDueAsync(_host));

        _host.Clock.Advance(TimeSpan.FromDays(2));
        await _host.RestartAsync();
        Assert.Equal(1, await RunDueAsync(_host));
        Assert.Equal(1, await DispatchAsync());

        Assert.Equal(2, Calls.Count);
        var reply = Calls[1];
        Assert.Equal(("POST", $"/_connector/v3/conversations/{Uri.EscapeDataString(ChannelId + ";messageid=1733300000077")}/activities/1733300000077"),
            (reply.Method, reply.RawTarget));
        var card = JsonNode.Parse(reply.Body)!["attachments"]![0]!["content"]!.ToJsonString();
        Assert.Contains($"Reminder: request {id} has waited 2 d 0 h for support.", card, StringComparison.Ordinal);
        var row = Assert.Single(await _host.DbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.IdempotencyKey.StartsWith("follow-up:")).ToListAsync()));
        Assert.Equal(OutboxStatus.Sent, row.Status);

        // Nothing more is sent, however often the loops run.
        Assert.Equal(0, await RunDueAsync(_host));
        Assert.Equal(0, await DispatchAsync());
        Assert.Equal(2, Calls.Count);
    }

    private static Task Answer(HttpContext context, RecordedRequest request) =>
        request.RawTarget == "/_connector/v3/conversations"
            ? LocalHttpServer.Json(context, 201, $$"""{"id":"{{ChannelId}};messageid=1733300000077","activityId":"1733300000077"}""")
            : LocalHttpServer.Json(context, 201, """{"id":"1733300000099"}""");

    private Task<int> DispatchAsync() => _host.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);
}
