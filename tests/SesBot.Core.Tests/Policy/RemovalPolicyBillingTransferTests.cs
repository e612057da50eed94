using SesBot.Core.Domain;
using SesBot.Core.Policy;
using SesBot.Core.Tests.Support;

namespace SesBot.Core.Tests.Policy;

/// <summary>
/// An account billed through AWS Billing Transfer is not a member of the payer organization: its billing ends with
/// the transfer ("End billing transfer"), the member-only options are denied with a reason, delete follows the
/// billing-data rule as for every account.
/// </summary>
public sealed class RemovalPolicyBillingTransferTests
{
    private static readonly DateTimeOffset TransferStart = new(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly OpenRequestRef Open = new("R-OPEN01", RemovalOption.AwsEndBillingTransfer);

    public static TheoryData<RemovalOption> MemberOnlyOptions =>
        [RemovalOption.AwsTransferOwnership, RemovalOption.AwsRemoveFromPayer, RemovalOption.AwsSelfUnlink];

    [Fact]
    public void EvaluateAccount_BillingTransfer_OffersEndBillingTransferWithTheMonthEndAndTheWholeOrganization()
    {
        var decision = RemovalPolicy.EvaluateAccount(Transferred());

        var end = decision.For(RemovalOption.AwsEndBillingTransfer)!;
        Assert.True(end.IsAllowed);
        Assert.Equal("End billing transfer", end.Title);
        Assert.Equal(ConfirmationKind.Confirm, end.Confirmation);
        Assert.Equal(OptionHandling.SupportExecutes, end.Info.Handling);
        Assert.Equal(RequestWorkflow.BillingTransferEnd, end.Info.Workflow);
        Assert.Contains(end.Warnings, w => w.Contains("23:59:59 UTC on the last day of the month", StringComparison.Ordinal) && w.Contains("not at once", StringComparison.Ordinal));
        Assert.Contains(end.Warnings, w => w.Contains("whole AWS organization (management account 890123456789)", StringComparison.Ordinal));
        Assert.Equal(
            [RemovalOption.DeleteFromPlatform, RemovalOption.AwsEndBillingTransfer, RemovalOption.AwsTransferOwnership, RemovalOption.AwsRemoveFromPayer, RemovalOption.AwsSelfUnlink],
            decision.Options.Select(o => o.Option));
        Assert.Equal([RemovalOption.AwsEndBillingTransfer], decision.Allowed.Select(o => o.Option)); // billed: no delete
    }

    [Theory]
    [MemberData(nameof(MemberOnlyOptions))]
    public void EvaluateAccount_BillingTransfer_DeniesMemberOnlyOptionsPointingToTheTransfer(RemovalOption option)
    {
        var denied = RemovalPolicy.EvaluateAccount(Transferred()).For(option)!;

        Assert.False(denied.IsAllowed);
        Assert.StartsWith("This account is billed through AWS Billing Transfer.", denied.DenialReason, StringComparison.Ordinal);
        Assert.EndsWith("End the billing transfer instead.", denied.DenialReason, StringComparison.Ordinal);
        Assert.False(RemovalPolicy.Recheck(option, Transferred()).IsAllowed);
    }

    [Fact]
    public void EvaluateAccount_BillingTransferWithBillingData_DeniesDeleteAsAlways()
    {
        var decision = RemovalPolicy.EvaluateAccount(Transferred(billedMonths: 3));

        var delete = decision.For(RemovalOption.DeleteFromPlatform)!;
        Assert.False(delete.IsAllowed);
        Assert.Contains("3 months of billing data", delete.DenialReason, StringComparison.Ordinal);
        Assert.Contains(decision.Warnings, w => w.Contains("SES cannot stop its charges", StringComparison.Ordinal));
        Assert.True(decision.For(RemovalOption.AwsEndBillingTransfer)!.IsAllowed);
    }

    [Fact]
    public void EvaluateAccount_BillingTransferWithoutBillingData_DeleteStillAllowed()
    {
        Assert.True(RemovalPolicy.EvaluateAccount(Transferred(billedMonths: 0)).For(RemovalOption.DeleteFromPlatform)!.IsAllowed);
    }

    [Fact]
    public void EvaluateAccount_OpenRequest_DeniesEndWithTheRequest()
    {
        var end = RemovalPolicy.EvaluateAccount(Transferred(), Open).For(RemovalOption.AwsEndBillingTransfer)!;

        Assert.False(end.IsAllowed);
        Assert.Contains("Request R-OPEN01 (end the billing transfer) is already open", end.DenialReason, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateAccount_TransferAlreadyEnded_EverythingDeniedWithTheEnd()
    {
        var account = Transferred();
        account.EndBillingTransfer(new DateTimeOffset(2026, 12, 31, 23, 59, 59, TimeSpan.Zero));

        var decision = RemovalPolicy.EvaluateAccount(account);

        Assert.Empty(decision.Allowed);
        Assert.All(decision.Denied.Where(d => d.Option != RemovalOption.DeleteFromPlatform), d => Assert.StartsWith("The billing transfer was ended", d.DenialReason, StringComparison.Ordinal));
        Assert.Equal(
            "The billing transfer was ended: the distributor pays for this account until 31 Dec 2026 23:59:59 UTC.",
            decision.For(RemovalOption.AwsEndBillingTransfer)!.DenialReason);
    }

    [Fact]
    public void EvaluateAccount_BillingTransferOriginWithoutTransferOnRecord_DeniedAskSupport()
    {
        var end = RemovalPolicy.EvaluateAccount(TestData.Aws(AccountOrigin.BillingTransfer)).For(RemovalOption.AwsEndBillingTransfer)!;

        Assert.False(end.IsAllowed);
        Assert.Contains("no billing transfer on record", end.DenialReason, StringComparison.Ordinal);
        Assert.Empty(end.Warnings);
    }

    [Theory]
    [InlineData(AccountOrigin.CustomerOwned)]
    [InlineData(AccountOrigin.DistributorAssigned)]
    public void EvaluateAccount_PayerMember_NoEndBillingTransferListed(AccountOrigin origin)
    {
        var decision = RemovalPolicy.EvaluateAccount(TestData.Aws(origin));

        Assert.Null(decision.For(RemovalOption.AwsEndBillingTransfer));
        var recheck = RemovalPolicy.Recheck(RemovalOption.AwsEndBillingTransfer, TestData.Aws(origin));
        Assert.False(recheck.IsAllowed);
        Assert.Contains("Only an account billed through AWS Billing Transfer", recheck.DenialReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Recheck_EndBillingTransferOnAzure_DeniedAsTheWrongCloud()
    {
        var recheck = RemovalPolicy.Recheck(RemovalOption.AwsEndBillingTransfer, TestData.Azure());

        Assert.False(recheck.IsAllowed);
        Assert.Equal("This option is only for AWS accounts; this is an Azure subscription.", recheck.DenialReason);
    }

    [Fact]
    public void Recheck_EndBillingTransfer_SameAsEvaluate()
    {
        Assert.True(RemovalPolicy.Recheck(RemovalOption.AwsEndBillingTransfer, Transferred()).IsAllowed);
    }

    private static CloudAccount Transferred(int billedMonths = 2) =>
        TestData.Bill(
            new CloudAccount("a-bt", TestData.CustomerId, CloudProvider.Aws, "890123456789", "Own organization", AccountOrigin.BillingTransfer, TransferStart)
                .WithBillingTransfer("rt-coho7x2k9m4q", TransferStart, "890123456789"),
            billedMonths);
}
