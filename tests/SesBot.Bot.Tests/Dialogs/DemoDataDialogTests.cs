using SesBot.Bot.Cards;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Tests.Dialogs.Support;
using SesBot.Core.Domain;

namespace SesBot.Bot.Tests.Dialogs;

/// <summary>The demo data is relative to "now": on any day of the month, the accounts linked this month work in the dialogs.</summary>
public sealed class DemoDataDialogTests
{
    [Theory]
    [InlineData("2026-12-01T00:30:00Z", "a-adventure-data", "c-adventure")]
    [InlineData("2026-12-01T08:00:00Z", "a-wingtip-sandbox", "c-wingtip")]
    [InlineData("2026-12-02T10:00:00Z", "a-wingtip-sandbox", "c-wingtip")]
    [InlineData("2026-12-31T23:00:00Z", "a-adventure-data", "c-adventure")]
    public async Task RemoveFromPayer_EarlyOrLateInTheMonth_LinkedThisMonthAndBillingImpactShown(string now, string accountId, string customerId)
    {
        await using var host = await DialogHost.StartAsync(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));
        var alex = new DialogTranscript(host, Person.Alex);

        await alex.Send("remove account");
        await alex.Click(ActionIds.SelectCustomer, (DataKeys.CustomerId, customerId));
        await alex.Click(ActionIds.SelectAccount, (DataKeys.AccountId, accountId))
            .AssertText("Dec 2026")
            .AssertAction(ActionIds.ChooseOption, DataKeys.Option, nameof(RemovalOption.AwsRemoveFromPayer));
        await alex.Click(ActionIds.ChooseOption, (DataKeys.Option, nameof(RemovalOption.AwsRemoveFromPayer)))
            .AssertText("What you invoice the customer for December 2026")
            .AssertAction(ActionIds.ConfirmRemoveFromPayer);
    }
}
