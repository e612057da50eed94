using SesBot.Bot.Cards;
using SesBot.Bot.Channels.Teams;
using SesBot.Bot.Channels.Teams.AdaptiveCards;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Bot.Tests.Dialogs.Support;
using SesBot.Bot.Tests.Support;
using SesBot.Core.Domain;

namespace SesBot.Bot.Tests.Dialogs;

/// <summary>
/// The billing preview of a removal from the payer organization shows one basis, and every figure on the card agrees
/// with it: whole UTC days counted inclusively, share = days / days in the month, the period from–to in UTC, and SES's
/// billing data for the month so far where there is any. The demo data links a-wingtip-sandbox on the 3rd at 00:00 UTC
/// (no billing data) and a-adventure-web months ago (billed every month, 420.00 USD this month).
/// </summary>
public sealed class BillingPreviewDialogTests
{
    [Fact]
    public async Task Preview_LinkedOnThe3rdRemovedOnThe4th_TwoDaysOf31AndEveryFigureAgrees()
    {
        await using var host = await DialogHost.StartAsync(Utc(2026, 12, 4, 10));
        var alex = new DialogTranscript(host, Person.Alex);

        var card = await PreviewAsync(alex, "c-wingtip", "a-wingtip-sandbox")
            .AssertText("What you invoice the customer for December 2026 (if support removes it now)")
            .AssertFact("Linked this month", "3 Dec 2026 to 4 Dec 2026 (UTC)")
            .AssertFact("Days", "2 of 31")
            .AssertFact("Share of the month", "6.45 %")
            .AssertParagraph(BillingTexts.Basis, Tone.Subtle)
            .AssertParagraph("Invoice Wingtip Toys only for the days the account was linked: 2 of 31 days of December 2026 (6.45 %).", Tone.Warning)
            .AssertNoText("4.35 %");
        Assert.DoesNotContain(card.Blocks.OfType<FactsBlock>().SelectMany(f => f.Facts), f => f.Label == "Billed in SES this month so far"); // no billing data

        await alex.Click(ActionIds.ConfirmRemoveFromPayer)
            .AssertText("is submitted")
            .AssertFact("Linked this month (at submission)", "2 of 31 days (6.45 %), 3 Dec 2026 to 4 Dec 2026 (UTC)");
    }

    [Fact]
    public async Task Preview_BilledAccountEarlyOnThe1st_FromMonthStartOneDayWithTheAmountSoFar()
    {
        await using var host = await DialogHost.StartAsync(Utc(2026, 12, 1, 8));
        var alex = new DialogTranscript(host, Person.Alex);

        await PreviewAsync(alex, "c-adventure", "a-adventure-web")
            .AssertFact("Linked this month", "1 Dec 2026 to 1 Dec 2026 (UTC)")
            .AssertFact("Days", "1 of 31")
            .AssertFact("Share of the month", "3.23 %")
            .AssertFact("Billed in SES this month so far", "420.00 USD: the usage SES imported for December 2026 while the account was linked")
            .AssertParagraph("1 of 31 days of December 2026 (3.23 %)", Tone.Warning);
    }

    [Fact]
    public async Task Preview_AtMidnightOnThe1st_NothingOfTheNewMonthToInvoice()
    {
        await using var host = await DialogHost.StartAsync(Utc(2026, 12, 1, 0));
        var alex = new DialogTranscript(host, Person.Alex);

        await PreviewAsync(alex, "c-adventure", "a-adventure-web")
            .AssertFact("Linked this month", "none: not linked in December 2026")
            .AssertFact("Days", "0 of 31")
            .AssertFact("Share of the month", "0 %")
            .AssertParagraph("there is nothing of December 2026 to invoice Adventure Works Cycles", Tone.Warning)
            .AssertNoText("only for the days");
        await alex.Click(ActionIds.ConfirmRemoveFromPayer)
            .AssertFact("Linked this month (at submission)", "0 of 31 days: not linked in December 2026");
    }

    [Theory]
    [InlineData(29, "c-adventure", "a-adventure-web", "1 Feb 2028 to 29 Feb 2028 (UTC)", "29 of 29", "100 %")]
    [InlineData(15, "c-wingtip", "a-wingtip-sandbox", "3 Feb 2028 to 15 Feb 2028 (UTC)", "13 of 29", "44.83 %")]
    public async Task Preview_FebruaryOfALeapYear_29DaysInTheMonth(int day, string customerId, string accountId, string period, string days, string share)
    {
        await using var host = await DialogHost.StartAsync(Utc(2028, 2, day, 12));
        var alex = new DialogTranscript(host, Person.Alex);

        await PreviewAsync(alex, customerId, accountId)
            .AssertText("What you invoice the customer for February 2028")
            .AssertFact("Linked this month", period)
            .AssertFact("Days", days)
            .AssertFact("Share of the month", share)
            .AssertParagraph($"{days} days of February 2028 ({share})", Tone.Warning);
    }

    [Fact]
    public async Task PreviewAndSubmitted_RenderedForTeams_AreValidAdaptiveCards()
    {
        await using var host = await DialogHost.StartAsync(Utc(2026, 12, 4, 10));
        var alex = new DialogTranscript(host, Person.Alex);
        var preview = await PreviewAsync(alex, "c-adventure", "a-adventure-web").AssertFact("Billed in SES this month so far", "420.00 USD");
        var submitted = await alex.Click(ActionIds.ConfirmRemoveFromPayer);
        var renderer = new TeamsReplyRenderer();

        var results = await AdaptiveCardsRenderer.ValidateManyAsync(
        [
            new KeyValuePair<string, AdaptiveCard>("preview", renderer.ToCard(preview.Replies[^1])),
            new KeyValuePair<string, AdaptiveCard>("submitted", renderer.ToCard(submitted.Replies[^1])),
        ]);

        Assert.All(results, r => Assert.True(r.Valid, r.ToString()));
    }

    private static DateTimeOffset Utc(int year, int month, int day, int hour) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);

    private static async Task<Turn> PreviewAsync(DialogTranscript person, string customerId, string accountId)
    {
        await person.Send("remove account");
        await person.Click(ActionIds.SelectCustomer, (DataKeys.CustomerId, customerId));
        await person.Click(ActionIds.SelectAccount, (DataKeys.AccountId, accountId));
        return await person.Click(ActionIds.ChooseOption, (DataKeys.Option, nameof(RemovalOption.AwsRemoveFromPayer)))
            .AssertAction(ActionIds.ConfirmRemoveFromPayer);
    }
}
