using SesBot.Core.Localization;
using SesBot.Core.Domain;
using SesBot.Core.Gateways;
using SesBot.Core.Gateways.Aws;

namespace SesBot.Core.Execution;

/// <summary>
/// The predictable failures of a removal from the payer organization, read from the pre-flight facts (a pure
/// function): not a member, a delegated administrator, a created account inside AWS's four-day wait, and the origin
/// SES recorded disagreeing with how the account joined (CREATED suggests distributor-created, INVITED a linked one).
/// </summary>
public static class PreflightAssessment
{
    /// <summary>How long AWS keeps an account created in the organization from leaving it.</summary>
    public static readonly TimeSpan WaitPeriod = TimeSpan.FromDays(4);

    public static IReadOnlyList<PreflightFinding> Assess(CloudAccount account, AwsAccountFacts facts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(facts);
        if (!facts.IsMember)
        {
            return
            [
                new(PreflightSeverity.Blocker, ExecutionTexts.S.Format("Preflight.NotMember", facts.AccountId),
                    ExecutionTexts.S["Preflight.NotMember.Advice"]),
            ];
        }

        var findings = new List<PreflightFinding>();
        if (facts.DelegatedServices.Count > 0)
        {
            findings.Add(new(PreflightSeverity.Blocker,
                ExecutionTexts.S.Format("Preflight.DelegatedAdmin", string.Join(", ", facts.DelegatedServices)),
                AwsErrorTexts.ForConstraintReason("CANNOT_REMOVE_DELEGATED_ADMINISTRATOR_FROM_ORG").SupportText));
        }

        if (facts.JoinedMethod == AwsAccountFacts.Created && facts.JoinedAt is { } joined && now - joined < WaitPeriod)
        {
            findings.Add(new(PreflightSeverity.Blocker,
                ExecutionTexts.S.Format("Preflight.WaitPeriod", Formats.Instant(joined)),
                ExecutionTexts.S.Format("Preflight.WaitPeriod.Advice", Formats.Instant(joined + WaitPeriod))));
        }

        if (account.Origin == AccountOrigin.CustomerOwned && facts.JoinedMethod == AwsAccountFacts.Created)
        {
            findings.Add(new(PreflightSeverity.Warning,
                ExecutionTexts.S["Preflight.CreatedButCustomerOwned"],
                ExecutionTexts.S["Preflight.CreatedButCustomerOwned.Advice"]));
        }
        else if (account.Origin == AccountOrigin.DistributorAssigned && facts.JoinedMethod == AwsAccountFacts.Invited)
        {
            findings.Add(new(PreflightSeverity.Warning,
                ExecutionTexts.S["Preflight.InvitedButDistributorAssigned"],
                ExecutionTexts.S["Preflight.InvitedButDistributorAssigned.Advice"]));
        }

        if (facts.State is { } state && state != "ACTIVE")
        {
            findings.Add(new(PreflightSeverity.Warning, ExecutionTexts.S.Format("Preflight.State", state)));
        }

        if (facts.Tags.Count > 0)
        {
            findings.Add(new(PreflightSeverity.Info, ExecutionTexts.S.Plural("Preflight.Tags", facts.Tags.Count)));
        }

        return findings;
    }

    /// <summary>
    /// Whether ending the billing transfer SES records (<paramref name="known"/>) can work, from what AWS says about it
    /// (<paramref name="transfer"/>, null when AWS does not know it): it must be running, and should bill the same organization.
    /// </summary>
    public static IReadOnlyList<PreflightFinding> AssessTransfer(BillingTransfer known, BillingTransferFacts? transfer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(known);
        if (transfer is null)
        {
            return [new(PreflightSeverity.Blocker, ExecutionTexts.S.Format("Preflight.Transfer.Unknown", known.Id), ExecutionTexts.S["Preflight.Transfer.Unknown.Advice"])];
        }

        if (!transfer.IsRunning)
        {
            return [new(PreflightSeverity.Blocker, transfer.EndsAt is { } ends
                ? ExecutionTexts.S.Format("Preflight.Transfer.Ended", Formats.Second(ends))
                : ExecutionTexts.S.Format("Preflight.Transfer.NotRunning", transfer.Status))];
        }

        var findings = new List<PreflightFinding>
        {
            new(PreflightSeverity.Info, ExecutionTexts.S.Format("Preflight.Transfer.EndsIfNow", Formats.Second(BillingTransferTerms.EndIfEndedAt(now)))),
        };
        if (transfer.SourceManagementAccountId is { } source && source != known.SourceManagementAccountId)
        {
            findings.Add(new(PreflightSeverity.Warning, ExecutionTexts.S.Format("Preflight.Transfer.SourceDiffers", source, known.SourceManagementAccountId)));
        }

        return findings;
    }
}
