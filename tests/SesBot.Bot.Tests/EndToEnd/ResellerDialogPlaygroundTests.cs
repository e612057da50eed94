using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using SesBot.Bot.Cards;
using SesBot.Bot.Tests.Support;

namespace SesBot.Bot.Tests.EndToEnd;

/// <summary>Reseller dialogs end to end through the real Agents Playground, checked in the bot's real database.</summary>
[Trait("Category", "EndToEnd")]
public sealed class ResellerDialogPlaygroundTests(TeamsPlaygroundFixture fixture) : IClassFixture<TeamsPlaygroundFixture>
{
    private readonly List<KeyValuePair<string, string>> _cards = [];

    private Playground Playground => fixture.Playground;

    [Fact]
    public async Task TransferOfOwnership_ValidationErrorThenCorrection_SubmitsRequestWithNormalizedContact()
    {
        var (messageId, card) = await StartAsync("please remove an account");
        Assert.Contains("Which customer?", CardReader.Text(card), StringComparison.Ordinal);

        card = await ClickAsync(messageId, card, ActionIds.SelectCustomer, ("customerId", "c-contoso"));
        Assert.Contains("Which account of Contoso Ltd?", CardReader.Text(card), StringComparison.Ordinal);

        card = await ClickAsync(messageId, card, ActionIds.SelectAccount, ("accountId", "a-contoso-prod"));
        var options = CardReader.Text(card);
        Assert.Contains("has billing data in SES", options, StringComparison.Ordinal);
        Assert.True(CardReader.HasAction(card, ActionIds.ChooseOption, "option", "AwsTransferOwnership"));
        Assert.False(CardReader.HasAction(card, ActionIds.ChooseOption, "option", "DeleteFromPlatform"));

        card = await ClickAsync(messageId, card, ActionIds.ChooseOption, ("option", "AwsTransferOwnership"));
        Assert.Contains("Who takes the account over?", CardReader.Text(card), StringComparison.Ordinal);

        // First try: a bad phone, a postal code that isn't American, a broken email, and two fields left empty.
        card = await ClickAsync(messageId, card, ActionIds.ReviewTransferContact,
            ("contactCompanyName", "Globex Corporation"),
            ("contactContactName", "Hank Scorpio"),
            ("contactContactPhone", "555"),
            ("contactStreetAddress", "1 Cypress Creek Rd"),
            ("contactCity", "Cypress Creek"),
            ("contactStateOrRegion", "OR"),
            ("contactPostalCode", "ABC 123"),
            ("contactCountry", "United States"),
            ("contactBillingContactName", "Sam Billing"),
            ("contactBillingContactPhone", "+1 206 555 0100"),
            ("contactBillingContactEmail", "sam.at.globex"));
        var form = CardReader.Text(card);
        Assert.Contains("need fixing", form, StringComparison.Ordinal);
        Assert.Contains("\"555\" is not a valid United States phone number", form, StringComparison.Ordinal);
        Assert.Contains("not a United States postal code", form, StringComparison.Ordinal);
        Assert.Contains("is not an email address", form, StringComparison.Ordinal);
        Assert.Contains("Required.", form, StringComparison.Ordinal);
        Assert.Equal("Globex Corporation", CardReader.Input(card, "contactCompanyName")["value"]?.GetValue<string>());
        Assert.Equal("sam.at.globex", CardReader.Input(card, "contactBillingContactEmail")["value"]?.GetValue<string>());

        // Correction: only the wrong fields change; the rest comes back from the card as it was shown.
        var corrected = CardReader.ActionData(card, ActionIds.ReviewTransferContact);
        foreach (var input in CardReader.Nodes(card).Where(n => n["type"]?.GetValue<string>() == "Input.Text"))
        {
            corrected[input["id"]!.GetValue<string>()] = input["value"]?.GetValue<string>() ?? string.Empty;
        }

        corrected.With(
            ("contactContactPhone", "(503) 555-0142"),
            ("contactPostalCode", "97201"),
            ("contactBillingContactEmail", "billing@globex.example"),
            ("contactAssignmentEmail", "aws-owner@globex.example"));
        card = await InvokeAsync(messageId, ActionIds.ReviewTransferContact, corrected);
        var review = CardReader.Text(card);
        Assert.Contains("Check and submit the transfer of ownership", review, StringComparison.Ordinal);
        Assert.Contains("+1 503-555-0142", review, StringComparison.Ordinal); // stored as +15035550142, shown as written in the US

        card = await ClickAsync(messageId, card, ActionIds.SubmitTransferRequest);
        var submitted = CardReader.Text(card);
        Assert.Contains("is submitted", submitted, StringComparison.Ordinal);
        var requestId = CardReader.ActionData(card, ActionIds.RefreshStatus)["requestId"]!.GetValue<string>();

        var row = await RowAsync(
            "SELECT Kind, Status, ContactPhone, ContactCountry, ContactPostalCode, AssignmentEmail, CloudAccountId FROM RemovalRequests WHERE Id = $id", requestId);
        Assert.Equal(["AwsTransferOwnership", "Submitted", "+15035550142", "US", "97201", "aws-owner@globex.example", "a-contoso-prod"], row);
        Assert.Equal(["Submitted", "Alex Wilber"], await RowAsync("SELECT Action, ActorName FROM AuditEvents WHERE EntityId = $id", requestId));

        await AssertCardsValidAsync();
    }

