using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using SesBot.Bot.Tests.Channels.Teams.Connector;
using SesBot.Bot.Tests.Support;
using Xunit.Abstractions;

namespace SesBot.Bot.Tests.EndToEnd;

/// <summary>
/// Confirmations that contend: twelve accounts of ONE customer confirmed at the same moment in twelve conversations.
/// Each request touches its customer (the optimistic concurrency token), so the turns conflict at commit and run again
/// on what the others committed, at most <see cref="Pipeline.TurnPipeline.MaxAttempts"/> times. Whatever the contention,
/// nothing is kept twice: a turn either committed its request with its delivery record, or kept nothing and answered
/// with the apology, and then its redelivery submits it.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class SameCustomerConfirmationTests(ITestOutputHelper output)
{
    private const int Accounts = 12;

    [Fact]
    public async Task ConfirmationBurst_TwelveAccountsOfOneCustomer_EachEndsWithExactlyOneRequest_AnApologyKeepsNothing()
    {
        await using var connector = await LocalHttpServer.StartAsync((context, request) =>
            LocalHttpServer.Json(context, 201, $$"""{"id":"reply-{{request.Number}}"}"""));
        await using var bot = await BotProcess.StartAsync();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var alex = new PayerRemovalDriver(http, connector, bot);
        await bot.KillAsync();
        await SqliteFile.WriteAsync(bot.DatabasePath, PayerRemovalDriver.SeedSql(Accounts, oneCustomer: true));
        await bot.StartAgainAsync();

        var confirmations = new List<PayerRemovalDriver.Confirmation>();
        for (var i = 1; i <= Accounts; i++)
        {
            confirmations.Add(await alex.WalkToConfirmationAsync($"a:same-{PayerRemovalDriver.Number(i)}", i, "c-kill-01"));
        }

        var clock = Stopwatch.StartNew();
        var answers = await Task.WhenAll(confirmations.Select(async c => (Confirmation: c, Answer: JsonNode.Parse(await alex.PostAsync(c.Activity))!)));
        var burst = clock.Elapsed;
        var apologised = answers.Where(a => a.Answer["statusCode"]!.GetValue<int>() == 500).Select(a => a.Confirmation).ToList();
        foreach (var line in bot.Output.Split('\n').Where(l => l.Contains("Exception:", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal))
        {
            output.WriteLine(line);
        }

        var stored = await alex.StoredAnswersAsync();
        var requests = await alex.RequestsAsync();

        // Submitted: its request and its delivery record with this very answer. Apology: nothing of the turn was kept.
        foreach (var (confirmation, answer) in answers.Where(a => !apologised.Contains(a.Confirmation)))
        {
            var request = Assert.Single(requests, r => r.AccountId == confirmation.AccountId);
            Assert.Contains($"Request {request.Id} is submitted.", CardReader.Text(PayerRemovalDriver.Card(answer.ToJsonString())), StringComparison.Ordinal);
            Assert.Equal(answer.ToJsonString(), JsonNode.Parse(stored[confirmation.ActivityId])!.ToJsonString());
        }

        foreach (var confirmation in apologised)
        {
            Assert.DoesNotContain(requests, r => r.AccountId == confirmation.AccountId);
            Assert.False(stored.ContainsKey(confirmation.ActivityId));
        }

        // Teams' retry (or the person's second click) of each apologised one, one at a time: now it is submitted.
        foreach (var confirmation in apologised)
        {
            Assert.Contains("is submitted.", CardReader.Text(PayerRemovalDriver.Card(await alex.PostAsync(confirmation.Activity))), StringComparison.Ordinal);
        }

        var final = await alex.RequestsAsync();
        Assert.Equal(confirmations.Select(c => c.AccountId).Order(StringComparer.Ordinal), final.Select(r => r.AccountId).Order(StringComparer.Ordinal));
        Assert.All(final, r => Assert.Equal(1L, r.SubmittedAuditRows));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Accounts} confirmations of one customer at once, answered in {burst.TotalMilliseconds:F0} ms: {Accounts - apologised.Count} submitted, " +
            $"{apologised.Count} answered with the apology (invoke 500) after {Pipeline.TurnPipeline.MaxAttempts} conflicting attempts; all submitted on redelivery"));
    }
}
