using System.Security.Cryptography;
using System.Text;
using SesBot.Core.Domain;
using SesBot.Core.Gateways.Aws;
using SesBot.Core.Gateways.Azure;

namespace SesBot.Core.Gateways.Simulated;

/// <summary>
/// How the simulated organization and Partner Center behave for the demo accounts (docs/aws.md lists them). Any other
/// SES account joins the simulation as an ordinary member: joined method from its origin (distributor-assigned:
/// CREATED, customer-owned: INVITED), joined when SES linked it, removable. A failure can be put on any simulated row
/// by setting its <c>Failure</c> column to one of <see cref="SimulatedFailureCodes"/>: in configuration
/// (<see cref="SimulationOptions"/>, applied at start by <see cref="SimulatedFailureSettings"/>) or by hand in the table.
/// </summary>
public static class SimulatedScenarios
{
    /// <summary>Removal is refused: AWS wants a payment method on the account (Litware Marketing).</summary>
    public const string PaymentInstrumentAccount = "789012345678";

    /// <summary>Removal is refused: phone verification missing (Woodgrove Core Banking).</summary>
    public const string PhoneVerificationAccount = "678901234567";

    /// <summary>A delegated administrator (GuardDuty): removal refused with CANNOT_REMOVE_DELEGATED_ADMINISTRATOR_FROM_ORG (Wingtip Sandbox).</summary>
    public const string DelegatedAdministratorAccount = "567890123456";

    /// <summary>Created in the organization a day before it was first looked at, though SES says customer-owned: WAIT_PERIOD_ACTIVE, and the origin mismatch is flagged (Adventure Works Data).</summary>
    public const string RecentlyCreatedAccount = "456789012345";

    /// <summary>Not a member of the payer organization at all (Contoso Lab).</summary>
    public const string NotMemberAccount = "210987654321";

    /// <summary>Partner Center refuses the suspension, 403 (Lucerne Trial).</summary>
    public const string ForbiddenSubscription = "7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d";

    /// <summary>Already suspended in Partner Center (Tailspin Dev/Test): nothing is sent.</summary>
    public const string SuspendedSubscription = "0b7e4d2c-1f3a-4b5c-8d9e-a1b2c3d4e5f6";

    /// <summary>
    /// The Microsoft Entra tenant under which the simulated Partner Center keeps the subscriptions of an SES customer: a
    /// GUID derived from the customer id (SHA-256, version 8 and RFC 9562 variant bits), the same on every machine. The demo
    /// data records these for its Azure customers; any other tenant gets the 404 the real API gives.
    /// </summary>
    public static string TenantOf(string customerId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes("sesbot-simulated-tenant:" + customerId), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString("D");
    }

    /// <summary>The values of <see cref="SimulatedAwsAccount.Failure"/> the simulation understands (<see cref="SimulatedFailureCodes.AwsAccount"/>).</summary>
    public static IReadOnlyList<string> AwsFailures => SimulatedFailureCodes.AwsAccount;

    /// <summary>A new simulated member for an SES account.</summary>
    public static SimulatedAwsAccount AwsMemberFor(CloudAccount account, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(account);
        var method = account.Origin == AccountOrigin.DistributorAssigned ? AwsAccountFacts.Created : AwsAccountFacts.Invited;
        var joined = account.LinkedAt;
        if (account.ExternalId == RecentlyCreatedAccount)
        {
            method = AwsAccountFacts.Created;
            joined = now.AddDays(-1);
        }

        var member = new SimulatedAwsAccount(account.ExternalId, account.DisplayName, method, joined)
        {
            // An account billed through AWS Billing Transfer stays in its own organization: never a member of the payer's.
            IsMember = account.ExternalId != NotMemberAccount && account.Origin != AccountOrigin.BillingTransfer,
            Tags = $"ses:account={account.Id}\nses:customer={account.CustomerId}",
            DelegatedServices = account.ExternalId == DelegatedAdministratorAccount ? "guardduty.amazonaws.com" : string.Empty,
            Failure = account.ExternalId switch
            {
                PaymentInstrumentAccount => "ConstraintViolation:MEMBER_ACCOUNT_PAYMENT_INSTRUMENT_REQUIRED",
                PhoneVerificationAccount => "ConstraintViolation:ACCOUNT_CANNOT_LEAVE_WITHOUT_PHONE_VERIFICATION",
                _ => null,
            },
        };
        return member;
    }

    public static SimulatedAzureSubscription AzureSubscriptionFor(CloudAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var status = account.ExternalId == SuspendedSubscription ? PartnerCenterSubscriptionStatus.Suspended : PartnerCenterSubscriptionStatus.Active;
        return new SimulatedAzureSubscription(account.ExternalId, "Azure plan", status)
        {
            Failure = account.ExternalId == ForbiddenSubscription ? nameof(PartnerCenterErrorKind.Forbidden) : null,
        };
    }

    /// <summary>
    /// A simulated inbound billing transfer for one SES records (<c>ACCEPTED</c> with SES's start and source); one SES
    /// records as ended was ended at AWS too (<c>WITHDRAWN</c> with that end).
    /// </summary>
    public static SimulatedBillingTransfer TransferFor(BillingTransfer known)
    {
        ArgumentNullException.ThrowIfNull(known);
        return new SimulatedBillingTransfer(known.Id, known.SourceManagementAccountId, known.StartedAt)
        {
            EndsAt = known.EndsAt,
            Status = known.EndsAt is null ? BillingTransferFacts.Accepted : BillingTransferFacts.Withdrawn,
        };
    }

    /// <summary>The typed error a failure code stands for.</summary>
    public static AwsOrganizationsError AwsError(string failure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(failure);
        var parts = failure.Split(':', 2);
        var reason = parts.Length == 2 ? parts[1] : null;
        var kind = Enum.TryParse<AwsErrorKind>(parts[0], ignoreCase: true, out var parsed) ? parsed : AwsErrorKind.Unknown;
        var code = kind switch
        {
            AwsErrorKind.AwsOrganizationsNotInUse => "AWSOrganizationsNotInUseException",
            AwsErrorKind.MasterCannotLeaveOrganization => "MasterCannotLeaveOrganizationException",
            AwsErrorKind.OutcomeUnknown => "OutcomeUnknown",
            _ => parts[0] + "Exception",
        };
        return new AwsOrganizationsError(kind, code, $"Simulated {code}{(reason is null ? string.Empty : $" ({reason})")}.", reason, 400);
    }
}
