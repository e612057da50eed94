using SesBot.Bot.Cards;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Bot.Tests.Dialogs.Support;
using SesBot.Core.Domain;

namespace SesBot.Bot.Tests.Dialogs;

/// <summary>Azure subscriptions: transfer to another CSP and suspension, each a request to SES support.</summary>
public sealed class RemovalDialogAzureTests : DialogTestBase
{
    private const string PartnerTenant = "4d3c2b1a-0f9e-4d8c-b7a6-5f4e3d2c1b0a";

    [Fact]
    public async Task AzureTransfer_InvalidTenantIdThenValid_ErrorKeepsValuesThenSubmits()
    {
        await OpenOptionsAsync(Alex, "c-contoso", "z-contoso-analytics")
            .AssertParagraph("This account has billing data in SES", Tone.Warning)
            .AssertAction(ActionIds.ChooseOption, DataKeys.Option, nameof(RemovalOption.AzureTransferToCsp))
            .AssertAction(ActionIds.ChooseOption, DataKeys.Option, nameof(RemovalOption.AzureSuspend))
            .AssertNoAction(ActionIds.ChooseOption, DataKeys.Option, nameof(RemovalOption.DeleteFromPlatform));
        await Alex.Click(ActionIds.ChooseOption, (DataKeys.Option, nameof(RemovalOption.AzureTransferToCsp)))
            .AssertText("How it works: the customer first accepts a reseller relationship with the new CSP partner.")
            .AssertText("What you do:")
            .AssertInputValue(DataKeys.PartnerName, null)
            .AssertInputValue(DataKeys.PartnerTenantId, null);

        await Alex.Click(ActionIds.SubmitAzureTransfer, (DataKeys.PartnerName, "Litware Cloud Partners"), (DataKeys.PartnerTenantId, "litware.onmicrosoft.com"))
            .AssertStatus(TurnStatus.Waiting)
            .AssertError(DataKeys.PartnerTenantId, "is not a tenant id")
            .AssertInputValue(DataKeys.PartnerName, "Litware Cloud Partners")
            .AssertInputValue(DataKeys.PartnerTenantId, "litware.onmicrosoft.com");
        await AssertNothingChangedAsync();

        await Alex.Click(ActionIds.SubmitAzureTransfer, (DataKeys.PartnerTenantId, PartnerTenant))
            .AssertStatus(TurnStatus.Complete)
            .AssertText("is submitted")
            .AssertText("SES support approves the transfer once the new partner has requested it in Partner Center.")
            .AssertBadge("Status: Submitted, waiting for support")
            .AssertAction(ActionIds.CancelRequest);

        var request = await SingleRequestAsync();
        Assert.Equal(
            (RemovalOption.AzureTransferToCsp, RequestStatus.Submitted, "z-contoso-analytics", "Litware Cloud Partners", PartnerTenant),
            (request.Kind, request.Status, request.CloudAccountId, request.TargetPartnerName, request.TargetPartnerTenantId));
        Assert.Equal(AccountState.Active, (await AccountAsync("z-contoso-analytics")).State);
    }

    [Fact]
    public async Task AzureTransfer_PartnerUnknown_SubmitsWithoutPartnerDetails()
    {
        await OpenOptionsAsync(Alex, "c-tailspin", "z-tailspin-prod");
        await Alex.Click(ActionIds.ChooseOption, (DataKeys.Option, nameof(RemovalOption.AzureTransferToCsp)));
        await Alex.Click(ActionIds.SubmitAzureTransfer).AssertText("is submitted");

        var request = await SingleRequestAsync();
        Assert.Equal((RemovalOption.AzureTransferToCsp, (string?)null, (string?)null), (request.Kind, request.TargetPartnerName, request.TargetPartnerTenantId));
    }

    [Fact]
    public async Task AzureSuspend_EmptyReasonThenReason_ErrorThenSubmitsTicket()
    {
        await OpenOptionsAsync(Alex, "c-tailspin", "z-tailspin-dev");
        await Alex.Click(ActionIds.ChooseOption, (DataKeys.Option, nameof(RemovalOption.AzureSuspend)))
            .AssertText("Suspend Azure 0b7e4d2c-1f3a-4b5c-8d9e-a1b2c3d4e5f6")
            .AssertText("it stays in SES and can be reactivated.");

        await Alex.Click(ActionIds.SubmitAzureSuspend, (DataKeys.Reason, "   "))
            .AssertStatus(TurnStatus.Waiting)
            .AssertError(DataKeys.Reason, "Say why the subscription should be suspended.");
        await AssertNothingChangedAsync();

        await Alex.Click(ActionIds.SubmitAzureSuspend, (DataKeys.Reason, "The dev/test project ended."))
            .AssertStatus(TurnStatus.Complete)
            .AssertText("Next: SES support suspends the subscription.");

        var request = await SingleRequestAsync();
        Assert.Equal((RemovalOption.AzureSuspend, RequestStatus.Submitted, "The dev/test project ended."), (request.Kind, request.Status, request.Reason));
        Assert.Equal(AccountState.Active, (await AccountAsync("z-tailspin-dev")).State);
    }
}
