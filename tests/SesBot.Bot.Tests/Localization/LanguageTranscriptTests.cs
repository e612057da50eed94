using Microsoft.EntityFrameworkCore;
using SesBot.Bot.Cards;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Bot.Tests.Dialogs.Support;
using SesBot.Core.Domain;

namespace SesBot.Bot.Tests.Localization;

/// <summary>
/// One journey (a removal from the payer organization: customer, account, options, billing preview, submission) with
/// the activity's locale German and French: every line of every card in the person's language, days, percentages and
/// money written the culture's way; and an install event (no locale) answered in the person's last language.
/// </summary>
public sealed class LanguageTranscriptTests
{
    private static readonly DateTimeOffset Dec4 = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task PayerRemoval_GermanLocale_EveryCardInGermanWithGermanNumbers()
    {
        await using var host = await DialogHost.StartAsync(Dec4);
        var alex = new DialogTranscript(host, Person.Alex with { Locale = "de-DE" });

        await alex.Send("remove account")
            .AssertText("Welcher Kunde?")
            .AssertText("Wählen Sie den Kunden, dem Sie ein Konto entziehen möchten.");
        await alex.Click(ActionIds.SelectCustomer, (DataKeys.CustomerId, "c-wingtip"))
            .AssertText("Welches Konto von Wingtip Toys?")
            .AssertText("verknüpft am 3. Dez. 2026");
        await alex.Click(ActionIds.SelectAccount, (DataKeys.AccountId, "a-wingtip-sandbox"))
            .AssertText("Was Sie tun können (3 Möglichkeiten):")
            .AssertText("Der SES-Support nimmt es sofort aus der Payer-Organisation; danach zahlt der Inhaber AWS direkt.")
            .AssertText("übliche Wahl")
            .AssertText("Der Endkunde braucht eine gültige Zahlungsmethode im Konto, bevor AWS es die Organisation verlassen lässt.")
            .AssertText("keine Abrechnungsdaten");
        await alex.Click(ActionIds.ChooseOption, (DataKeys.Option, nameof(RemovalOption.AwsRemoveFromPayer)))
            .AssertText("Was Sie dem Kunden für Dezember 2026 in Rechnung stellen (wenn der Support es jetzt entfernt)")
            .AssertFact("In diesem Monat verknüpft", "3. Dez. 2026 bis 4. Dez. 2026 (UTC)")
            .AssertFact("Tage", "2 von 31")
            .AssertFact("Anteil am Monat", "6,45 %")
            .AssertParagraph("Stellen Sie Wingtip Toys nur die Tage in Rechnung, an denen das Konto verknüpft war: 2 von 31 Tage im Dezember 2026 (6,45 %). " +
                "Entfernt der Support es an einem späteren Tag, zählen die Tage bis zu diesem Tag.", Tone.Warning);
        var submitted = await alex.Click(ActionIds.ConfirmRemoveFromPayer)
            .AssertText("ist eingereicht.")
            .AssertText("Status: Eingereicht, wartet auf den Support")
            .AssertFact("In diesem Monat verknüpft (bei Einreichung)", "2 von 31 Tagen (6,45 %), 3. Dez. 2026 bis 4. Dez. 2026 (UTC)")
            .AssertFact("Beantragt von", "Alex Wilber, 4. Dez. 2026, 10:00 UTC");
        Assert.Contains(submitted.Lines, l => l.Contains("4. Dez. 2026, 10:00 UTC: Alex Wilber hat beantragt, das Konto aus der Payer-Organisation zu entfernen (R-", StringComparison.Ordinal));
        AssertNoEnglish(alex);
    }