    [Fact]
    public async Task RemoveFromPayer_CustomerOwnedAccountLinkedThisMonth_ShowsBillingImpactAndSubmits()
    {
        var (messageId, card) = await StartAsync("remove account");
        // The dropdown lists the reseller's customers at once: they fit on one page.
        Assert.Contains("Adventure Works Cycles", CardReader.Text(card), StringComparison.Ordinal);

        card = await ClickAsync(messageId, card, ActionIds.SelectCustomer, ("customerId", "c-adventure"));
        card = await ClickAsync(messageId, card, ActionIds.SelectAccount, ("accountId", "a-adventure-data"));
        Assert.True(CardReader.HasAction(card, ActionIds.ChooseOption, "option", "AwsRemoveFromPayer"));
        Assert.False(CardReader.HasAction(card, ActionIds.ChooseOption, "option", "AwsTransferOwnership"));

        card = await ClickAsync(messageId, card, ActionIds.ChooseOption, ("option", "AwsRemoveFromPayer"));
        var confirm = CardReader.Text(card);
        Assert.Contains("Linked this month", confirm, StringComparison.Ordinal);
        Assert.Matches(@"\d+ of (28|29|30|31)", confirm);

        card = await ClickAsync(messageId, card, ActionIds.ConfirmRemoveFromPayer);
        Assert.Contains("is submitted", CardReader.Text(card), StringComparison.Ordinal);
        var requestId = CardReader.ActionData(card, ActionIds.RefreshStatus)["requestId"]!.GetValue<string>();

        var row = await RowAsync(
            "SELECT Kind, Status, ImpactLinkedDays > 0, ImpactDaysInMonth >= 28, ImpactFractionOfMonth > 0 FROM RemovalRequests WHERE Id = $id", requestId);
        Assert.Equal(["AwsRemoveFromPayer", "Submitted", "1", "1", "1"], row);

        // The same account cannot get a second request while this one is open.
        (messageId, card) = await StartAsync("remove account");
        card = await ClickAsync(messageId, card, ActionIds.SelectCustomer, ("customerId", "c-adventure"));
        card = await ClickAsync(messageId, card, ActionIds.SelectAccount, ("accountId", "a-adventure-data"));
        Assert.Contains($"Request {requestId}", CardReader.Text(card), StringComparison.Ordinal);
        Assert.False(CardReader.HasAction(card, ActionIds.ChooseOption));

        await AssertCardsValidAsync();
    }

    [Fact]
    public async Task BotRestartMidDialog_NewProcessSameDatabase_TheSameCardCarriesOn()
    {
        var (messageId, card) = await StartAsync("remove account");
        card = await ClickAsync(messageId, card, ActionIds.SelectCustomer, ("customerId", "c-tailspin"));
        Assert.Contains("Which account of Tailspin Toys?", CardReader.Text(card), StringComparison.Ordinal);

        await fixture.Bot.RestartAsync();

        card = await ClickAsync(messageId, card, ActionIds.SelectAccount, ("accountId", "z-tailspin-prod"));
        Assert.True(CardReader.HasAction(card, ActionIds.ChooseOption, "option", "AzureSuspend"));
        card = await ClickAsync(messageId, card, ActionIds.ChooseOption, ("option", "AzureSuspend"));
        card = await ClickAsync(messageId, card, ActionIds.SubmitAzureSuspend, ("reason", "Project ended; the customer asked to stop all services."));
        Assert.Contains("is submitted", CardReader.Text(card), StringComparison.Ordinal);
        var requestId = CardReader.ActionData(card, ActionIds.RefreshStatus)["requestId"]!.GetValue<string>();
        Assert.Equal(["AzureSuspend", "Submitted"], await RowAsync("SELECT Kind, Status FROM RemovalRequests WHERE Id = $id", requestId));

        await AssertCardsValidAsync();
    }

    private async Task<(string MessageId, JsonNode Card)> StartAsync(string text)
    {
        var since = Playground.Mark;
        await Playground.SendMessageAsync(Playground.PersonalChatId, text);
        var posted = await Playground.WaitForBotMessageAsync(since, Playground.PersonalChatId,
            m => CardReader.Text(m).Contains("Which customer?", StringComparison.Ordinal));
        var card = posted["message"]!["attachments"]![0]!["content"]!;
        Keep(card);
        return (posted["message"]!["messageId"]!.GetValue<string>(), card);
    }

    private Task<JsonNode> ClickAsync(string messageId, JsonNode card, string verb, params (string Key, string Value)[] inputs) =>
        InvokeAsync(messageId, verb, CardReader.ActionData(card, verb).With(inputs));

    private async Task<JsonNode> InvokeAsync(string messageId, string verb, JsonObject data)
    {
        var response = await Playground.ExecuteAsync(Playground.PersonalChatId, messageId, verb, data);
        Assert.Equal("application/vnd.microsoft.card.adaptive", response["type"]?.GetValue<string>());
        var card = response["value"]!;
        Keep(card);
        return card;
    }

    private void Keep(JsonNode card) => _cards.Add(new($"card {_cards.Count}", card.ToJsonString()));

    private async Task AssertCardsValidAsync()
    {
        var invalid = (await AdaptiveCardsRenderer.ValidateManyAsync(_cards)).Where(r => !r.Valid).ToList();
        Assert.True(invalid.Count == 0, string.Join("\n", invalid));
    }

    private async Task<string[]> RowAsync(string sql, string id)
    {
        await using var connection = new SqliteConnection($"Data Source={fixture.Bot.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"no row for {id}");
        return [.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "<null>" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!)];
    }
}
