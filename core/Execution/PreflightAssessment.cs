using System.Globalization;
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
                new(PreflightSeverity.Blocker, $"Account {facts.AccountId} is not a member of the payer organization.",
                    "Check the account id in SES; if it has already left, complete the request by hand and note how it left."),
            ];
        }

        var findings = new List<PreflightFinding>();
        if (facts.DelegatedServices.Count > 0)
        {
            findings.Add(new(PreflightSeverity.Blocker,
                $"It is a delegated administrator for {string.Join(", ", facts.DelegatedServices)}.",
                AwsErrorTexts.ForConstraintReason("CANNOT_REMOVE_DELEGATED_ADMINISTRATOR_FROM_ORG").SupportText));
        }

        if (facts.JoinedMethod == AwsAccountFacts.Created && facts.JoinedAt is { } joined && now - joined < WaitPeriod)
        {
            findings.Add(new(PreflightSeverity.Blocker,
                string.Create(CultureInfo.InvariantCulture, $"It was created in the organization on {joined:d MMM yyyy HH:mm} UTC, less than 4 days ago."),
                string.Create(CultureInfo.InvariantCulture, $"AWS refuses until {joined + WaitPeriod:d MMM yyyy HH:mm} UTC (WAIT_PERIOD_ACTIVE); try again then.")));
        }

        if (account.Origin == AccountOrigin.CustomerOwned && facts.JoinedMethod == AwsAccountFacts.Created)
        {
            findings.Add(new(PreflightSeverity.Warning,
                "SES records it as customer-owned, but AWS says it was CREATED in the payer organization (which suggests a distributor-created account).",
                "Confirm the origin before removing: a distributor-created account goes through a transfer of ownership instead."));
        }
        else if (account.Origin == AccountOrigin.DistributorAssigned && facts.JoinedMethod == AwsAccountFacts.Invited)
        {
            findings.Add(new(PreflightSeverity.Warning,
                "SES records it as distributor-assigned, but AWS says it was INVITED (which suggests a customer's own account that was linked).",
                "Confirm the origin in SES before going on."));
        }

        if (facts.State is { } state && state != "ACTIVE")
        {
            findings.Add(new(PreflightSeverity.Warning, $"AWS reports its state as {state}."));
        }

        if (facts.Tags.Count > 0)
        {
            findings.Add(new(PreflightSeverity.Info, $"{facts.Tags.Count} tag(s); SesBot records them in the audit trail before removing (AWS deletes them)."));
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
            return [new(PreflightSeverity.Blocker, $"AWS knows no inbound billing transfer {known.Id}.", "Check the transfer id recorded in SES.")];
        }

        if (!transfer.IsRunning)
        {
            return [new(PreflightSeverity.Blocker, transfer.EndsAt is { } ends
                ? string.Create(CultureInfo.InvariantCulture, $"It has already been ended; it ends {ends.UtcDateTime:d MMM yyyy HH:mm:ss} UTC.")
                : $"Its status at AWS is {transfer.Status}, so it cannot be ended.")];
        }

        var findings = new List<PreflightFinding>
        {
            new(PreflightSeverity.Info, string.Create(CultureInfo.InvariantCulture,
                $"Ended now, it runs until {BillingTransferTerms.EndIfEndedAt(now).UtcDateTime:d MMM yyyy HH:mm:ss} UTC; this cannot be undone.")),
        };
        if (transfer.SourceManagementAccountId is { } source && source != known.SourceManagementAccountId)
        {
            findings.Add(new(PreflightSeverity.Warning, $"AWS names management account {source} as its source; SES records {known.SourceManagementAccountId}."));
        }

        return findings;
    }
}
