using SesBot.Core.Gateways.Aws;
using SesBot.Core.Tests.Gateways.Aws.Support;

namespace SesBot.Core.Tests.Gateways.Aws;

/// <summary>Each Organizations error type arrives typed, and constraint reasons become texts for support and the customer.</summary>
public sealed class AwsOrganizationsClientErrorTests
{
    public static TheoryData<string, AwsErrorKind> ErrorTypes => new()
    {
        { "AccountNotFoundException", AwsErrorKind.AccountNotFound },
        { "AccessDeniedException", AwsErrorKind.AccessDenied },
        { "AWSOrganizationsNotInUseException", AwsErrorKind.AwsOrganizationsNotInUse },
        { "ConcurrentModificationException", AwsErrorKind.ConcurrentModification },
        { "MasterCannotLeaveOrganizationException", AwsErrorKind.MasterCannotLeaveOrganization },
        { "ConstraintViolationException", AwsErrorKind.ConstraintViolation },
        { "InvalidInputException", AwsErrorKind.InvalidInput },
        { "SomethingNewException", AwsErrorKind.Unknown },
    };

    [Theory]
    [MemberData(nameof(ErrorTypes))]
    public async Task RemoveAccount_ErrorInTypeField_ThrowsTypedErrorWithoutRetry(string type, AwsErrorKind kind)
    {
        await using var harness = await OrganizationsHarness.StartAsync(OrganizationsHarness.Error(400, type, "AWS says no."));

        var ex = await Assert.ThrowsAsync<AwsOrganizationsException>(() => harness.Client.RemoveAccountFromOrganizationAsync("111122223333"));

        Assert.Equal(kind, ex.Kind);
        Assert.Equal(type, ex.Error.Code);
        Assert.Equal("AWS says no.", ex.Error.Message);
        Assert.Equal(400, ex.Error.HttpStatus);
        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task DescribeAccount_QualifiedTypeInField_SanitisedToShapeName()
    {
        await using var harness = await OrganizationsHarness.StartAsync(OrganizationsHarness.Error(
            400, "com.amazonaws.organizations.v20161128#AccountNotFoundException:http://internal.amazon.com/coral/", "gone"));

        var ex = await Assert.ThrowsAsync<AwsOrganizationsException>(() => harness.Client.DescribeAccountAsync("111122223333"));

        Assert.Equal(AwsErrorKind.AccountNotFound, ex.Kind);
        Assert.Equal("AccountNotFoundException", ex.Error.Code);
    }

    [Fact]
    public async Task DescribeAccount_TypeOnlyInHeader_ReadsHeader()
    {
        await using var harness = await OrganizationsHarness.StartAsync((_, context) =>
            AwsStandInServer.Json(context, 400, """{"message":"You don't have permissions."}""", "AccessDeniedException:http://internal.amazon.com/"));

        var ex = await Assert.ThrowsAsync<AwsOrganizationsException>(() => harness.Client.DescribeAccountAsync("111122223333"));

        Assert.Equal(AwsErrorKind.AccessDenied, ex.Kind);
        Assert.Equal("You don't have permissions.", ex.Error.Message);
    }

    public static TheoryData<string, string, string> Reasons => new()
    {
        { "MEMBER_ACCOUNT_PAYMENT_INSTRUMENT_REQUIRED", "payment method", "add a valid payment method" },
        { "ACCOUNT_CANNOT_LEAVE_WITHOUT_PHONE_VERIFICATION", "phone verification", "phone verification" },
        { "ACCOUNT_CANNOT_LEAVE_WITHOUT_EULA", "Customer Agreement", "AWS Customer Agreement" },
        { "WAIT_PERIOD_ACTIVE", "less than 4 days ago", "a few days after creation" },
        { "CANNOT_REMOVE_DELEGATED_ADMINISTRATOR_FROM_ORG", "delegated administrator", "administers services" },
    };

    [Theory]
    [MemberData(nameof(Reasons))]
    public async Task RemoveAccount_ConstraintViolationReason_ActionableSupportAndCustomerTexts(string reason, string support, string customer)
    {
        await using var harness = await OrganizationsHarness.StartAsync(OrganizationsHarness.Error(400, "ConstraintViolationException", "nope", reason));

        var ex = await Assert.ThrowsAsync<AwsOrganizationsException>(() => harness.Client.RemoveAccountFromOrganizationAsync("111122223333"));

        Assert.Equal(AwsErrorKind.ConstraintViolation, ex.Kind);
        Assert.Equal(reason, ex.Error.Reason);
        Assert.Contains(support, ex.Error.Guidance.SupportText, StringComparison.Ordinal);
        Assert.Contains(customer, ex.Error.Guidance.CustomerText, StringComparison.Ordinal);
        Assert.NotEqual(AwsErrorTexts.GenericCustomerText, ex.Error.Guidance.CustomerText);
    }

    [Fact]
    public async Task RemoveAccount_UnknownConstraintReason_VerbatimToSupportGenericToCustomer()
    {
        await using var harness = await OrganizationsHarness.StartAsync(
            OrganizationsHarness.Error(400, "ConstraintViolationException", "Some limit.", "BRAND_NEW_REASON"));

        var ex = await Assert.ThrowsAsync<AwsOrganizationsException>(() => harness.Client.RemoveAccountFromOrganizationAsync("111122223333"));

        Assert.Equal("AWS refused with constraint violation BRAND_NEW_REASON: Some limit.", ex.Error.Guidance.SupportText);
        Assert.Equal(AwsErrorTexts.GenericCustomerText, ex.Error.Guidance.CustomerText);
    }

    [Fact]
    public void Guidance_OutcomeUnknown_TellsSupportNotToResend()
    {
        var error = new AwsOrganizationsError(AwsErrorKind.OutcomeUnknown, "OutcomeUnknown", "no answer", null);

        Assert.Contains("Do NOT resend", error.Guidance.SupportText, StringComparison.Ordinal);
    }

    public static TheoryData<string, AwsErrorKind, string> TransferErrorTypes => new()
    {
        { "ResponsibilityTransferNotFoundException", AwsErrorKind.ResponsibilityTransferNotFound, "does not find this billing transfer" },
        { "InvalidResponsibilityTransferTransitionException", AwsErrorKind.InvalidResponsibilityTransferTransition, "not in a state that can be ended" },
        { "ResponsibilityTransferAlreadyInStatusException", AwsErrorKind.ResponsibilityTransferAlreadyInStatus, "already withdrawn" },
        { "UnsupportedAPIEndpointException", AwsErrorKind.UnsupportedApiEndpoint, "endpoint" },
        { "ConcurrentModificationException", AwsErrorKind.ConcurrentModification, "Retry in a few minutes" },
    };

    [Theory]
    [MemberData(nameof(TransferErrorTypes))]
    public async Task TerminateTransfer_TransferErrors_TypedWithSupportTextAndNotRetried(string type, AwsErrorKind kind, string support)
    {
        await using var harness = await OrganizationsHarness.StartAsync(OrganizationsHarness.Error(400, type, "AWS says no."));

        var ex = await Assert.ThrowsAsync<AwsOrganizationsException>(
            () => harness.Client.TerminateResponsibilityTransferAsync("rt-coho7x2k9m4q", DateTimeOffset.Parse("2026-12-31T23:59:59Z", System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(kind, ex.Kind);
        Assert.Equal(type, ex.Error.Code);
        Assert.Contains(support, ex.Error.Guidance.SupportText, StringComparison.Ordinal);
        Assert.Equal(AwsErrorTexts.GenericCustomerText, ex.Error.Guidance.CustomerText);
        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task ListInboundTransfers_QualifiedNotFoundType_Typed()
    {
        await using var harness = await OrganizationsHarness.StartAsync(OrganizationsHarness.Error(
            400, "com.amazonaws.organizations#ResponsibilityTransferNotFoundException:http://internal.amazon.com/coral/", "No such transfer."));

        var ex = await Assert.ThrowsAsync<AwsOrganizationsException>(() => harness.Client.ListInboundResponsibilityTransfersAsync());

        Assert.Equal(AwsErrorKind.ResponsibilityTransferNotFound, ex.Kind);
        Assert.Equal("ResponsibilityTransferNotFoundException", ex.Error.Code);
    }
}
