using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using SesBot.Bot.Cards;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Tests.Channels.Teams.Connector;
using SesBot.Bot.Tests.EndToEnd;
using SesBot.Core.Domain;
using SesBot.Core.Persistence;

namespace SesBot.Bot.Tests.Support;

/// <summary>
/// Alex's "remove from the payer organization" flows against the real bot process, over real HTTP: extra test
/// accounts seeded into its SQLite file, each flow walked by clicking the buttons the bot sent, up to the confirmation
/// activity, and what the database kept read back. The test accounts are <c>a-kill-NN</c> (customer-owned AWS).
/// </summary>
internal sealed class PayerRemovalDriver(HttpClient http, LocalHttpServer connector, BotProcess bot)
{
    /// <summary>
    /// SQL adding <paramref name="count"/> customer-owned AWS accounts to Northwind (like the demo "Wingtip Sandbox"):
    /// each with its own customer, or all of one customer (<c>c-kill-01</c>).
    /// </summary>
    public static string SeedSql(int count, bool oneCustomer)
    {
        var sql = new StringBuilder();
        for (var i = 1; i <= count; i++)
        {
            var n = Number(i);
            var customer = oneCustomer ? "c-kill-01" : $"c-kill-{n}";
            sql.Append(CultureInfo.InvariantCulture, $"""
                INSERT INTO Customers (Id, ResellerId, Name, Version) VALUES ('c-kill-{n}', 'r-northwind', 'Kill Test Customer {n}', 0);
                INSERT INTO CloudAccounts (Id, CustomerId, Provider, ExternalId, DisplayName, Origin, LinkedAt, State, Version, ClosedAt)
                  SELECT 'a-kill-{n}', '{customer}', Provider, '9000000000{n}', 'Kill Test Account {n}', Origin, LinkedAt, State, Version, ClosedAt
                  FROM CloudAccounts WHERE Id = 'a-wingtip-sandbox';

                """);
        }

        return sql.ToString();
    }

    public static string Number(int i) => i.ToString("D2", CultureInfo.InvariantCulture);

    /// <summary>
    /// "remove account", the customer, account <c>a-kill-NN</c>, "Remove from the payer organization", in conversation
    /// <paramref name="conversation"/>: the confirmation activity (<c>confirm-NN</c>) for the button on the last card.
    /// </summary>
    public async Task<Confirmation> WalkToConfirmationAsync(string conversation, int i, string customerId)
    {
        var n = Number(i);
        var accountId = $"a-kill-{n}";
        await PostAsync(AlexInTeams.Message(connector.Url, conversation, $"start-{n}", "remove account"));
        var sent = await connector.WaitForRequestsAsync(AlexInTeams.ActivitiesPath(conversation));
        var picker = JsonNode.Parse(Assert.Single(sent).Body)!["attachments"]![0]!["content"];

        var accounts = await ClickAsync(conversation, $"customer-{n}", CardReader.ActionData(picker, ActionIds.SelectCustomer).With((DataKeys.CustomerId, customerId)), ActionIds.SelectCustomer);
        var options = await ClickAsync(conversation, $"account-{n}", CardReader.ActionData(accounts, ActionIds.SelectAccount).With((DataKeys.AccountId, accountId)), ActionIds.SelectAccount);
        var confirm = await ClickAsync(conversation, $"option-{n}", CardReader.ActionData(options, ActionIds.ChooseOption, DataKeys.Option, nameof(RemovalOption.AwsRemoveFromPayer)), ActionIds.ChooseOption);
        Assert.Contains("Share of the month", CardReader.Text(confirm), StringComparison.Ordinal);

        var activityId = $"confirm-{n}";
        var activity = AlexInTeams.CardAction(connector.Url, conversation, activityId, ActionIds.ConfirmRemoveFromPayer, CardReader.ActionData(confirm, ActionIds.ConfirmRemoveFromPayer));
        return new Confirmation(activityId, accountId, activity);
    }

    /// <summary>The card of an invoke response (HTTP 200 with an invoke status 200 and an Adaptive Card).</summary>
    public static JsonNode? Card(string invokeResponse)
    {
        var body = JsonNode.Parse(invokeResponse)!;
        Assert.True(body["statusCode"]!.GetValue<int>() == 200, invokeResponse);
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        return body["value"];
    }

    /// <summary>Posts the activity; the HTTP answer must be 200. Returns its body (an invoke's answer).</summary>
    public async Task<string> PostAsync(JsonObject activity)
    {
        using var content = JsonContent.Create(activity);
        using var response = await http.PostAsync(new Uri(bot.MessagesEndpoint), content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return body;
    }

    /// <summary>The answer, or <see langword="null"/> when the bot died before answering (or was not there).</summary>
    public async Task<string?> TryPostAsync(JsonObject activity)
    {
        try
        {
            return await PostAsync(activity);
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>The confirmations' delivery records: activity id → the answer stored with the turn.</summary>
    public async Task<Dictionary<string, string>> StoredAnswersAsync()
    {
        var rows = await SqliteFile.ReadAsync(bot.DatabasePath, "SELECT DeliveryKey, ResponseJson FROM InboundDeliveries WHERE DeliveryKey LIKE 'confirm-%'");
        return rows.ToDictionary(r => (string)r["DeliveryKey"]!, r => DeflatedJsonConverter.Inflate((byte[])r["ResponseJson"]!), StringComparer.Ordinal);
    }

    /// <summary>The requests for the test accounts, with how many "Submitted" audit rows each has.</summary>
    public async Task<List<StoredRequest>> RequestsAsync()
    {
        var rows = await SqliteFile.ReadAsync(bot.DatabasePath, """
            SELECT r.Id, r.CloudAccountId, r.Kind,
                   (SELECT COUNT(*) FROM AuditEvents e WHERE e.EntityType = 'RemovalRequest' AND e.EntityId = r.Id AND e.Action = 'Submitted') AS Submitted
            FROM RemovalRequests r WHERE r.CloudAccountId LIKE 'a-kill-%'
            """);
        return [.. rows.Select(r => new StoredRequest((string)r["Id"]!, (string)r["CloudAccountId"]!, (string)r["Kind"]!, (long)r["Submitted"]!))];
    }

    private async Task<JsonNode?> ClickAsync(string conversation, string activityId, JsonObject data, string verb) =>
        Card(await PostAsync(AlexInTeams.CardAction(connector.Url, conversation, activityId, verb, data)));

    /// <summary>A confirmation click, ready to be posted (and posted again, with the same activity id).</summary>
    public sealed record Confirmation(string ActivityId, string AccountId, JsonObject Activity);

    public sealed record StoredRequest(string Id, string AccountId, string Kind, long SubmittedAuditRows);
}
