using SesBot.Bot.Cards;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Support;
using SesBot.Bot.Tests.Dialogs.Support;
using SesBot.Bot.Tests.Dialogs.SupportWork;

namespace SesBot.Bot.Tests.Localization;

/// <summary>
/// What SesBot sends a reseller because support moved their request on is in the reseller's last language, not the
/// language of the support agent whose click it was; the support card itself stays in SES support's language.
/// </summary>
public sealed class ResellerLanguageTests : SupportDeskTestBase
{
    [Fact]
    public async Task Accept_ByFrenchSpeakingSupport_ResellerGetsNoticeAndStatusCardInGermanSupportCardStaysEnglish()
    {
        var id = await FileRemoveFromPayerAsync();
        // Alex's next activity carries a German locale: SesBot keeps it as his language.
        await Alex.As(Person.Alex with { Locale = "de-DE" }).Send("my requests").AssertText("Ihre Entfernungsanträge");
        var before = (await OutboxAsync()).Count;

        await Megan.As(Person.Megan with { Locale = "fr-FR" }).Forge(ActionIds.SupportAccept, (DataKeys.RequestId, id), (DataKeys.Version, "0"))
            .AssertFact("Status", "Accepted by support").AssertFact("Assigned to", "Megan Bowen");

        var rows = (await OutboxAsync()).Skip(before).ToList();
        var byKey = rows.ToDictionary(r => r.IdempotencyKey);
        var request = await RequestAsync(id);
        var support = CardText(FollowUp(byKey[RequestUpdates.SupportCardKey(request)]).Activity);
        var status = CardText(Outbound(byKey[RequestUpdates.StatusCardKey(request)]).Activity);
        var notice = CardText(Outbound(byKey[RequestUpdates.NoticeKey(request)]).Activity);

        Assert.Contains("Accepted by support", support, StringComparison.Ordinal);
        Assert.Contains("Vom Support angenommen", status, StringComparison.Ordinal);
        Assert.DoesNotContain("Accepted by support", status, StringComparison.Ordinal);
        Assert.Contains($"Der SES-Support (Megan Bowen) hat Ihren Antrag {id} angenommen", notice, StringComparison.Ordinal);
    }
}
