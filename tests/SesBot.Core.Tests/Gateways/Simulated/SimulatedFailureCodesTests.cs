using SesBot.Core.Gateways.Azure;
using SesBot.Core.Gateways.Simulated;

namespace SesBot.Core.Tests.Gateways.Simulated;

/// <summary>
/// The failure codes a simulated row takes: configuration is forgiving about case and blanks but stores the spelling
/// the gateways compare, refuses what that kind of row cannot produce, and docs/aws.md §6 names every code.
/// </summary>
public sealed class SimulatedFailureCodesTests
{
    [Theory]
    [InlineData(SimulatedTarget.AwsAccount, "accessdenied", "AccessDenied")]
    [InlineData(SimulatedTarget.AwsAccount, " OutcomeUnknownAfterRemoval ", "OutcomeUnknownAfterRemoval")]
    [InlineData(SimulatedTarget.AwsAccount, "constraintViolation: account_cannot_leave_without_eula", "ConstraintViolation:ACCOUNT_CANNOT_LEAVE_WITHOUT_EULA")]
    [InlineData(SimulatedTarget.BillingTransfer, "outcomeunknownafterend", "OutcomeUnknownAfterEnd")]
    [InlineData(SimulatedTarget.BillingTransfer, "UNSUPPORTEDAPIENDPOINT", "UnsupportedApiEndpoint")]
    [InlineData(SimulatedTarget.AzureSubscription, "throttled", "Throttled")]
    public void TryNormalize_CodeThisRowTakes_StoredInTheGatewaysSpelling(SimulatedTarget target, string code, string expected)
    {
        Assert.True(SimulatedFailureCodes.TryNormalize(target, code, out var normalized));
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData(SimulatedTarget.AwsAccount, "NoSuchError")]
    [InlineData(SimulatedTarget.AwsAccount, "Throttled")] // a Partner Center kind
    [InlineData(SimulatedTarget.AwsAccount, "OutcomeUnknownAfterEnd")] // a transfer's
    [InlineData(SimulatedTarget.AwsAccount, "ResponsibilityTransferNotFound")]
    [InlineData(SimulatedTarget.AwsAccount, "ConstraintViolation:")]
    [InlineData(SimulatedTarget.AwsAccount, "ConstraintViolation:NOT A REASON")]
    [InlineData(SimulatedTarget.AwsAccount, "ConstraintViolation:<REASON>")]
    [InlineData(SimulatedTarget.AwsAccount, "ConstraintViolation")]
    [InlineData(SimulatedTarget.BillingTransfer, "OutcomeUnknownAfterRemoval")]
    [InlineData(SimulatedTarget.BillingTransfer, "MasterCannotLeaveOrganization")]
    [InlineData(SimulatedTarget.AzureSubscription, "AccessDenied")]
    [InlineData(SimulatedTarget.AzureSubscription, "ConstraintViolation:WAIT_PERIOD_ACTIVE")]
    [InlineData(SimulatedTarget.AzureSubscription, "1")] // an enum number is not a kind's name
    public void TryNormalize_CodeThisRowCannotProduce_Refused(SimulatedTarget target, string code) =>
        Assert.False(SimulatedFailureCodes.TryNormalize(target, code, out _));

    [Fact]
    public void AzureSubscription_EveryPartnerCenterErrorKind() =>
        Assert.Equal(Enum.GetNames<PartnerCenterErrorKind>(), SimulatedFailureCodes.AzureSubscription);

    [Fact]
    public void Docs_AwsMdSection6_NamesEveryCodeOfEveryKindOfRow()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "aws.md"));
        var section = text[text.IndexOf("## 6. The simulated organization", StringComparison.Ordinal)..];

        foreach (var code in Enum.GetValues<SimulatedTarget>().SelectMany(SimulatedFailureCodes.For).Distinct())
        {
            Assert.Contains($"`{code}`", section, StringComparison.Ordinal);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SesBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SesBot.sln not found above the test output.");
    }
}
