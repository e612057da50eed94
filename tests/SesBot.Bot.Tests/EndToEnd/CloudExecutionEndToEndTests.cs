using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using SesBot.Bot.Cards;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Tests.Channels.Teams.Connector;
using SesBot.Bot.Tests.Support;
using SesBot.Core.Domain;
using Xunit.Abstractions;

namespace SesBot.Bot.Tests.EndToEnd;

/// <summary>
/// Removal from the payer organization carried out from the support channel, over real HTTP: the real bot process in
/// local mode (so the simulated organization in its SQLite file), a recording Connector on 127.0.0.1. Alex files the
/// request, Megan (support) checks the account from the thread's card and clicks "Remove from payer organization now";
/// the request completes, the thread and Alex are told, and a second click calls nothing.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class CloudExecutionEndToEndTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Tenant = "00000000-0000-0000-0000-0000000000001";
    private const string Alex = "00000000-0000-0000-0000-0000000000020";
    private const string Megan = "00000000-0000-0000-0000-0000000000021";
    private const string Isaiah = "00000000-0000-0000-0000-0000000000023";
    private const string TeamId = "19:cloud-team@thread.tacv2";
    private const string ChannelId = "19:cloud-desk@thread.tacv2";
    private const string AlexChat = "a:cloud-alex";

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private LocalHttpServer _connector = null!;
    private BotProcess _bot = null!;

    public async Task InitializeAsync()
    {
        _connector = await LocalHttpServer.StartAsync((context, request) =>
            ConnectorTestHost.IsTokenRequest(request)
                ? ConnectorTestHost.TokenResponse(context, "e2e-bot-token")
                : request.Method == "GET"
                    ? LocalHttpServer.Json(context, 200, """{"id":"29:unknown","name":"Nobody"}""")
                    : request.RawTarget == "/v3/conversations"
                        ? LocalHttpServer.Json(context, 201, $$"""{"id":"{{ChannelId}};messageid=thread-{{request.Number}}","activityId":"thread-{{request.Number}}"}""")
                        : LocalHttpServer.Json(context, 201, $$"""{"id":"reply-{{request.Number}}"}"""));
        _bot = await BotProcess.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public async Task RemoveNow_SupportChecksAndClicks_RemovedOnceRequestCompletedThreadAndResellerTold()
    {
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(ChannelActivity("isaiah-1", "message", ChannelId + ";messageid=root-1", Isaiah, "Isaiah Langer",
            "<at>SesBot</at> use this channel for support requests"))).StatusCode);
        await WaitForAsync(r => r.RawTarget.Contains("isaiah-1", StringComparison.Ordinal));

        var requestId = await FileRemovalAsync("a-adventure-web");

        // The thread's card offers "Check account".
        var created = Assert.Single(await WaitForAsync(r => r.Method == "POST" && r.RawTarget == "/v3/conversations"));
        var thread = $"{ChannelId};messageid=thread-{created.Number}";
        var supportCard = JsonNode.Parse(created.Body)!["activity"]!["attachments"]![0]!["content"];
        var check = await MeganClicksAsync("megan-1", thread, ActionIds.CheckCloudAccount, CardReader.ActionData(supportCard, ActionIds.CheckCloudAccount));
        Assert.Contains("Checking 345678901234", CardReader.Text(check), StringComparison.Ordinal);
        Assert.Contains($"New request {requestId}", CardReader.Text(check), StringComparison.Ordinal); // the clicked card keeps the request

        // The dispatcher reads the (simulated) organization and posts the pre-flight card into the thread.
        var preflight = await CardPostedAsync(thread, "check (simulated)");
        var text = CardReader.Text(preflight);
        Assert.Contains("Member of the payer organization", text, StringComparison.Ordinal);
        Assert.Contains("INVITED", text, StringComparison.Ordinal);
        Assert.Contains("ses:account=a-adventure-web", text, StringComparison.Ordinal);
        Assert.True(CardReader.HasAction(preflight, ActionIds.ExecuteCloudChange));

        var removeNow = CardReader.ActionData(preflight, ActionIds.ExecuteCloudChange);
        var clicked = System.Diagnostics.Stopwatch.StartNew();
        var started = await MeganClicksAsync("megan-2", thread, ActionIds.ExecuteCloudChange, removeNow);
        var answered = clicked.Elapsed;
        Assert.Contains("under way (simulated)", CardReader.Text(started), StringComparison.Ordinal);

        var result = await CardPostedAsync(thread, "Remove from payer organization now: done (simulated)");
        output.WriteLine($"remove-now: invoke answered in {answered.TotalMilliseconds:0} ms, result card posted {clicked.Elapsed.TotalMilliseconds:0} ms after the click");
        Assert.Contains("Removed from the payer organization and verified", CardReader.Text(result), StringComparison.Ordinal);
        var notice = await CardPostedAsync(AlexChat, $"Request {requestId} is completed");
        Assert.Contains("345678901234 has been removed from the payer organization (simulated)", CardReader.Text(notice), StringComparison.Ordinal);
        Assert.Contains("Invoice the customer for", CardReader.Text(notice), StringComparison.Ordinal);

        // Every card updates: the thread's card in place (PUT of its first activity), now showing the request completed.
        var updated = await WaitForAsync(r => r.Method == "PUT" && r.Body.Contains(requestId, StringComparison.Ordinal) && r.Body.Contains("Completed", StringComparison.Ordinal));
        Assert.Contains(updated, r => r.RawTarget.StartsWith($"/v3/conversations/{Uri.EscapeDataString(thread)}/activities/", StringComparison.Ordinal));

        // A second click on the same card: nothing is called again.
        var again = await MeganClicksAsync("megan-3", thread, ActionIds.ExecuteCloudChange, removeNow);
        Assert.Contains("Not started", CardReader.Text(again), StringComparison.Ordinal);

        Assert.Equal("Completed", await ScalarAsync($"SELECT Status FROM RemovalRequests WHERE Id = '{requestId}'"));
        Assert.Equal("Departed", await ScalarAsync("SELECT State FROM CloudAccounts WHERE Id = 'a-adventure-web'"));
        Assert.Equal("Succeeded|1|1", await ScalarAsync($"SELECT Status || '|' || Attempts || '|' || Simulated FROM CloudExecutions WHERE RequestId = '{requestId}'"));
        Assert.Equal("1|0", await ScalarAsync("SELECT RemoveCalls || '|' || IsMember FROM SimulatedAwsAccounts WHERE AccountId = '345678901234'"));
        Assert.Contains("simulated", _bot.Output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RemoveNow_ByAResellerOrForADelegatedAdministrator_RefusedOrShownBeforeTheButton()
    {
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(ChannelActivity("isaiah-1", "message", ChannelId + ";messageid=root-1", Isaiah, "Isaiah Langer",
            "<at>SesBot</at> use this channel for support requests"))).StatusCode);
        await WaitForAsync(r => r.RawTarget.Contains("isaiah-1", StringComparison.Ordinal));
        var requestId = await FileRemovalAsync("a-wingtip-sandbox", "c-wingtip");
        var created = Assert.Single(await WaitForAsync(r => r.Method == "POST" && r.RawTarget == "/v3/conversations"));
        var thread = $"{ChannelId};messageid=thread-{created.Number}";
        var supportCard = JsonNode.Parse(created.Body)!["activity"]!["attachments"]![0]!["content"];
        var data = CardReader.ActionData(supportCard, ActionIds.CheckCloudAccount);

        await MeganClicksAsync("megan-1", thread, ActionIds.CheckCloudAccount, data);
        var preflight = await CardPostedAsync(thread, "check (simulated)");
        Assert.Contains("delegated administrator for guardduty.amazonaws.com", CardReader.Text(preflight), StringComparison.Ordinal);
        Assert.Contains("Deregister it", CardReader.Text(preflight), StringComparison.Ordinal);

        // Alex (a reseller) forges the support button: refused, nothing claimed.
        var forged = await ClickAsync("alex-x", AlexChat, "personal", Alex, "Alex Wilber", ActionIds.ExecuteCloudChange, new JsonObject { [DataKeys.RequestId] = requestId });
        Assert.Contains("Only SES support", CardReader.Text(forged), StringComparison.Ordinal);
        Assert.Equal("0", await ScalarAsync("SELECT COUNT(*) FROM CloudExecutions"));

        // Megan clicks anyway: AWS (simulated) refuses, the card says why and what to tell the customer.
        await MeganClicksAsync("megan-2", thread, ActionIds.ExecuteCloudChange, CardReader.ActionData(preflight, ActionIds.ExecuteCloudChange));
        var refused = await CardPostedAsync(thread, "refused, nothing changed (simulated)");
        Assert.Contains("CANNOT_REMOVE_DELEGATED_ADMINISTRATOR_FROM_ORG", CardReader.Text(refused), StringComparison.Ordinal);
        Assert.True(CardReader.HasAction(refused, ActionIds.ExecuteCloudChange));
        Assert.Equal("Failed", await ScalarAsync($"SELECT Status FROM RemovalRequests WHERE Id = '{requestId}'"));
    }

    [Fact]
    public async Task EndBillingTransferNow_SupportChecksAndClicks_EndedOnceAtMonthEndEveryAccountOfTheTransferEnds()
    {
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(ChannelActivity("isaiah-1", "message", ChannelId + ";messageid=root-1", Isaiah, "Isaiah Langer",
            "<at>SesBot</at> use this channel for support requests"))).StatusCode);
        await WaitForAsync(r => r.RawTarget.Contains("isaiah-1", StringComparison.Ordinal));
        var requestId = await FileRemovalAsync("a-coho-org", "c-coho", RemovalOption.AwsEndBillingTransfer, ActionIds.ConfirmEndBillingTransfer);

        var created = Assert.Single(await WaitForAsync(r => r.Method == "POST" && r.RawTarget == "/v3/conversations"));
        var thread = $"{ChannelId};messageid=thread-{created.Number}";
        var supportCard = JsonNode.Parse(created.Body)!["activity"]!["attachments"]![0]!["content"];
        await MeganClicksAsync("megan-1", thread, ActionIds.CheckCloudAccount, CardReader.ActionData(supportCard, ActionIds.CheckCloudAccount));

        // The pre-flight card shows the transfer as the (simulated) AWS sees it, then the button.
        var preflight = await CardPostedAsync(thread, "check (simulated)");
        var text = CardReader.Text(preflight);
        Assert.Contains("rt-coho7x2k9m4q · ACCEPTED", text, StringComparison.Ordinal);
        Assert.Contains("890123456789", text, StringComparison.Ordinal);
        Assert.Contains("not ended", text, StringComparison.Ordinal);
        var endNow = CardReader.ActionData(preflight, ActionIds.ExecuteCloudChange);
        var started = await MeganClicksAsync("megan-2", thread, ActionIds.ExecuteCloudChange, endNow);
        Assert.Contains("End billing transfer now: under way (simulated)", CardReader.Text(started), StringComparison.Ordinal);

        var result = await CardPostedAsync(thread, "End billing transfer now: done (simulated)");
        Assert.Contains("Billing transfer rt-coho7x2k9m4q ended at AWS", CardReader.Text(result), StringComparison.Ordinal);
        var notice = await CardPostedAsync(AlexChat, $"Request {requestId} is completed");
        Assert.Contains("Billing transfer rt-coho7x2k9m4q has been ended (simulated)", CardReader.Text(notice), StringComparison.Ordinal);
        Assert.Contains("Transfer ends", CardReader.Text(notice), StringComparison.Ordinal);

        // A second click on the same card: nothing is called again.
        var again = await MeganClicksAsync("megan-3", thread, ActionIds.ExecuteCloudChange, endNow);
        Assert.Contains("Not started", CardReader.Text(again), StringComparison.Ordinal);

        var now = DateTimeOffset.UtcNow;
        var monthEnd = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1).AddSeconds(-1);
        Assert.Equal("Completed", await ScalarAsync($"SELECT Status FROM RemovalRequests WHERE Id = '{requestId}'"));
        Assert.Equal("Departed|Departed", await ScalarAsync("SELECT group_concat(State, '|') FROM (SELECT State FROM CloudAccounts WHERE Id IN ('a-coho-org', 'a-coho-shop') ORDER BY Id)"));
        Assert.Equal("Succeeded|1|1|rt-coho7x2k9m4q", await ScalarAsync($"SELECT Status || '|' || Attempts || '|' || Simulated || '|' || Target FROM CloudExecutions WHERE RequestId = '{requestId}'"));
        Assert.Equal("1|WITHDRAWN", await ScalarAsync("SELECT TerminateCalls || '|' || Status FROM SimulatedBillingTransfers"));

        // Both accounts end with the end the (simulated) AWS returned: the last second of this month.
        Assert.Equal("2", await ScalarAsync(
            "SELECT COUNT(*) FROM CloudAccounts a JOIN SimulatedBillingTransfers t ON t.TransferId = a.BillingTransferId WHERE a.BillingTransferEndsAt = t.EndsAt"));
        Assert.Contains(monthEnd.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture), CardReader.Text(notice), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SuspendNow_DemoAzureCustomer_TenantKnownCheckedAndSuspendedInTheSimulatedPartnerCenter()
    {
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(ChannelActivity("isaiah-1", "message", ChannelId + ";messageid=root-1", Isaiah, "Isaiah Langer",
            "<at>SesBot</at> use this channel for support requests"))).StatusCode);
        await WaitForAsync(r => r.RawTarget.Contains("isaiah-1", StringComparison.Ordinal));
        var requestId = await FileRemovalAsync("z-tailspin-prod", "c-tailspin", RemovalOption.AzureSuspend, ActionIds.SubmitAzureSuspend,
            (DataKeys.Reason, "Unpaid invoices since September."));

        var created = Assert.Single(await WaitForAsync(r => r.Method == "POST" && r.RawTarget == "/v3/conversations"));
        var thread = $"{ChannelId};messageid=thread-{created.Number}";
        var supportCard = JsonNode.Parse(created.Body)!["activity"]!["attachments"]![0]!["content"];
        await MeganClicksAsync("megan-1", thread, ActionIds.CheckCloudAccount, CardReader.ActionData(supportCard, ActionIds.CheckCloudAccount));

        // The demo data knows Tailspin Toys' tenant; the simulated Partner Center keeps the subscription under it.
        var tenant = await ScalarAsync("SELECT AzureTenantId FROM Customers WHERE Id = 'c-tailspin'");
        var preflight = await CardPostedAsync(thread, "check (simulated)");
        var text = CardReader.Text(preflight);
        Assert.Contains(tenant!, text, StringComparison.Ordinal);
        Assert.Contains("active", text, StringComparison.Ordinal);
        Assert.False(CardReader.HasAction(preflight, ActionIds.SaveAzureTenant));

        await MeganClicksAsync("megan-2", thread, ActionIds.ExecuteCloudChange, CardReader.ActionData(preflight, ActionIds.ExecuteCloudChange));
        await CardPostedAsync(thread, "Suspend subscription: done (simulated)");
        Assert.Equal("Completed", await ScalarAsync($"SELECT Status FROM RemovalRequests WHERE Id = '{requestId}'"));
        Assert.Equal("suspended|1", await ScalarAsync("SELECT Status || '|' || PatchCalls FROM SimulatedAzureSubscriptions WHERE SubscriptionId = '9d8c7b6a-5e4f-4a3b-2c1d-0e9f8a7b6c5d'"));
    }

    /// <summary>Alex files a request (by default "remove from the payer organization") for the account; returns the request id.</summary>
    private async Task<string> FileRemovalAsync(
        string accountId, string customerId = "c-adventure", RemovalOption option = RemovalOption.AwsRemoveFromPayer, string confirm = ActionIds.ConfirmRemoveFromPayer,
        params (string Key, string Value)[] inputs)
    {
        var message = Activity("alex-1", "message", AlexChat, "personal", Alex, "Alex Wilber");
        message["text"] = "remove account";
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(message)).StatusCode);
        var first = Assert.Single(await WaitForAsync(r => r.RawTarget.Contains(Uri.EscapeDataString(AlexChat), StringComparison.Ordinal)));
        var card = JsonNode.Parse(first.Body)!["attachments"]![0]!["content"];
        card = await ClickAsync("alex-2", AlexChat, "personal", Alex, "Alex Wilber", ActionIds.SelectCustomer, CardReader.ActionData(card, ActionIds.SelectCustomer).With((DataKeys.CustomerId, customerId)));
        card = await ClickAsync("alex-3", AlexChat, "personal", Alex, "Alex Wilber", ActionIds.SelectAccount, CardReader.ActionData(card, ActionIds.SelectAccount).With((DataKeys.AccountId, accountId)));
        card = await ClickAsync("alex-4", AlexChat, "personal", Alex, "Alex Wilber", ActionIds.ChooseOption,
            CardReader.ActionData(card, ActionIds.ChooseOption, DataKeys.Option, option.ToString()));
        card = await ClickAsync("alex-5", AlexChat, "personal", Alex, "Alex Wilber", confirm, CardReader.ActionData(card, confirm).With(inputs));
        return CardReader.ActionData(card, ActionIds.RefreshStatus)[DataKeys.RequestId]!.GetValue<string>();
    }

    private Task<JsonNode?> MeganClicksAsync(string id, string thread, string verb, JsonObject data) =>
        ClickAsync(id, thread, "channel", Megan, "Megan Bowen", verb, data);

    private async Task<JsonNode?> ClickAsync(string id, string conversation, string conversationType, string aadObjectId, string name, string verb, JsonObject data)
    {
        var invoke = conversationType == "channel"
            ? ChannelActivity(id, "invoke", conversation, aadObjectId, name, null)
            : Activity(id, "invoke", conversation, conversationType, aadObjectId, name);
        invoke["name"] = "adaptiveCard/action";
        invoke["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data.DeepClone() } };
        var response = await PostAsync(invoke);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(200, answer!["statusCode"]!.GetValue<int>());
        return answer["value"];
    }

    /// <summary>The card of the first activity sent into <paramref name="conversation"/> whose text contains <paramref name="text"/>.</summary>
    private async Task<JsonNode?> CardPostedAsync(string conversation, string text)
    {
        var path = $"/v3/conversations/{Uri.EscapeDataString(conversation)}/activities";
        var sent = await WaitForAsync(r => r.Method == "POST" && r.RawTarget == path && r.Body.Contains(text, StringComparison.Ordinal));
        Assert.True(sent.Count > 0, $"Nothing containing \"{text}\" was sent to {conversation}. Sent: {string.Join(" | ", _connector.Requests.Select(r => r.RawTarget))}\n{_bot.Output}");
        return JsonNode.Parse(sent[0].Body)!["attachments"]![0]!["content"];
    }

    private async Task<IReadOnlyList<RecordedRequest>> WaitForAsync(Func<RecordedRequest, bool> match)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!_connector.Requests.Any(match) && DateTime.UtcNow < until)
        {
            await Task.Delay(20);
        }

        return [.. _connector.Requests.Where(match)];
    }

    private async Task<string?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_bot.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<HttpResponseMessage> PostAsync(JsonObject activity)
    {
        using var content = JsonContent.Create(activity);
        return await _http.PostAsync(new Uri(_bot.MessagesEndpoint), content);
    }

    private JsonObject ChannelActivity(string id, string type, string conversation, string aadObjectId, string name, string? text)
    {
        var activity = Activity(id, type, conversation, "channel", aadObjectId, name);
        if (text is not null)
        {
            activity["text"] = text;
            activity["entities"] = new JsonArray(new JsonObject
            {
                ["type"] = "mention",
                ["text"] = "<at>SesBot</at>",
                ["mentioned"] = new JsonObject { ["id"] = "28:sesbot", ["name"] = "SesBot" },
            });
        }

        activity["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = Tenant },
            ["team"] = new JsonObject { ["id"] = TeamId, ["name"] = "SES Support" },
            ["channel"] = new JsonObject { ["id"] = ChannelId, ["name"] = "Requests" },
        };
        return activity;
    }

    private JsonObject Activity(string id, string type, string conversationId, string conversationType, string aadObjectId, string name) => new()
    {
        ["type"] = type,
        ["id"] = id,
        ["channelId"] = "msteams",
        ["serviceUrl"] = _connector.Url,
        ["from"] = new JsonObject { ["id"] = "29:" + id, ["name"] = name, ["aadObjectId"] = aadObjectId },
        ["recipient"] = new JsonObject { ["id"] = "28:sesbot", ["name"] = "SesBot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = conversationType, ["tenantId"] = Tenant },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Tenant } },
    };
}