    [Fact]
    public async Task PayerRemoval_FrenchLocale_EveryCardInFrenchWithFrenchNumbersAndMoney()
    {
        await using var host = await DialogHost.StartAsync(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
        var alex = new DialogTranscript(host, Person.Alex with { Locale = "fr-FR" });

        await alex.Send("remove account").AssertText("Quel client ?");
        await alex.Click(ActionIds.SelectCustomer, (DataKeys.CustomerId, "c-adventure")).AssertText("Quel compte de ");
        await alex.Click(ActionIds.SelectAccount, (DataKeys.AccountId, "a-adventure-web"))
            .AssertParagraph("Ce compte a des données de facturation dans SES. Il reste sur la plateforme afin de conserver son historique de facturation ; " +
                "SES ne peut pas arrêter ses frais : cela se fait dans la console du fournisseur cloud.", Tone.Warning)
            .AssertText("Non disponible pour ce compte :");
        await alex.Click(ActionIds.ChooseOption, (DataKeys.Option, nameof(RemovalOption.AwsRemoveFromPayer)))
            .AssertFact("Lié ce mois-ci", "du 1 déc. 2026 au 1 déc. 2026 (UTC)")
            .AssertFact("Jours", "1 sur 31")
            .AssertFact("Part du mois", "3,23 %")
            .AssertFact("Facturé dans SES ce mois-ci jusqu'à présent", "420,00 USD : l'utilisation importée par SES pour décembre 2026");
        await alex.Click(ActionIds.ConfirmRemoveFromPayer)
            .AssertText("est soumise.")
            .AssertFact("Lié ce mois-ci (à la soumission)", "1 jour sur 31 (3,23 %), du 1 déc. 2026 au 1 déc. 2026 (UTC)");
        await alex.Send("my requests")
            .AssertText("Vos demandes de retrait")
            .AssertText("En cours :");
        AssertNoEnglish(alex);
    }

    [Fact]
    public async Task Install_NoLocale_AnsweredInThePersonsLastLanguageThenEnglishForStrangers()
    {
        await using var host = await DialogHost.StartAsync(Dec4);
        var alex = new DialogTranscript(host, Person.Alex with { Locale = "fr-CA" });

        // Before Alex ever wrote, nothing is known: English.
        await alex.InstallAsync().AssertText("Hi, I'm SesBot");

        await alex.Send("help").AssertText("Ce que je sais faire");
        var kept = await host.DbAsync(db => db.ChannelUsers.AsNoTracking().SingleAsync(u => u.UserKey == Person.Alex.UserKey));
        Assert.Equal("fr-CA", kept.Locale);

        await alex.InstallAsync()
            .AssertText("Bonjour, je suis SesBot")
            .AssertAction(ActionIds.StartRemoveAccount);
        var menu = alex.Last.FindAction(ActionIds.StartRemoveAccount)!;
        Assert.Equal("Retirer un compte", menu.Title);

        // The next message in German moves the fallback to German.
        await alex.As(Person.Alex with { Locale = "de-DE" }).Send("help").AssertText("Was ich kann");
        await alex.InstallAsync().AssertText("Hallo, ich bin SesBot");

        // A language SesBot does not speak: English, and an unknown person has no last language.
        await alex.As(Person.Alex with { Locale = "es-ES" }).Send("help").AssertText("What I can do");
        await new DialogTranscript(host, Person.Stranger).InstallAsync().AssertText("Hi, I'm SesBot");
    }

    /// <summary>No card line is one of the English texts a German or French card must not show.</summary>
    private static void AssertNoEnglish(DialogTranscript person)
    {
        string[] english = ["Which ", "Choose ", "Linked", "Days", "Share of the month", "Submitted", "Request ", "billing data", " of 31", "Requested by"];
        string[] buttons = ["Continue", "Back", "Cancel", "Refresh", "Cancel this request", "Submit the removal"];
        var leftover = person.Turns.SelectMany(t => t.Lines).Where(l => english.Any(e => l.Contains(e, StringComparison.Ordinal)))
            .Concat(person.Turns.SelectMany(t => t.Actions).Select(a => a.Title).Where(buttons.Contains))
            .ToList();
        Assert.True(leftover.Count == 0, "English left on the cards:\n" + string.Join("\n", leftover));
    }
}
