using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SesBot.Bot.Cards;
using SesBot.Bot.Channels.Teams;
using SesBot.Bot.Channels.Teams.Protocol;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Pipeline.Outbox;
using SesBot.Bot.Support;
using SesBot.Bot.Tests.Channels.Teams.Connector;
using SesBot.Bot.Tests.Cli;
using SesBot.Bot.Tests.Dialogs.Support;
using SesBot.Bot.Tests.EndToEnd;
using SesBot.Bot.Tests.Support.FollowUps;
using SesBot.Core.Domain;
using SesBot.Core.Execution;
using SesBot.Core.Gateways.Azure;
using SesBot.Core.Outbox;
using SesBot.Core.Persistence;
using SesBot.Core.Workflow;

namespace SesBot.Bot.Tests.Support.Cloud;

/// <summary>
/// An Azure suspension against the real Partner Center client, from the support card to the PATCH: the bot's turn
/// pipeline, outbox dispatcher and handlers in-process on a real SQLite file (the demo data, with Tailspin Toys' tenant
/// id unknown to SES), and a local Partner Center on 127.0.0.1 that keeps Tailspin Production under one tenant only.
/// Megan (support) checks the account, is asked for the tenant id, types a malformed one, a wrong one and the right
/// one on the card the dispatcher sent, and suspends; Alex (a reseller) cannot enter one.
/// </summary>
public sealed class AzureTenantEndToEndTests : IAsyncLifetime
{
    private const string Tenant = "4d3cf487-70f4-4e1e-9ff1-b2bfce8d9f04";
    private const string Wrong = "0e6a1f3c-5b7d-4c2e-8f9a-1b2c3d4e5f60";
    private const string Subscription = "9d8c7b6a-5e4f-4a3b-2c1d-0e9f8a7b6c5d"; // Tailspin Production
    private const string PreflightCard = "preflight-card-1";

    private LocalHttpServer _partnerCenter = null!;
    private DialogHost _host = null!;
    private string _status = "active";

    public async Task InitializeAsync()
    {
        _partnerCenter = await LocalHttpServer.StartAsync(AnswerAsync);
        _host = await DialogHost.StartAsync(
            settings: new Dictionary<string, string?>
            {
                ["PartnerCenter:Endpoint"] = _partnerCenter.Url,
                ["PartnerCenter:MaxRetryAttempts"] = "0",
            },
            configure: services =>
            {
                services.AddKeyedSingleton<TokenCredential>(PartnerCenterServiceCollectionExtensions.CredentialKey, new FixedTokenCredential("pc-token"));
                services.AddScoped<DatabaseWrites>();
                services.AddScoped<CloudResults>();
                services.AddSingleton<TeamsReplyRenderer>();
                services.AddSingleton<IConversationMessenger, TeamsConversationMessenger>();
                services.AddSingleton<IRequestMessenger, TeamsRequestMessenger>();
                services.AddSingleton<IOutboxHandler, CloudPreflightHandler>();
                services.AddSingleton<IOutboxHandler, AzureTenantHandler>();
                services.AddSingleton<IOutboxHandler, CloudExecutionHandler>();
            });
        await _host.DbAsync(db => db.Customers.Where(c => c.Id == "c-tailspin").ExecuteUpdateAsync(s => s.SetProperty(c => c.AzureTenantId, (string?)null)));
        await FollowUpHarness.RememberPersonalChatAsync(_host, Person.Megan);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _partnerCenter.DisposeAsync();
    }

