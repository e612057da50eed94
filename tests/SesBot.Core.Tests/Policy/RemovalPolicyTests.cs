using SesBot.Core.Domain;
using SesBot.Core.Policy;
using SesBot.Core.Tests.Support;

namespace SesBot.Core.Tests.Policy;

public sealed class RemovalPolicyTests
{
    private static readonly DateTimeOffset ClosedAt = new(2026, 5, 4, 10, 0, 0, TimeSpan.Zero);
    private static readonly OpenRequestRef Open = new("R-OPEN01", RemovalOption.AwsRemoveFromPayer);

    // ---- Delete from the platform ----

    [Theory]
    [InlineData(CloudProvider.Aws)]
    [InlineData(CloudProvider.Azure)]
    public void EvaluateAccount_NoBillingData_AllowsDeleteWithWarningAndTypedId(CloudProvider provider)
    {
        var account = provider == CloudProvider.Aws ? TestData.Aws() : TestData.Azure();

        var delete = RemovalPolicy.EvaluateAccount(account).For(RemovalOption.DeleteFromPlatform)!;

        Assert.True(delete.IsAllowed);
        Assert.Null(delete.DenialReason);
        Assert.Equal(ConfirmationKind.TypeAccountId, delete.Confirmation);
        var warning = Assert.Single(delete.Warnings);
        Assert.Contains("all of its usage and billing history", warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CloudProvider.Aws, 1)]
    [InlineData(CloudProvider.Aws, 12)]
    [InlineData(CloudProvider.Azure, 3)]
    public void EvaluateAccount_WithBillingData_DeniesDeleteWithReasonAndConsoleNote(CloudProvider provider, int months)
    {
        var account = provider == CloudProvider.Aws ? TestData.Aws(billedMonths: months) : TestData.Azure(billedMonths: months);

        var decision = RemovalPolicy.EvaluateAccount(account);
        var delete = decision.For(RemovalOption.DeleteFromPlatform)!;

        Assert.False(delete.IsAllowed);
        Assert.NotNull(delete.DenialReason);
        Assert.Contains((months == 1 ? "1 month of billing data" : $"{months} months of billing data"), delete.DenialReason, StringComparison.Ordinal);
        Assert.Contains("invoicing history", delete.DenialReason, StringComparison.Ordinal);
        Assert.Contains("cloud provider's console", delete.DenialReason, StringComparison.Ordinal);
        Assert.Contains(decision.Warnings, w => w.Contains("SES cannot stop its charges: that is done in the cloud provider's console", StringComparison.Ordinal));
        Assert.Equal(ConfirmationKind.TypeAccountId, delete.Confirmation);
        Assert.NotEmpty(delete.Warnings);
    }

