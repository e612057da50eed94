namespace SesBot.Core.Gateways.Aws;

/// <summary>
/// Turns an Organizations error into a text support can act on and a text for the end customer. Constraint
/// violations are explained by reason; an unknown reason is shown verbatim to support, generically to the customer.
/// </summary>
public static class AwsErrorTexts
{
    /// <summary>The end customer's text when they have nothing to fix themselves.</summary>
    public static string GenericCustomerText => GatewayTexts.S["Aws.Customer.Generic"];

    public static AwsErrorGuidance For(AwsOrganizationsError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Kind switch
        {
            AwsErrorKind.ConstraintViolation => ForConstraintReason(error.Reason, error.Message),
            AwsErrorKind.AccountNotFound => new(
                GatewayTexts.S["Aws.AccountNotFound"],
                GenericCustomerText),
            AwsErrorKind.AccessDenied => new(
                GatewayTexts.S["Aws.AccessDenied"],
                GenericCustomerText),
            AwsErrorKind.AwsOrganizationsNotInUse => new(
                GatewayTexts.S["Aws.NotInUse"],
                GenericCustomerText),
            AwsErrorKind.ConcurrentModification => new(
                GatewayTexts.S["Aws.ConcurrentModification"],
                GenericCustomerText),
            AwsErrorKind.TooManyRequests => new(
                GatewayTexts.S["Aws.TooManyRequests"],
                GenericCustomerText),
            AwsErrorKind.MasterCannotLeaveOrganization => new(
                GatewayTexts.S["Aws.MasterCannotLeave"],
                GenericCustomerText),
            AwsErrorKind.ResponsibilityTransferNotFound => new(
                GatewayTexts.S["Aws.TransferNotFound"],
                GenericCustomerText),
            AwsErrorKind.InvalidResponsibilityTransferTransition => new(
                GatewayTexts.S["Aws.TransferInvalidTransition"],
                GenericCustomerText),
            AwsErrorKind.ResponsibilityTransferAlreadyInStatus => new(
                GatewayTexts.S["Aws.TransferAlreadyInStatus"],
                GenericCustomerText),
            AwsErrorKind.UnsupportedApiEndpoint => new(
                GatewayTexts.S["Aws.UnsupportedEndpoint"],
                GenericCustomerText),
            AwsErrorKind.OutcomeUnknown => new(
                GatewayTexts.S["Aws.OutcomeUnknown"],
                GenericCustomerText),
            AwsErrorKind.CredentialsUnavailable => new(
                GatewayTexts.S["Aws.CredentialsUnavailable"],
                GenericCustomerText),
            AwsErrorKind.Unreachable => new(
                GatewayTexts.S["Aws.Unreachable"],
                GenericCustomerText),
            _ => new(GatewayTexts.S.Format("Aws.Unknown", error.Code, error.Message), GenericCustomerText),
        };
    }

    /// <summary>The texts for a <c>ConstraintViolationException</c> reason; unknown reasons go to support verbatim.</summary>
    public static AwsErrorGuidance ForConstraintReason(string? reason, string? awsMessage = null) => reason switch
    {
        "MEMBER_ACCOUNT_PAYMENT_INSTRUMENT_REQUIRED" => new(
            GatewayTexts.S["Aws.PaymentInstrument"],
            GatewayTexts.S["Aws.PaymentInstrument.Customer"]),
        "ACCOUNT_CANNOT_LEAVE_WITHOUT_PHONE_VERIFICATION" => new(
            GatewayTexts.S["Aws.PhoneVerification"],
            GatewayTexts.S["Aws.PhoneVerification.Customer"]),
        "ACCOUNT_CANNOT_LEAVE_WITHOUT_EULA" => new(
            GatewayTexts.S["Aws.Eula"],
            GatewayTexts.S["Aws.Eula.Customer"]),
        "WAIT_PERIOD_ACTIVE" => new(
            GatewayTexts.S["Aws.WaitPeriod"],
            GatewayTexts.S["Aws.WaitPeriod.Customer"]),
        "CANNOT_REMOVE_DELEGATED_ADMINISTRATOR_FROM_ORG" => new(
            GatewayTexts.S["Aws.DelegatedAdmin"],
            GatewayTexts.S["Aws.DelegatedAdmin.Customer"]),
        null or "" => new(GatewayTexts.S.Format("Aws.ConstraintNoReason", awsMessage), GenericCustomerText),
        _ => new(GatewayTexts.S.Format("Aws.ConstraintOther", reason, awsMessage), GenericCustomerText),
    };
}
