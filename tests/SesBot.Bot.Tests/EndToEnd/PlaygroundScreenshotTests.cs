using Microsoft.Data.Sqlite;
using SesBot.Bot.Tests.Support;

namespace SesBot.Bot.Tests.EndToEnd;

/// <summary>
/// Every removal option clicked through the Agents Playground's own web page in headless Chromium, the way a reseller
/// does it: typing in the compose box, picking the customer from the rendered dropdown, the account's and the option's
/// own buttons, filling the inputs. Each journey ends in the bot's real database, and its cards are saved as screenshots
/// under <c>.artifacts/screenshots/</c> (a few of them illustrate the README, from <c>docs/images/</c>).
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class PlaygroundScreenshotTests(TeamsPlaygroundFixture fixture) : IClassFixture<TeamsPlaygroundFixture>
{
    [Fact]
    public async Task DeleteFromSes_ThenDeletedInError_ThroughTheWebPage()
    {
        await using var page = await PlaygroundPage.OpenAsync(fixture.Playground.Port);
        await page.SayAsync("remove account", "Which customer?");
        await page.ShootCardAsync("delete-0-customers");
        await page.PickAsync("Cont", "Contoso Ltd");
        await page.ClickAsync("Continue", "Which account of Contoso Ltd?");
        await page.ShootCardAsync("delete-1-accounts");
        await page.ClickInRowAsync("Contoso Lab", "Select", "What you can do");
        await page.ShootCardAsync("delete-2-options");
        await page.ClickInRowAsync("Delete from SES", "Choose", "Delete AWS 210987654321");
        await page.FillAsync("To confirm, type the account id 210987654321", "210987654321");
        await page.ShootCardAsync("delete-3-confirm");
        await page.ClickAsync("Delete the account", "is deleted from SES");
        await page.ShootCardAsync("delete-4-done");

        await StartAsync(page, "remove account", "Cont", "Contoso Ltd", "Which account of Contoso Ltd?");
        await page.ClickInRowAsync("Contoso Lab", "Select", "deleted from SES on");
        await page.ClickInRowAsync("Report deleted in error", "Choose", "as deleted in error");
        await page.FillAsync("Anything support should know (optional)", "Deleted the wrong account; the lab is still in use.");
        await page.ClickAsync("Open the urgent ticket", "is submitted");
        await page.ShootCardAsync("deleted-in-error-submitted");

        Assert.Equal(["Completed"], await StatusesAsync("DeleteFromPlatform"));
        Assert.Equal(["Submitted"], await StatusesAsync("DeletedInErrorTicket"));
    }

    [Fact]
    public async Task TransferOfOwnership_FormReviewSubmit_ThroughTheWebPage()
    {
        await using var page = await PlaygroundPage.OpenAsync(fixture.Playground.Port);
        await StartAsync(page, "remove account", "Cont", "Contoso Ltd", "Which account of Contoso Ltd?");
        await page.ClickInRowAsync("Contoso Production", "Select", "usual choice");
        await page.ClickInRowAsync("Transfer of ownership", "Choose", "Who takes the account over?");

        // Typed text while the form waits: a reminder of the step and the form again, not the help menu.
        await page.SayAsync("what now?", "Who takes the account over?");

        foreach (var (label, value) in new[]
        {
            ("Company name", "Globex Corporation"), ("Contact name", "Hank Scorpio"), ("Contact phone", "(503) 555-0142"),
            ("Street address", "1 Cypress Creek Rd"), ("City", "Cypress Creek"), ("State or region", "OR"), ("Postal code", "97201"),
            ("Country", "United States"), ("Billing contact name", "Sam Billing"), ("Billing contact phone", "206 555 0100"),
            ("Billing contact email", "billing@globex.example"), ("Email for the account assignment", "aws-owner@globex.example"),
        })
        {
            await page.FillAsync(label, value);
        }

        await page.ShootCardAsync("transfer-1-form");
        await page.ClickAsync("Review", "Check and submit the transfer of ownership");
        await page.ExpectAsync("+1 503-555-0142");
        await page.ShootCardAsync("transfer-2-review");
        await page.ClickAsync("Submit the request", "is submitted");
        await page.ShootCardAsync("transfer-3-submitted");

        Assert.Equal(["Submitted"], await StatusesAsync("AwsTransferOwnership"));
    }

    [Fact]
    public async Task RemoveFromPayer_ThenCancelWithConfirmation_ThroughTheWebPage()
    {
        await using var page = await PlaygroundPage.OpenAsync(fixture.Playground.Port);
        await StartAsync(page, "remove account", "Adv", "Adventure Works Cycles", "Which account of Adventure Works Cycles?");
        await page.ClickInRowAsync("Adventure Works Data", "Select", "What you can do");
        await page.ClickInRowAsync("Remove from the payer organization", "Choose", "What you invoice the customer");
        await page.ShootCardAsync("payer-1-billing-impact");
        await page.ClickAsync("Submit the removal", "is submitted");
        await page.ShootCardAsync("payer-2-submitted");

        await page.ClickAsync("Cancel this request", "cannot be reopened");
        await page.ShootCardAsync("payer-3-cancel-confirm");
        Assert.Equal(["Submitted"], await StatusesAsync("AwsRemoveFromPayer"));
        await page.ClickAsync("Yes, cancel it", "is cancelled");
        await page.ShootCardAsync("payer-4-cancelled");

        Assert.Equal(["Cancelled"], await StatusesAsync("AwsRemoveFromPayer"));
    }

    [Fact]
    public async Task UnlinkInstructions_ThroughTheWebPage()
    {
        await using var page = await PlaygroundPage.OpenAsync(fixture.Playground.Port);
        await StartAsync(page, "remove account", "Adv", "Adventure Works Cycles", "Which account of Adventure Works Cycles?");
        await page.ClickInRowAsync("Adventure Works Web", "Select", "What you can do");
        await page.ClickInRowAsync("Send unlink instructions", "Choose", "These are the steps the email gives them");
        await page.FillAsync("End customer's email address", "it@adventure-works.example");
        await page.ShootCardAsync("unlink-1-form");
        await page.ClickAsync("Email the instructions", "queued for sending");
        await page.ShootCardAsync("unlink-2-queued");

        // The outbox sends the email in the background (to the pickup folder in local mode): by now it may have gone out.
        Assert.Contains(Assert.Single(await StatusesAsync("AwsSelfUnlink")), new[] { "Submitted", "InstructionsSent" });
    }

    [Fact]
    public async Task AzureTransferAndSuspend_ThroughTheWebPage()
    {
        await using var page = await PlaygroundPage.OpenAsync(fixture.Playground.Port);
        await StartAsync(page, "remove account", "Cont", "Contoso Ltd", "Which account of Contoso Ltd?");
        await page.ClickInRowAsync("Contoso Analytics", "Select", "What you can do");
        await page.ShootCardAsync("azure-1-options");
        await page.ClickInRowAsync("Transfer to another CSP", "Choose", "How it works: the customer first accepts");
        await page.FillAsync("New partner's name (if known)", "Litware CSP");
        await page.ClickAsync("Submit to support", "is submitted");
        await page.ShootCardAsync("azure-2-transfer-submitted");

        await StartAsync(page, "remove account", "Tail", "Tailspin Toys", "Which account of Tailspin Toys?");
        await page.ClickInRowAsync("Tailspin Dev/Test", "Select", "What you can do");
        await page.ClickInRowAsync("Suspend the subscription", "Choose", "Its services stop");
        await page.FillAsync("Why should it be suspended?", "Project ended.");
        await page.ClickAsync("Submit the ticket", "is submitted");
        await page.ShootCardAsync("azure-3-suspend-submitted");

        Assert.Equal(["Submitted"], await StatusesAsync("AzureTransferToCsp"));
        Assert.Equal(["Submitted"], await StatusesAsync("AzureSuspend"));
    }

    [Fact]
    public async Task RemoveCustomer_ThroughTheWebPage()
    {
        await using var page = await PlaygroundPage.OpenAsync(fixture.Playground.Port);
        await StartAsync(page, "remove customer", "Wing", "Wingtip Toys", "Remove Wingtip Toys?");
        await page.ShootCardAsync("remove-customer-1-confirm");
        await page.ClickAsync("Remove the customer", "is removed from SES");
        await page.ShootCardAsync("remove-customer-2-done");

        Assert.Equal(["Completed"], await StatusesAsync("RemoveCustomer"));
    }

    /// <summary>Types the command, picks the customer from the card's dropdown, and continues.</summary>
    private static async Task StartAsync(PlaygroundPage page, string command, string typed, string customer, string expect)
    {
        await page.SayAsync(command, "Which customer?");
        await page.PickAsync(typed, customer);
        await page.ClickAsync("Continue", expect);
    }

    /// <summary>The statuses of the requests of one kind in the bot's database.</summary>
    private async Task<string[]> StatusesAsync(string kind)
    {
        await using var connection = new SqliteConnection($"Data Source={fixture.Bot.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Status FROM RemovalRequests WHERE Kind = $kind ORDER BY CreatedAt";
        command.Parameters.AddWithValue("$kind", kind);
        await using var reader = await command.ExecuteReaderAsync();
        var statuses = new List<string>();
        while (await reader.ReadAsync())
        {
            statuses.Add(reader.GetString(0));
        }

        return [.. statuses];
    }
}