    [Fact]
    public async Task SuspendAzure_TenantEnteredOnTheCard_CheckedSavedAndSuspendedAtTheTenantsAddress()
    {
        var requestId = await FileSuspensionAsync();
        var megan = new DialogTranscript(_host, Person.Megan);

        // "Check account": no tenant id, so Partner Center is not asked; the card says what is missing and where to find it.
        await megan.Forge(ActionIds.CheckCloudAccount, (DataKeys.RequestId, requestId)).AssertText("Checking " + Subscription);
        await DispatchAsync();
        var preflight = await CardAsync("cloud.preflight-card:");
        var text = CardReader.Text(preflight);
        Assert.Contains("SES does not know the Microsoft Entra tenant id of Tailspin Toys", text, StringComparison.Ordinal);
        Assert.Contains("Customers → Tailspin Toys → Account → \"Microsoft ID\"", text, StringComparison.Ordinal);
        Assert.Equal(string.Empty, CardReader.Input(preflight, DataKeys.AzureTenantId)["value"]?.GetValue<string>() ?? string.Empty);
        Assert.False(CardReader.HasAction(preflight, ActionIds.ExecuteCloudChange));
        Assert.Empty(_partnerCenter.Requests);

        // Malformed: refused in the turn, the value kept, nothing queued or saved.
        var malformed = await megan.Submit(ActionIds.SaveAzureTenant, Values(preflight, "tailspin.onmicrosoft.com"), PreflightCard);
        malformed.AssertError(DataKeys.AzureTenantId, "\"tailspin.onmicrosoft.com\" is not a tenant id")
            .AssertInputValue(DataKeys.AzureTenantId, "tailspin.onmicrosoft.com");
        Assert.Equal(0, await CountAsync(CloudExecutionOutbox.AzureTenantKind));

        // A reseller forges the button: refused, nothing queued.
        await new DialogTranscript(_host, Person.Alex).Submit(ActionIds.SaveAzureTenant, Values(preflight, Tenant), null).AssertText("Only SES support");
        Assert.Equal(0, await CountAsync(CloudExecutionOutbox.AzureTenantKind));

        // A tenant Partner Center does not know the subscription under: asked, 404, not saved; the card is replaced in place.
        await megan.Submit(ActionIds.SaveAzureTenant, Values(preflight, Wrong), PreflightCard).AssertText("Asking Partner Center for subscription " + Subscription);
        await DispatchAsync();
        var notFound = await UpdateAsync(1);
        Assert.Contains($"Partner Center did not find subscription {Subscription} under tenant {Wrong}, so it was not saved", CardReader.Text(notFound), StringComparison.Ordinal);
        Assert.Equal(Wrong, CardReader.Input(notFound, DataKeys.AzureTenantId)["value"]!.GetValue<string>());
        Assert.Null(await TenantAsync());

        // The right one (pasted in capitals with blanks): found, saved with an audit line, the card shows the subscription and the button.
        await megan.Submit(ActionIds.SaveAzureTenant, Values(notFound, $"  {Tenant.ToUpperInvariant()} "), PreflightCard);
        await DispatchAsync();
        var saved = await UpdateAsync(2);
        Assert.Contains($"Saved: {Tenant} is now the Microsoft ID of Tailspin Toys", CardReader.Text(saved), StringComparison.Ordinal);
        Assert.Contains("active", CardReader.Text(saved), StringComparison.Ordinal);
        Assert.Equal(Tenant, await TenantAsync());
        var audit = await _host.DbAsync(db => db.AuditEvents.SingleAsync(e => e.Action == Customer.AzureTenantChanged));
        Assert.Equal(("c-tailspin", "Megan Bowen"), (audit.EntityId, audit.ActorName));
        Assert.StartsWith($"(none) → {Tenant}", audit.Details, StringComparison.Ordinal);

        // Suspend from that card: GET, PATCH with the full resource, read back, all at the tenant's address.
        await megan.Submit(ActionIds.ExecuteCloudChange, Data(saved, ActionIds.ExecuteCloudChange), PreflightCard).AssertText("under way");
        await DispatchAsync();
        var path = $"/v1/customers/{Tenant}/subscriptions/{Subscription}";
        Assert.Equal(
            [$"GET /v1/customers/{Wrong}/subscriptions/{Subscription}", "GET " + path, "GET " + path, "PATCH " + path, "GET " + path],
            _partnerCenter.Requests.Select(r => r.Method + " " + r.RawTarget));
        Assert.All(_partnerCenter.Requests, r => Assert.Equal("Bearer pc-token", r.Authorization));
        Assert.Equal("suspended", JsonNode.Parse(_partnerCenter.Requests.Single(r => r.Method == "PATCH").Body)!["status"]!.GetValue<string>());
        Assert.Equal(RequestStatus.Completed, await _host.DbAsync(db => db.RemovalRequests.Where(r => r.Id == requestId).Select(r => r.Status).SingleAsync()));
        Assert.Equal(CloudExecutionStatus.Succeeded, await _host.DbAsync(db => db.Set<CloudExecution>().Where(e => e.RequestId == requestId).Select(e => e.Status).SingleAsync()));
    }