    [Fact]
    public void EvaluateAccount_TwoRecordsForOneMonth_CountsTheMonthOnce()
    {
        var account = TestData.Aws();
        account.AddBillingRecord(new DateOnly(2026, 3, 1), 10m, "USD");
        account.AddBillingRecord(new DateOnly(2026, 3, 17), 5m, "USD");

        var delete = RemovalPolicy.EvaluateAccount(account).For(RemovalOption.DeleteFromPlatform)!;

        Assert.Contains("1 month of", delete.DenialReason, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateAccount_WithBillingDataAndOpenRequest_DeleteDeniedForBillingData()
    {
        var delete = RemovalPolicy.EvaluateAccount(TestData.Aws(billedMonths: 2), Open).For(RemovalOption.DeleteFromPlatform)!;

        Assert.Contains("billing data", delete.DenialReason, StringComparison.Ordinal);
    }

    // ---- Billing-data warning ----

    [Theory]
    [MemberData(nameof(AccountsWithBillingData))]
    public void EvaluateAccount_AnyAccountWithBillingData_CarriesBillingDataWarning(CloudAccount account)
    {
        var decision = RemovalPolicy.EvaluateAccount(account);

        Assert.Contains(decision.Warnings, w => w.Contains("has billing data in SES", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(AccountsWithoutBillingData))]
    public void EvaluateAccount_AccountWithoutBillingData_NoBillingDataWarning(CloudAccount account)
    {
        var decision = RemovalPolicy.EvaluateAccount(account);

        Assert.DoesNotContain(decision.Warnings, w => w.Contains("billing data", StringComparison.Ordinal));
    }

    public static TheoryData<CloudAccount> AccountsWithBillingData()
    {
        var departed = TestData.Aws(AccountOrigin.CustomerOwned, billedMonths: 2);
        departed.MarkDeparted(ClosedAt);
        var suspended = TestData.Azure(billedMonths: 1);
        suspended.MarkSuspended(ClosedAt);
        return
        [
            TestData.Aws(AccountOrigin.DistributorAssigned, billedMonths: 1),
            TestData.Aws(AccountOrigin.CustomerOwned, billedMonths: 5),
            TestData.Azure(billedMonths: 3),
            departed,
            suspended,
        ];
    }

    public static TheoryData<CloudAccount> AccountsWithoutBillingData() =>
    [
        TestData.Aws(AccountOrigin.DistributorAssigned),
        TestData.Aws(AccountOrigin.CustomerOwned),
        TestData.Azure(),
    ];

    // ---- Azure ----

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void EvaluateAccount_ActiveAzure_OffersTransferAndSuspendOnly(int billedMonths)
    {
        var decision = RemovalPolicy.EvaluateAccount(TestData.Azure(billedMonths: billedMonths));

        Assert.Equal(
            [RemovalOption.DeleteFromPlatform, RemovalOption.AzureTransferToCsp, RemovalOption.AzureSuspend],
            decision.Options.Select(o => o.Option));
        Assert.True(decision.For(RemovalOption.AzureTransferToCsp)!.IsAllowed);
        Assert.True(decision.For(RemovalOption.AzureSuspend)!.IsAllowed);
        Assert.Null(decision.For(RemovalOption.AwsTransferOwnership));
        Assert.Contains("support ticket", decision.For(RemovalOption.AzureSuspend)!.Explanation, StringComparison.Ordinal);
        Assert.Contains("Partner Center", decision.For(RemovalOption.AzureTransferToCsp)!.Explanation, StringComparison.Ordinal);
        Assert.Contains("stops its services", Assert.Single(decision.For(RemovalOption.AzureSuspend)!.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateAccount_AzureWithBillingData_TransferWarnsHistoryStays()
    {
        var transfer = RemovalPolicy.EvaluateAccount(TestData.Azure(billedMonths: 2)).For(RemovalOption.AzureTransferToCsp)!;

        Assert.Contains("billing history stays in SES", Assert.Single(transfer.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateAccount_AzureWithoutBillingData_TransferHasNoWarning()
    {
        var transfer = RemovalPolicy.EvaluateAccount(TestData.Azure()).For(RemovalOption.AzureTransferToCsp)!;

        Assert.Empty(transfer.Warnings);
    }

    [Fact]
    public void EvaluateAccount_SuspendedAzure_TransferAllowedSuspendAndDeleteDenied()
    {
        var account = TestData.Azure();
        account.MarkSuspended(ClosedAt);

        var decision = RemovalPolicy.EvaluateAccount(account);

        Assert.True(decision.For(RemovalOption.AzureTransferToCsp)!.IsAllowed);
        var suspend = decision.For(RemovalOption.AzureSuspend)!;
        Assert.False(suspend.IsAllowed);
        Assert.Equal("The subscription was suspended on 4 May 2026.", suspend.DenialReason);
        Assert.False(decision.For(RemovalOption.DeleteFromPlatform)!.IsAllowed);
        Assert.Equal("The subscription was suspended on 4 May 2026.", decision.For(RemovalOption.DeleteFromPlatform)!.DenialReason);
    }

    // ---- AWS ----

    [Fact]
    public void EvaluateAccount_AwsAssigned_AllowsTransferOfOwnershipOnly()
    {
        var decision = RemovalPolicy.EvaluateAccount(TestData.Aws(AccountOrigin.DistributorAssigned, billedMonths: 6));

        Assert.Equal(
            [RemovalOption.DeleteFromPlatform, RemovalOption.AwsTransferOwnership, RemovalOption.AwsRemoveFromPayer, RemovalOption.AwsSelfUnlink],
            decision.Options.Select(o => o.Option));
        var transfer = decision.For(RemovalOption.AwsTransferOwnership)!;
        Assert.True(transfer.IsAllowed);
        Assert.True(transfer.NeedsTransferContact);
        Assert.Equal(ConfirmationKind.Confirm, transfer.Confirmation);
        Assert.Equal([RemovalOption.AwsTransferOwnership], decision.Allowed.Select(o => o.Option));

        var fromPayer = decision.For(RemovalOption.AwsRemoveFromPayer)!;
        Assert.False(fromPayer.IsAllowed);
        Assert.Contains("transfer of ownership", fromPayer.DenialReason, StringComparison.Ordinal);
        var unlink = decision.For(RemovalOption.AwsSelfUnlink)!;
        Assert.False(unlink.IsAllowed);
        Assert.Contains("root access", unlink.DenialReason, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateAccount_AwsCustomerOwned_AllowsRemoveFromPayerAndSelfUnlinkDeniesTransfer()
    {
        var decision = RemovalPolicy.EvaluateAccount(TestData.Aws(AccountOrigin.CustomerOwned, billedMonths: 6));

        var transfer = decision.For(RemovalOption.AwsTransferOwnership)!;
        Assert.False(transfer.IsAllowed);
        Assert.Contains("already owns this account", transfer.DenialReason, StringComparison.Ordinal);

        var fromPayer = decision.For(RemovalOption.AwsRemoveFromPayer)!;
        Assert.True(fromPayer.IsAllowed);
        Assert.False(fromPayer.NeedsTransferContact);
        Assert.Contains("at once", fromPayer.Explanation, StringComparison.Ordinal);
        Assert.Contains("only for the days the account was linked", Assert.Single(fromPayer.Warnings), StringComparison.Ordinal);

        var unlink = decision.For(RemovalOption.AwsSelfUnlink)!;
        Assert.True(unlink.IsAllowed);
        Assert.Contains("root access", unlink.Explanation, StringComparison.Ordinal);
        Assert.Contains("valid payment method", Assert.Single(unlink.Warnings), StringComparison.Ordinal);

        Assert.Equal([RemovalOption.AwsRemoveFromPayer, RemovalOption.AwsSelfUnlink], decision.Allowed.Select(o => o.Option));
    }

    [Fact]
    public void EvaluateAccount_AwsCustomerOwnedWithoutBillingData_AlsoAllowsDelete()
    {
        var decision = RemovalPolicy.EvaluateAccount(TestData.Aws(AccountOrigin.CustomerOwned));

        Assert.Equal(
            [RemovalOption.DeleteFromPlatform, RemovalOption.AwsRemoveFromPayer, RemovalOption.AwsSelfUnlink],
            decision.Allowed.Select(o => o.Option));
        Assert.Equal([RemovalOption.AwsTransferOwnership], decision.Denied.Select(o => o.Option));
    }

    // ---- Deleted, departed ----

    [Theory]
    [InlineData(CloudProvider.Aws)]
    [InlineData(CloudProvider.Azure)]
    public void EvaluateAccount_DeletedAccount_OffersOnlyDeletedInErrorTicket(CloudProvider provider)
    {
        var account = provider == CloudProvider.Aws ? TestData.Aws() : TestData.Azure();
        account.MarkDeleted(ClosedAt);

        var decision = RemovalPolicy.EvaluateAccount(account);

        var ticket = Assert.Single(decision.Options);
        Assert.Equal(RemovalOption.DeletedInErrorTicket, ticket.Option);
        Assert.True(ticket.IsAllowed);
        Assert.Contains("urgent", ticket.Explanation, StringComparison.Ordinal);
        Assert.Empty(decision.Warnings);
    }

    [Fact]
    public void EvaluateAccount_DeletedAccountWithOpenTicket_TicketDenied()
    {
        var account = TestData.Aws();
        account.MarkDeleted(ClosedAt);

        var ticket = Assert.Single(RemovalPolicy.EvaluateAccount(account, new OpenRequestRef("R-T", RemovalOption.DeletedInErrorTicket)).Options);

        Assert.False(ticket.IsAllowed);
        Assert.Contains("R-T", ticket.DenialReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AccountOrigin.DistributorAssigned)]
    [InlineData(AccountOrigin.CustomerOwned)]
    public void EvaluateAccount_DepartedAws_EveryOptionDeniedSayingItLeft(AccountOrigin origin)
    {
        var account = TestData.Aws(origin);
        account.MarkDeparted(ClosedAt);

        var decision = RemovalPolicy.EvaluateAccount(account);

        Assert.Empty(decision.Allowed);
        Assert.DoesNotContain(decision.Options, o => o.Option == RemovalOption.DeletedInErrorTicket);
        Assert.Contains(decision.Options, o => o.DenialReason == "The account already left the distributor on 4 May 2026.");
        Assert.Equal("The account already left the distributor on 4 May 2026.", decision.For(RemovalOption.DeleteFromPlatform)!.DenialReason);
    }

    [Fact]
    public void EvaluateAccount_DepartedAzure_TransferAndSuspendDenied()
    {
        var account = TestData.Azure(billedMonths: 1);
        account.MarkDeparted(ClosedAt);

        var decision = RemovalPolicy.EvaluateAccount(account);

        Assert.Empty(decision.Allowed);
        Assert.Equal("The account already left the distributor on 4 May 2026.", decision.For(RemovalOption.AzureTransferToCsp)!.DenialReason);
        Assert.Equal("The account already left the distributor on 4 May 2026.", decision.For(RemovalOption.AzureSuspend)!.DenialReason);
    }

    // ---- Open request ----

    [Theory]
    [MemberData(nameof(AccountsWithoutBillingData))]
    public void EvaluateAccount_OpenRequest_BlocksEveryOptionWithItsId(CloudAccount account)
    {
        var decision = RemovalPolicy.EvaluateAccount(account, Open);

        Assert.Empty(decision.Allowed);
        // Options the account could otherwise have point at the open request.
        var unblocked = RemovalPolicy.EvaluateAccount(account).Allowed.Select(o => o.Option).ToList();
        Assert.NotEmpty(unblocked);
        Assert.All(
            decision.Options.Where(o => unblocked.Contains(o.Option)),
            o => Assert.Contains("Request R-OPEN01 (remove from the payer organization) is already open", o.DenialReason, StringComparison.Ordinal));
    }

    // ---- Customer removal ----

    private static readonly DateTimeOffset Now = new(2027, 3, 15, 12, 0, 0, TimeSpan.Zero);

    private static Customer CustomerWith(params CloudAccount[] accounts)
    {
        var customer = new Customer(TestData.CustomerId, TestData.ResellerId, "Contoso Ltd");
        foreach (var account in accounts)
        {
            customer.AddAccount(account);
        }

        return customer;
    }

    private static CloudAccount AccountBilledIn(DateOnly month, string id = "a-1", string number = TestData.AwsNumber)
    {
        var account = TestData.Aws(id: id, number: number);
        account.AddBillingRecord(month, 12m, "USD");
        return account;
    }

    [Fact]
    public void EvaluateCustomerRemoval_NoBillingData_AllowedWithCascadeWarning()
    {
        var decision = RemovalPolicy.EvaluateCustomerRemoval(CustomerWith(TestData.Aws(), TestData.Azure()), Now);

        Assert.True(decision.IsAllowed);
        Assert.Equal(RemovalOption.RemoveCustomer, decision.Option);
        Assert.Null(decision.DenialReason);
        Assert.Equal(ConfirmationKind.Confirm, decision.Confirmation);
        Assert.Equal("Removing a customer also deletes its accounts that have no billing data from SES.", Assert.Single(decision.Warnings));
    }

    [Fact]
    public void EvaluateCustomerRemoval_NoAccounts_Allowed()
    {
        Assert.True(RemovalPolicy.EvaluateCustomerRemoval(CustomerWith(), Now).IsAllowed);
    }

    [Fact]
    public void EvaluateCustomerRemoval_OneAccountWithBillingData_DeniedNamingIt()
    {
        var billed = TestData.Azure(billedMonths: 2);
        var decision = RemovalPolicy.EvaluateCustomerRemoval(CustomerWith(TestData.Aws(), billed), Now);

        Assert.False(decision.IsAllowed);
        Assert.Contains("1 of the customer's accounts has billing data", decision.DenialReason, StringComparison.Ordinal);
        Assert.Contains(billed.ExternalId, decision.DenialReason, StringComparison.Ordinal);
        Assert.DoesNotContain(TestData.AwsNumber, decision.DenialReason, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateCustomerRemoval_DepartedAccountWithBillingData_StillDenied()
    {
        var departed = TestData.Aws(AccountOrigin.CustomerOwned, billedMonths: 3);
        departed.MarkDeparted(ClosedAt);

        var decision = RemovalPolicy.EvaluateCustomerRemoval(CustomerWith(departed), Now);

        Assert.False(decision.IsAllowed);
    }

    [Fact]
    public void EvaluateCustomerRemoval_DeletedAccountIgnored_Allowed()
    {
        var deleted = TestData.Aws();
        deleted.MarkDeleted(ClosedAt);

        Assert.True(RemovalPolicy.EvaluateCustomerRemoval(CustomerWith(deleted), Now).IsAllowed);
    }

    [Theory]
    [InlineData("2027-03-01T00:00:00Z", "2027-03-01", "March 2027")]
    [InlineData("2027-03-31T23:59:59Z", "2027-03-01", "March 2027")]
    [InlineData("2027-03-01T00:00:00Z", "2027-02-01", "February 2027")]
    [InlineData("2027-03-31T23:59:59Z", "2027-02-01", "February 2027")]
    [InlineData("2027-01-01T00:00:00Z", "2026-12-01", "December 2026")]
    [InlineData("2027-01-15T00:00:00Z", "2027-01-01", "January 2027")]
    public void EvaluateCustomerRemoval_UsageInCurrentOrPreviousMonth_Warns(string now, string billedMonth, string monthName)
    {
        var customer = CustomerWith(AccountBilledIn(DateOnly.Parse(billedMonth, System.Globalization.CultureInfo.InvariantCulture)));

        var decision = RemovalPolicy.EvaluateCustomerRemoval(customer, DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Contains(
            decision.Warnings,
            w => w.Contains($"Contoso Ltd had usage in {monthName}.", StringComparison.Ordinal) && w.Contains("not recommended", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2027-03-01T00:00:00Z", "2027-01-01")] // two months back
    [InlineData("2027-03-31T23:59:59Z", "2027-04-01")] // the future
    [InlineData("2027-01-01T00:00:00Z", "2026-11-01")]
    [InlineData("2027-03-15T00:00:00Z", "2026-03-01")] // same month, a year earlier
    public void EvaluateCustomerRemoval_UsageOnlyOutsideCurrentAndPreviousMonth_NoUsageWarning(string now, string billedMonth)
    {
        var customer = CustomerWith(AccountBilledIn(DateOnly.Parse(billedMonth, System.Globalization.CultureInfo.InvariantCulture)));

        var decision = RemovalPolicy.EvaluateCustomerRemoval(customer, DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        Assert.DoesNotContain(decision.Warnings, w => w.Contains("had usage", StringComparison.Ordinal));
        Assert.False(decision.IsAllowed); // still billing data
    }

    [Fact]
    public void EvaluateCustomerRemoval_UsageInBothMonths_OneWarningNamingBoth()
    {
        var customer = CustomerWith(
            AccountBilledIn(new DateOnly(2027, 2, 1)),
            AccountBilledIn(new DateOnly(2027, 3, 1), "a-2", "210987654321"));

        var decision = RemovalPolicy.EvaluateCustomerRemoval(customer, Now);

        Assert.Single(decision.Warnings, w => w.Contains("had usage in March 2027 and February 2027.", StringComparison.Ordinal));
        Assert.Contains("2 of the customer's accounts", decision.DenialReason, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateCustomerRemoval_NowWithOffsetInNextMonthUtc_UsesUtcMonth()
    {
        // 31 March 2027 21:00 at -05:00 is 1 April 02:00 UTC: current month April, previous March.
        var now = new DateTimeOffset(2027, 3, 31, 21, 0, 0, TimeSpan.FromHours(-5));
        var customer = CustomerWith(AccountBilledIn(new DateOnly(2027, 2, 1)));

        var decision = RemovalPolicy.EvaluateCustomerRemoval(customer, now);

        Assert.DoesNotContain(decision.Warnings, w => w.Contains("had usage", StringComparison.Ordinal));
    }

    [Fact]
    public void EvaluateCustomerRemoval_NowWithOffsetStillPreviousMonthUtc_UsesUtcMonth()
    {
        // 1 April 2027 01:00 at +02:00 is 31 March 23:00 UTC: February is still the previous month.
        var now = new DateTimeOffset(2027, 4, 1, 1, 0, 0, TimeSpan.FromHours(2));
        var customer = CustomerWith(AccountBilledIn(new DateOnly(2027, 2, 1)));

        var decision = RemovalPolicy.EvaluateCustomerRemoval(customer, now);

        Assert.Contains(decision.Warnings, w => w.Contains("had usage in February 2027", StringComparison.Ordinal));
    }

    [Fact]
    public void EvaluateCustomerRemoval_OpenRequest_Denied()
    {
        var decision = RemovalPolicy.EvaluateCustomerRemoval(CustomerWith(), Now, new OpenRequestRef("R-C1", RemovalOption.RemoveCustomer));

        Assert.False(decision.IsAllowed);
        Assert.Contains("Request R-C1 (remove the customer) is already open", decision.DenialReason, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateCustomerRemoval_AlreadyRemoved_Denied()
    {
        var customer = CustomerWith();
        customer.MarkRemoved(ClosedAt);

        var decision = RemovalPolicy.EvaluateCustomerRemoval(customer, Now);

        Assert.False(decision.IsAllowed);
        Assert.Equal("Contoso Ltd was already removed.", decision.DenialReason);
    }

    // ---- Re-check at execution ----

    [Fact]
    public void Recheck_DeleteAfterBillingDataAppeared_Denied()
    {
        var account = TestData.Aws();
        Assert.True(RemovalPolicy.Recheck(RemovalOption.DeleteFromPlatform, account).IsAllowed);

        account.AddBillingRecord(new DateOnly(2027, 3, 1), 3.5m, "USD");
        var recheck = RemovalPolicy.Recheck(RemovalOption.DeleteFromPlatform, account);

        Assert.False(recheck.IsAllowed);
        Assert.Contains("1 month of billing data", recheck.DenialReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RemovalOption.AwsTransferOwnership, AccountOrigin.DistributorAssigned)]
    [InlineData(RemovalOption.AwsRemoveFromPayer, AccountOrigin.CustomerOwned)]
    [InlineData(RemovalOption.AwsSelfUnlink, AccountOrigin.CustomerOwned)]
    public void Recheck_AwsOptionWithBillingData_StillAllowed(RemovalOption option, AccountOrigin origin)
    {
        var recheck = RemovalPolicy.Recheck(option, TestData.Aws(origin, billedMonths: 3));

        Assert.True(recheck.IsAllowed);
        Assert.Equal(option, recheck.Option);
    }

    [Theory]
    [InlineData(RemovalOption.AzureTransferToCsp)]
    [InlineData(RemovalOption.AzureSuspend)]
    public void Recheck_AzureOption_MatchesEvaluate(RemovalOption option)
    {
        var account = TestData.Azure(billedMonths: 2);

        var evaluated = RemovalPolicy.EvaluateAccount(account).For(option)!;
        var recheck = RemovalPolicy.Recheck(option, account);

        Assert.Equal(evaluated with { Warnings = [] }, recheck with { Warnings = [] });
        Assert.Equal(evaluated.Warnings, recheck.Warnings);
    }

    [Fact]
    public void Recheck_AccountDepartedSinceRequest_Denied()
    {
        var account = TestData.Aws(AccountOrigin.CustomerOwned);
        account.MarkDeparted(ClosedAt);

        var recheck = RemovalPolicy.Recheck(RemovalOption.AwsRemoveFromPayer, account);

        Assert.False(recheck.IsAllowed);
        Assert.Contains("already left", recheck.DenialReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Recheck_DeletedInErrorForActiveAccount_Denied()
    {
        var recheck = RemovalPolicy.Recheck(RemovalOption.DeletedInErrorTicket, TestData.Aws());

        Assert.False(recheck.IsAllowed);
        Assert.Contains("Only an account that was deleted", recheck.DenialReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Recheck_OtherOpenRequest_Denied()
    {
        var recheck = RemovalPolicy.Recheck(RemovalOption.AwsSelfUnlink, TestData.Aws(AccountOrigin.CustomerOwned), Open);

        Assert.False(recheck.IsAllowed);
        Assert.Contains("R-OPEN01", recheck.DenialReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RemovalOption.AzureTransferToCsp, CloudProvider.Aws)]
    [InlineData(RemovalOption.AzureSuspend, CloudProvider.Aws)]
    [InlineData(RemovalOption.AwsTransferOwnership, CloudProvider.Azure)]
    [InlineData(RemovalOption.AwsRemoveFromPayer, CloudProvider.Azure)]
    [InlineData(RemovalOption.AwsSelfUnlink, CloudProvider.Azure)]
    public void Recheck_OptionOfTheOtherCloud_Denied(RemovalOption option, CloudProvider provider)
    {
        // A submission can carry any option (card data is echoed back); the policy must not allow one the account never had.
        var account = provider == CloudProvider.Aws ? TestData.Aws(AccountOrigin.DistributorAssigned) : TestData.Azure();

        var recheck = RemovalPolicy.Recheck(option, account);

        Assert.False(recheck.IsAllowed);
        Assert.Equal(option, recheck.Option);
        Assert.Contains(provider == CloudProvider.Aws ? "only for Azure subscriptions" : "only for AWS accounts", recheck.DenialReason, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AccountsWithoutBillingData))]
    public void Recheck_EveryOptionOfEvaluate_SameAllowance(CloudAccount account)
    {
        foreach (var option in RemovalPolicy.EvaluateAccount(account).Options)
        {
            var recheck = RemovalPolicy.Recheck(option.Option, account);

            Assert.Equal(option.IsAllowed, recheck.IsAllowed);
            Assert.Equal(option.DenialReason, recheck.DenialReason);
        }
    }

    [Fact]
    public void Recheck_RemoveCustomer_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RemovalPolicy.Recheck(RemovalOption.RemoveCustomer, TestData.Aws()));

    [Fact]
    public void EvaluateAccount_Null_Throws() =>
        Assert.Throws<ArgumentNullException>(() => RemovalPolicy.EvaluateAccount(null!));

    [Fact]
    public void EvaluateAccount_EveryOption_HasTitleAndExplanation()
    {
        foreach (var account in new[] { TestData.Aws(), TestData.Azure(), TestData.Aws(AccountOrigin.CustomerOwned, billedMonths: 1) })
        {
            Assert.All(RemovalPolicy.EvaluateAccount(account).Options, o =>
            {
                Assert.False(string.IsNullOrWhiteSpace(o.Title));
                Assert.False(string.IsNullOrWhiteSpace(o.Explanation));
                Assert.Equal(o.IsAllowed, o.DenialReason is null);
            });
        }
    }
}
