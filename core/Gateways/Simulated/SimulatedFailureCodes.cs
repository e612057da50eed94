using SesBot.Core.Gateways.Aws;
using SesBot.Core.Gateways.Azure;

namespace SesBot.Core.Gateways.Simulated;

/// <summary>
/// The values a simulated row's <c>Failure</c> column understands, per kind of row: what the simulated gateways turn into
/// the typed error of the real client (<see cref="SimulatedScenarios.AwsError"/>, <see cref="PartnerCenterErrorKind"/>).
/// One list each, used by the configuration (<see cref="SimulationOptions"/>), its warnings and docs/aws.md §6.
/// </summary>
public static class SimulatedFailureCodes
{
    /// <summary>The prefix of a refusal with a reason, e.g. <c>ConstraintViolation:ACCOUNT_CANNOT_LEAVE_WITHOUT_EULA</c>.</summary>
    public const string ConstraintViolationPrefix = nameof(AwsErrorKind.ConstraintViolation) + ":";

    /// <summary>Removal leaves the organization but its answer is lost (reconciliation settles it).</summary>
    public const string OutcomeUnknownAfterRemoval = nameof(OutcomeUnknownAfterRemoval);

    private static readonly string[] CommonAws =
    [
        nameof(AwsErrorKind.AccessDenied), nameof(AwsErrorKind.AwsOrganizationsNotInUse), nameof(AwsErrorKind.ConcurrentModification),
        nameof(AwsErrorKind.TooManyRequests),
    ];

    /// <summary>For a member account: read (the first two) or removal refused, or no answer.</summary>
    public static IReadOnlyList<string> AwsAccount { get; } =
    [
        .. CommonAws, nameof(AwsErrorKind.MasterCannotLeaveOrganization), ConstraintViolationPrefix + "<REASON>",
        nameof(AwsErrorKind.OutcomeUnknown), OutcomeUnknownAfterRemoval,
    ];

    /// <summary>For a billing transfer: ending it refused, or no answer.</summary>
    public static IReadOnlyList<string> BillingTransfer { get; } =
    [
        .. CommonAws, nameof(AwsErrorKind.ResponsibilityTransferNotFound), nameof(AwsErrorKind.InvalidResponsibilityTransferTransition),
        nameof(AwsErrorKind.ResponsibilityTransferAlreadyInStatus), nameof(AwsErrorKind.UnsupportedApiEndpoint),
        ConstraintViolationPrefix + "<REASON>", nameof(AwsErrorKind.OutcomeUnknown), SimulatedBillingTransferGateway.OutcomeUnknownAfterEnd,
    ];

    /// <summary>For an Azure subscription: the suspension refused with that kind.</summary>
    public static IReadOnlyList<string> AzureSubscription { get; } = Enum.GetNames<PartnerCenterErrorKind>();

    public static IReadOnlyList<string> For(SimulatedTarget target) => target switch
    {
        SimulatedTarget.AwsAccount => AwsAccount,
        SimulatedTarget.BillingTransfer => BillingTransfer,
        SimulatedTarget.AzureSubscription => AzureSubscription,
        _ => throw new ArgumentOutOfRangeException(nameof(target), target, null),
    };

    /// <summary>
    /// The code as the gateways compare it (names in their own spelling, a constraint reason in capitals), or false when
    /// this kind of row does not take it. Blanks around it are ignored; case is not significant.
    /// </summary>
    public static bool TryNormalize(SimulatedTarget target, string code, out string normalized)
    {
        ArgumentNullException.ThrowIfNull(code);
        normalized = string.Empty;
        var text = code.Trim();
        var codes = For(target);
        if (target != SimulatedTarget.AzureSubscription
            && text.StartsWith(ConstraintViolationPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var reason = text[ConstraintViolationPrefix.Length..].Trim();
            if (reason.Length == 0 || !reason.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }

            normalized = ConstraintViolationPrefix + reason.ToUpperInvariant();
            return true;
        }

        var match = codes.FirstOrDefault(c => !c.EndsWith('>') && string.Equals(c, text, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            return false;
        }

        normalized = match;
        return true;
    }
}
