using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SesBot.Bot.Cards;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Tests.Channels.Teams.Connector;
using SesBot.Bot.Tests.Support;
using SesBot.Core.Domain;
using Xunit.Abstractions;

namespace SesBot.Bot.Tests.EndToEnd;

/// <summary>
/// Exactly once across a crash: the real bot process (local mode, its own SQLite file) gets a burst of confirmations,
/// is SIGKILLed in the middle of it, restarts on the same file, and gets every confirmation again with the same
/// activity ids, as Teams redelivers an invoke it got no answer to. Each confirmation must end with exactly one
/// request, and each redelivery must answer with that request (the stored answer when the turn had committed).
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class TurnKillTests(ITestOutputHelper output)
{
    /// <summary>Confirmations in the burst, each in its own conversation removing its own account from the payer organization (one more conversation confirms before the burst).</summary>
    private const int Conversations = 12;

    /// <summary>Between two confirmations of the burst: they overlap (a turn takes longer), yet a kill can land between them.</summary>
    private static readonly TimeSpan BurstGap = TimeSpan.FromMilliseconds(4);

    [Theory]
    [InlineData(Conversations / 3)]
    [InlineData(Conversations * 2 / 3)]
    public async Task ConfirmationBurst_KilledMidBurstThenEveryActivityRedelivered_EachConfirmationCreatesExactlyOneRequest(int killAfterSent)
    {
        var total = Stopwatch.StartNew();
        await using var connector = await LocalHttpServer.StartAsync((context, request) => request.Method == "GET"
            ? LocalHttpServer.Json(context, 200, """{"id":"29:alex","name":"Alex Wilber"}""")
            : LocalHttpServer.Json(context, 201, $$"""{"id":"reply-{{request.Number}}"}"""));
        await using var bot = await BotProcess.StartAsync();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };

        // The demo set has three customer-owned AWS accounts: add one customer with one such account per conversation.
        await bot.KillAsync();
        await SqliteFile.WriteAsync(bot.DatabasePath, SeedSql());
        await bot.StartAgainAsync();

        var walk = Stopwatch.StartNew();
        var confirmations = new List<Confirmation>();
        for (var i = 1; i <= Conversations + 1; i++)
        {
            confirmations.Add(await WalkToConfirmationAsync(http, connector, bot, killAfterSent, i));
        }

        walk.Stop();

        // One confirmation before the burst, so the burst measures turns rather than the first run of the submit path.
        var warmUp = confirmations[^1];
        Assert.Contains("is submitted.", CardReader.Text(Card(await PostAsync(http, bot.MessagesEndpoint, warmUp.Activity))), StringComparison.Ordinal);

        // The burst: a confirmation every few milliseconds, faster than the bot answers them, so several are in flight
        // at any time; SIGKILL right after the killAfterSent-th went out. The rest go to a dead bot (or not at all).
        var burst = confirmations[..Conversations];
        var clock = Stopwatch.StartNew();
        var killing = new TaskCompletionSource<(Task Kill, TimeSpan At)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var sends = burst.Select(async (c, index) =>
        {
            await Task.Delay(BurstGap * index);
            if (killing.Task.IsCompleted)
            {
                return new BurstOutcome(c.ActivityId, Sent: false, Answer: null, clock.Elapsed);
            }

            var post = TryPostAsync(http, bot.MessagesEndpoint, c.Activity);
            if (index + 1 == killAfterSent)
            {
                await Task.Delay(BurstGap); // this one reaches the bot too
                killing.SetResult((bot.KillAsync(), clock.Elapsed)); // the signal is sent before KillAsync returns its task
            }

            var answer = await post;
            return new BurstOutcome(c.ActivityId, Sent: true, answer, clock.Elapsed);
        }).ToList();
        var outcomes = await Task.WhenAll(sends);
        var (kill, killedAt) = await killing.Task;
        await kill;
        var firstAnswers = outcomes.ToDictionary(s => s.ActivityId, s => s.Answer, StringComparer.Ordinal);
        output.WriteLine("burst (ms after its start): " + string.Join(", ", outcomes.OrderBy(o => o.At)
            .Select(o => string.Create(CultureInfo.InvariantCulture, $"{o.At.TotalMilliseconds:F0} {(o.Answer is not null ? "answered" : o.Sent ? "lost" : "unsent")}"))));

        // What the crash left: a request exists exactly for the confirmations whose delivery record committed.
        var deliveriesAfterKill = await StoredAnswersAsync(bot.DatabasePath);
        var requestsAfterKill = await RequestsAsync(bot.DatabasePath);
        var answered = firstAnswers.Where(a => a.Value is not null).Select(a => a.Key).ToHashSet(StringComparer.Ordinal);
        var committed = burst.Count(c => deliveriesAfterKill.ContainsKey(c.ActivityId));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"kill after {killAfterSent} of {Conversations} sent: SIGKILL at {killedAt.TotalMilliseconds:F0} ms; answered {answered.Count}, " +
            $"lost in flight {outcomes.Count(o => o.Sent && o.Answer is null)}, not sent yet {outcomes.Count(o => !o.Sent)}; " +
            $"committed before the kill {committed} ({burst.Count(c => deliveriesAfterKill.ContainsKey(c.ActivityId) && !answered.Contains(c.ActivityId))} of them unanswered)"));
        Assert.True(answered.Count < Conversations, $"The burst ended before the kill ({answered.Count} answered): nothing was interrupted.");
        Assert.Equal(
            confirmations.Where(c => deliveriesAfterKill.ContainsKey(c.ActivityId)).Select(c => c.AccountId).Order(StringComparer.Ordinal),
            requestsAfterKill.Select(r => r.AccountId).Order(StringComparer.Ordinal));
        foreach (var id in answered)
        {
            var answer = firstAnswers[id]!;
            Assert.Contains("is submitted.", CardReader.Text(Card(answer)), StringComparison.Ordinal);
            Assert.True(deliveriesAfterKill.TryGetValue(id, out var stored), $"{id} was answered but its turn is not in the database.");
            Assert.Equal(stored, answer);
        }

        // Restart on the same file and redeliver every confirmation with the same activity id, again as a burst, and
        // each one twice at the same time (a retry that overtakes the delivery it retries).
        await bot.StartAgainAsync();
        var redeliveries = await Task.WhenAll(confirmations.Concat(confirmations)
            .Select(async c => (c.ActivityId, Answer: await PostAsync(http, bot.MessagesEndpoint, c.Activity))));
        var redelivered = redeliveries.GroupBy(r => r.ActivityId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Assert.Single(g.Select(r => r.Answer).Distinct(StringComparer.Ordinal)), StringComparer.Ordinal);
        var requests = await RequestsAsync(bot.DatabasePath);
        var deliveries = await StoredAnswersAsync(bot.DatabasePath);

        // Exactly one request per confirmation, one delivery record per activity, one "Submitted" audit row per request.
        Assert.Equal(confirmations.Select(c => c.AccountId).Order(StringComparer.Ordinal), requests.Select(r => r.AccountId).Order(StringComparer.Ordinal));
        Assert.Equal(confirmations.Select(c => c.ActivityId).Order(StringComparer.Ordinal), deliveries.Keys.Order(StringComparer.Ordinal));
        Assert.All(requests, r => Assert.Equal(1L, r.SubmittedAuditRows));
        Assert.All(requests, r => Assert.Equal(nameof(RemovalOption.AwsRemoveFromPayer), r.Kind));
        foreach (var confirmation in confirmations)
        {
            var answer = redelivered[confirmation.ActivityId];
            var request = requests.Single(r => r.AccountId == confirmation.AccountId);
            // Never "already handled" or "this card is out of date": the card of the one request made for it.
            Assert.Contains($"Request {request.Id} is submitted.", CardReader.Text(Card(answer)), StringComparison.Ordinal);
            Assert.Equal(deliveries[confirmation.ActivityId], answer);
            if (deliveriesAfterKill.TryGetValue(confirmation.ActivityId, out var storedBeforeKill))
            {
                Assert.Equal(storedBeforeKill, answer);
            }
        }

        // Once more, one by one: the stored answers, and still nothing new.
        foreach (var confirmation in confirmations)
        {
            Assert.Equal(redelivered[confirmation.ActivityId], await PostAsync(http, bot.MessagesEndpoint, confirmation.Activity));
        }

        Assert.Equal(Conversations + 1, (await RequestsAsync(bot.DatabasePath)).Count);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"walk {walk.Elapsed.TotalSeconds:F1} s, whole test {total.Elapsed.TotalSeconds:F1} s"));
    }

    private static string SeedSql()
    {
        var sql = new System.Text.StringBuilder();
        for (var i = 1; i <= Conversations + 1; i++)
        {
            var n = i.ToString("D2", CultureInfo.InvariantCulture);
            sql.Append(CultureInfo.InvariantCulture, $"""
                INSERT INTO Customers (Id, ResellerId, Name, Version) VALUES ('c-kill-{n}', 'r-northwind', 'Kill Test Customer {n}', 0);
                INSERT INTO CloudAccounts (Id, CustomerId, Provider, ExternalId, DisplayName, Origin, LinkedAt, State, Version, ClosedAt)
                  SELECT 'a-kill-{n}', 'c-kill-{n}', Provider, '9000000000{n}', 'Kill Test Account {n}', Origin, LinkedAt, State, Version, ClosedAt
                  FROM CloudAccounts WHERE Id = 'a-wingtip-sandbox';

                """);
        }

        return sql.ToString();
    }

    /// <summary>"remove account", the customer, the account, "Remove from the payer organization": the confirmation card.</summary>
    private static async Task<Confirmation> WalkToConfirmationAsync(HttpClient http, LocalHttpServer connector, BotProcess bot, int run, int i)
    {
        var n = i.ToString("D2", CultureInfo.InvariantCulture);
        var conversation = $"a:kill-{run}-{n}";
        var (customerId, accountId) = ($"c-kill-{n}", $"a-kill-{n}");

        await PostAsync(http, bot.MessagesEndpoint, AlexInTeams.Message(connector.Url, conversation, $"start-{n}", "remove account"));
        var sent = await connector.WaitForRequestsAsync(AlexInTeams.ActivitiesPath(conversation));
        var picker = JsonNode.Parse(Assert.Single(sent).Body)!["attachments"]![0]!["content"];

        var accounts = await ClickAsync(http, bot, connector, conversation, $"customer-{n}", picker, ActionIds.SelectCustomer, (DataKeys.CustomerId, customerId));
        var options = await ClickAsync(http, bot, connector, conversation, $"account-{n}", accounts, ActionIds.SelectAccount, (DataKeys.AccountId, accountId));
        var data = CardReader.ActionData(options, ActionIds.ChooseOption, DataKeys.Option, nameof(RemovalOption.AwsRemoveFromPayer));
        var confirm = Card(await PostAsync(http, bot.MessagesEndpoint, AlexInTeams.CardAction(connector.Url, conversation, $"option-{n}", ActionIds.ChooseOption, data)));
        Assert.Contains("Share of the month", CardReader.Text(confirm), StringComparison.Ordinal);

        var activityId = $"confirm-{n}";
        var activity = AlexInTeams.CardAction(connector.Url, conversation, activityId, ActionIds.ConfirmRemoveFromPayer, CardReader.ActionData(confirm, ActionIds.ConfirmRemoveFromPayer));
        return new Confirmation(activityId, accountId, activity);
    }

    private static async Task<JsonNode?> ClickAsync(
        HttpClient http, BotProcess bot, LocalHttpServer connector, string conversation, string activityId, JsonNode? card, string verb, (string Key, string Value) input)
    {
        var data = CardReader.ActionData(card, verb).With(input);
        return Card(await PostAsync(http, bot.MessagesEndpoint, AlexInTeams.CardAction(connector.Url, conversation, activityId, verb, data)));
    }

    /// <summary>The card of an invoke response (HTTP 200 with an invoke status 200 and an Adaptive Card).</summary>
    private static JsonNode? Card(string invokeResponse)
    {
        var body = JsonNode.Parse(invokeResponse)!;
        Assert.True(body["statusCode"]!.GetValue<int>() == 200, invokeResponse);
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        return body["value"];
    }

    private static async Task<string> PostAsync(HttpClient http, string endpoint, JsonObject activity)
    {
        using var content = JsonContent.Create(activity);
        using var response = await http.PostAsync(new Uri(endpoint), content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return body;
    }

    /// <summary>The answer, or <see langword="null"/> when the bot died before answering.</summary>
    private static async Task<string?> TryPostAsync(HttpClient http, string endpoint, JsonObject activity)
    {
        try
        {
            return await PostAsync(http, endpoint, activity);
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
    private static async Task<Dictionary<string, string>> StoredAnswersAsync(string database)
    {
        var rows = await SqliteFile.ReadAsync(database, "SELECT DeliveryKey, ResponseJson FROM InboundDeliveries WHERE DeliveryKey LIKE 'confirm-%'");
        return rows.ToDictionary(r => (string)r["DeliveryKey"]!, r => (string)r["ResponseJson"]!, StringComparer.Ordinal);
    }

    private static async Task<List<StoredRequest>> RequestsAsync(string database)
    {
        var rows = await SqliteFile.ReadAsync(database, """
            SELECT r.Id, r.CloudAccountId, r.Kind,
                   (SELECT COUNT(*) FROM AuditEvents e WHERE e.EntityType = 'RemovalRequest' AND e.EntityId = r.Id AND e.Action = 'Submitted') AS Submitted
            FROM RemovalRequests r WHERE r.CloudAccountId LIKE 'a-kill-%'
            """);
        return [.. rows.Select(r => new StoredRequest((string)r["Id"]!, (string)r["CloudAccountId"]!, (string)r["Kind"]!, (long)r["Submitted"]!))];
    }

    private sealed record BurstOutcome(string ActivityId, bool Sent, string? Answer, TimeSpan At);

    private sealed record Confirmation(string ActivityId, string AccountId, JsonObject Activity);

    private sealed record StoredRequest(string Id, string AccountId, string Kind, long SubmittedAuditRows);
}
