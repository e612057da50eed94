using System.Globalization;
using SesBot.Core.Domain;
using SesBot.Core.Execution;
using SesBot.Core.Gateways;
using SesBot.Core.Gateways.Aws;
using SesBot.Core.Localization;
using SesBot.Core.Tests.Localization;
using SesBot.Core.Tests.Support;

namespace SesBot.Core.Tests.Execution;

/// <summary>
/// The predictable failures of a removal from the payer organization, read from the pre-flight facts before anyone
/// clicks: each one with its severity and what to do, and nothing for a clean account.
/// </summary>
public sealed class PreflightAssessmentTests : IDisposable
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-12-04T12:00:00Z", CultureInfo.InvariantCulture);
    private readonly InCulture _english = new("en");

    public void Dispose() => _english.Dispose();

    [Fact]
    public void Assess_CleanInvitedCustomerOwnedMember_NoFindings()
    {
        var findings = PreflightAssessment.Assess(Owned(), Facts(), Now);

        Assert.Empty(findings);
    }

    [Fact]
    public void Assess_NotAMember_OnlyABlockerWithWhatToDo()
    {
        var finding = Assert.Single(PreflightAssessment.Assess(Owned(), AwsAccountFacts.NotMember(TestData.AwsNumber), Now));

        Assert.Equal(PreflightSeverity.Blocker, finding.Severity);
        Assert.Contains("not a member of the payer organization", finding.Text, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(finding.WhatToDo));
    }

    [Fact]
    public void Assess_DelegatedAdministrator_BlockerNamingTheServicesAndToDeregister()
    {
        var finding = Assert.Single(PreflightAssessment.Assess(Owned(), Facts() with { DelegatedServices = ["guardduty.amazonaws.com", "securityhub.amazonaws.com"] }, Now));

        Assert.Equal(PreflightSeverity.Blocker, finding.Severity);
        Assert.Contains("guardduty.amazonaws.com, securityhub.amazonaws.com", finding.Text, StringComparison.Ordinal);
        Assert.Contains("Deregister", finding.WhatToDo, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1, true)]
    [InlineData(-96 * 60 + 1, true)] // one minute short of four days
    [InlineData(-96 * 60, false)]    // four days: AWS allows it
    public void Assess_CreatedRecently_BlockerUntilFourDaysWithTheDateAwsAllowsIt(int minutesAgo, bool blocked)
    {
        var joined = Now.AddMinutes(minutesAgo);
        var findings = PreflightAssessment.Assess(Assigned(), Facts() with { JoinedMethod = AwsAccountFacts.Created, JoinedAt = joined }, Now);

        var wait = findings.Where(f => f.Severity == PreflightSeverity.Blocker).ToList();
        Assert.Equal(blocked, wait.Count == 1);
        if (blocked)
        {
            Assert.Contains("WAIT_PERIOD_ACTIVE", wait[0].WhatToDo, StringComparison.Ordinal);
            Assert.Contains(Formats.Instant(joined.AddDays(4)), wait[0].WhatToDo, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Assess_InvitedYesterday_NoWaitPeriod()
    {
        var findings = PreflightAssessment.Assess(Owned(), Facts() with { JoinedAt = Now.AddDays(-1) }, Now);

        Assert.Empty(findings);
    }

    [Fact]
    public void Assess_CustomerOwnedButCreated_WarnsThatItLooksDistributorCreated()
    {
        var finding = Assert.Single(PreflightAssessment.Assess(Owned(), Facts() with { JoinedMethod = AwsAccountFacts.Created }, Now));

        Assert.Equal(PreflightSeverity.Warning, finding.Severity);
        Assert.Contains("customer-owned", finding.Text, StringComparison.Ordinal);
        Assert.Contains("transfer of ownership", finding.WhatToDo, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_DistributorAssignedButInvited_WarnsThatItLooksLinked()
    {
        var finding = Assert.Single(PreflightAssessment.Assess(Assigned(), Facts(), Now));

        Assert.Equal(PreflightSeverity.Warning, finding.Severity);
        Assert.Contains("INVITED", finding.Text, StringComparison.Ordinal);
        Assert.NotNull(finding.WhatToDo);
    }

    [Fact]
    public void Assess_DistributorAssignedAndCreatedLongAgo_NoFindings()
    {
        Assert.Empty(PreflightAssessment.Assess(Assigned(), Facts() with { JoinedMethod = AwsAccountFacts.Created }, Now));
    }

    [Fact]
    public void Assess_SuspendedWithTags_StateWarningAndTagsRecordedFirst()
    {
        var findings = PreflightAssessment.Assess(Owned(), Facts() with { State = "SUSPENDED", Tags = [new AwsTag("cost-center", "4711")] }, Now);

        Assert.Equal([PreflightSeverity.Warning, PreflightSeverity.Info], findings.Select(f => f.Severity));
        Assert.Contains("SUSPENDED", findings[0].Text, StringComparison.Ordinal);
        Assert.Equal("1 tag; SesBot records it in the audit trail before removing (AWS deletes it).", findings[1].Text);
    }

    private static CloudAccount Owned() => TestData.Aws(AccountOrigin.CustomerOwned);

    private static CloudAccount Assigned() => TestData.Aws(AccountOrigin.DistributorAssigned);

    private static AwsAccountFacts Facts() =>
        new(TestData.AwsNumber, true, "ACTIVE", AwsAccountFacts.Invited, Now.AddYears(-1), [], []);
}
