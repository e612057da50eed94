using System.Diagnostics;
using System.Globalization;
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
        var alex = new PayerRemovalDriver(http, connector, bot);

        // The demo set has three customer-owned AWS accounts: add one customer with one such account per conversation.
        await bot.KillAsync();
        await SqliteFile.WriteAsync(bot.DatabasePath, PayerRemovalDriver.SeedSql(Conversations + 1, oneCustomer: false));
        await bot.StartAgainAsync();

        var walk = Stopwatch.StartNew();
        var confirmations = new List<PayerRemovalDriver.Confirmation>();
        for (var i = 1; i <= Conversations + 1; i++)
        {
            confirmations.Add(await alex.WalkToConfirmationAsync($"a:kill-{killAfterSent}-{PayerRemovalDriver.Number(i)}", i, $"c-kill-{PayerRemovalDriver.Number(i)}"));
        }

        walk.Stop();

        // One confirmation before the burst, so the burst measures turns rather than the first run of the submit path.
        var warmUp = confirmations[^1];
        Assert.Contains("is submitted.", CardReader.Text(PayerRemovalDriver.Card(await alex.PostAsync(warmUp.Activity))), StringComparison.Ordinal);

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

            var post = alex.TryPostAsync(c.Activity);
            if (index + 1 == killAfterSent)
            {
                await Task.Delay(BurstGap); // this one reaches the bot too
                killing.SetResult((bot.KillAsync(), clock.Elapsed)); // the signal is sent before KillAsync returns its task
            }

            var answer = await post;
            return new BurstOutcome(c.ActivityId, Sent: true, answer, clock.Elapsed);
        }).ToList();
        var outcomes = await Task.WhenAll(sends);
        Assert.True(killing.Task.IsCompleted, $"The burst has {Conversations} confirmations: it cannot be killed after {killAfterSent} were sent.");
        var (kill, killedAt) = await killing.Task;
        await kill;
        var firstAnswers = outcomes.ToDictionary(s => s.ActivityId, s => s.Answer, StringComparer.Ordinal);
        output.WriteLine("burst (ms after its start): " + string.Join(", ", outcomes.OrderBy(o => o.At)
            .Select(o => string.Create(CultureInfo.InvariantCulture, $"{o.At.TotalMilliseconds:F0} {(o.Answer is not null ? "answered" : o.Sent ? "lost" : "unsent")}"))));

        // What the crash left: a request exists exactly for the confirmations whose delivery record committed.
        var deliveriesAfterKill = await alex.StoredAnswersAsync();
        var requestsAfterKill = await alex.RequestsAsync();
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
            Assert.Contains("is submitted.", CardReader.Text(PayerRemovalDriver.Card(answer)), StringComparison.Ordinal);
            Assert.True(deliveriesAfterKill.TryGetValue(id, out var stored), $"{id} was answered but its turn is not in the database.");
            Assert.Equal(stored, answer);
        }

        // Restart on the same file and redeliver every confirmation with the same activity id, again as a burst, and
        // each one twice at the same time (a retry that overtakes the delivery it retries).
        await bot.StartAgainAsync();
        var redeliveries = await Task.WhenAll(confirmations.Concat(confirmations)
            .Select(async c => (c.ActivityId, Answer: await alex.PostAsync(c.Activity))));
        var redelivered = redeliveries.GroupBy(r => r.ActivityId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Assert.Single(g.Select(r => r.Answer).Distinct(StringComparer.Ordinal)), StringComparer.Ordinal);
        var requests = await alex.RequestsAsync();
        var deliveries = await alex.StoredAnswersAsync();

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
            Assert.Contains($"Request {request.Id} is submitted.", CardReader.Text(PayerRemovalDriver.Card(answer)), StringComparison.Ordinal);
            Assert.Equal(deliveries[confirmation.ActivityId], answer);
            if (deliveriesAfterKill.TryGetValue(confirmation.ActivityId, out var storedBeforeKill))
            {
                Assert.Equal(storedBeforeKill, answer);
            }
        }

        // Once more, one by one: the stored answers, and still nothing new.
        foreach (var confirmation in confirmations)
        {
            Assert.Equal(redelivered[confirmation.ActivityId], await alex.PostAsync(confirmation.Activity));
        }

        Assert.Equal(Conversations + 1, (await alex.RequestsAsync()).Count);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"walk {walk.Elapsed.TotalSeconds:F1} s, whole test {total.Elapsed.TotalSeconds:F1} s"));
    }

    private sealed record BurstOutcome(string ActivityId, bool Sent, string? Answer, TimeSpan At);
}