    [Fact]
    public async Task SaveAzureTenant_CardOfAnOlderVersion_RefusedValueKeptNothingQueued()
    {
        var requestId = await FileSuspensionAsync();
        var megan = new DialogTranscript(_host, Person.Megan);
        await megan.Forge(ActionIds.CheckCloudAccount, (DataKeys.RequestId, requestId));
        await DispatchAsync();
        var preflight = await CardAsync("cloud.preflight-card:");
        await megan.Forge(ActionIds.SupportAccept, (DataKeys.RequestId, requestId), (DataKeys.Version, CardReader.ActionData(preflight, ActionIds.SaveAzureTenant)[DataKeys.Version]!.GetValue<string>()))
            .AssertText("Accepted");

        var stale = await megan.Submit(ActionIds.SaveAzureTenant, Values(preflight, Tenant), PreflightCard);

        stale.AssertText($"Request {requestId} has changed since this card was sent").AssertInputValue(DataKeys.AzureTenantId, Tenant);
        Assert.Equal(0, await CountAsync(CloudExecutionOutbox.AzureTenantKind));
        Assert.Null(await TenantAsync());
    }

    /// <summary>Alex files "suspend the Azure subscription" for Tailspin Production; returns the request id.</summary>
    private Task<string> FileSuspensionAsync() => _host.InScopeAsync(async sp =>
    {
        var alex = new Actor(Person.Alex.ActorId, "Alex Wilber", Role.ResellerUser, DemoData.NorthwindResellerId);
        var result = await sp.GetRequiredService<RemovalRequestService>().SubmitAsync(
            new SubmitRemovalRequest("k-tenant", alex, RemovalOption.AzureSuspend, "z-tailspin-prod", Reason: "Unpaid invoices"));
        await sp.GetRequiredService<SesBotDbContext>().SaveChangesAsync();
        return result.Request!.Id;
    });

    /// <summary>Partner Center for this partner: Tailspin Production exists under <see cref="Tenant"/> only.</summary>
    private Task AnswerAsync(HttpContext context, RecordedRequest request)
    {
        if (request.RawTarget != $"/v1/customers/{Tenant}/subscriptions/{Subscription}")
        {
            return LocalHttpServer.Json(context, 404, """{"code":"800002","description":"Subscription not found."}""");
        }

        if (request.Method == "PATCH")
        {
            _status = JsonNode.Parse(request.Body)!["status"]!.GetValue<string>();
        }

        return LocalHttpServer.Json(context, 200, $$"""
            {"id":"{{Subscription}}","offerId":"DZH318Z0BPS6:0001","offerName":"Azure plan","friendlyName":"Tailspin Production","quantity":1,
             "status":"{{_status}}","billingType":"usage","attributes":{"etag":"e1","objectType":"Subscription"} }
            """);
    }

    private async Task DispatchAsync()
    {
        var dispatcher = _host.Services.GetRequiredService<OutboxDispatcher>();
        while (await dispatcher.DispatchDueAsync(CancellationToken.None) > 0)
        {
        }
    }

    /// <summary>The card of the Teams message whose key starts so.</summary>
    private async Task<JsonNode?> CardAsync(string keyPrefix)
    {
        var row = await _host.DbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.IdempotencyKey.StartsWith(keyPrefix)).OrderBy(m => m.Id).FirstAsync());
        return Card(row);
    }

    /// <summary>The <paramref name="number"/>th replacement of the clicked pre-flight card (a PUT of that activity in Megan's chat).</summary>
    private async Task<JsonNode?> UpdateAsync(int number)
    {
        var rows = await _host.DbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.IdempotencyKey.StartsWith("cloud.azure-tenant-card:")).OrderBy(m => m.Id).ToListAsync());
        Assert.Equal(number, rows.Count);
        var payload = FollowUpHarness.Payload(rows[^1]);
        Assert.Equal((TeamsOutboundOperation.Update, PreflightCard, Person.Megan.ConversationKey), (payload.Operation, payload.ActivityId, payload.ConversationId));
        return Card(rows[^1]);
    }

    private static JsonNode? Card(OutboxMessage row) =>
        JsonNode.Parse(JsonSerializer.Serialize(FollowUpHarness.Payload(row).Activity.Attachments![0].Content, ProtocolJson.Options));

    /// <summary>What Teams sends for "Save and check": the button's data and the typed tenant id.</summary>
    private static Dictionary<string, string> Values(JsonNode? card, string typed)
    {
        var values = Data(card, ActionIds.SaveAzureTenant);
        values[DataKeys.AzureTenantId] = typed;
        return values;
    }

    private static Dictionary<string, string> Data(JsonNode? card, string verb) =>
        CardReader.ActionData(card, verb).Where(p => p.Value is JsonValue).ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal);

    private Task<int> CountAsync(string kind) => _host.DbAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == kind));

    private Task<string?> TenantAsync() =>
        _host.DbAsync(db => db.Customers.Where(c => c.Id == "c-tailspin").Select(c => c.AzureTenantId).SingleAsync());
}
