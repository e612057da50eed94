namespace SesBot.Core.Gateways.Aws;

/// <summary>
/// Turns an Organizations error into a text support can act on and a text for the end customer. Constraint
/// violations are explained by reason; an unknown reason is shown verbatim to support, generically to the customer.
/// </summary>
public static class AwsErrorTexts
{
    public const string GenericCustomerText =
        "We could not complete the change to your AWS account yet. Our support team has been notified and will contact you.";

    public static AwsErrorGuidance For(AwsOrganizationsError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Kind switch
        {
            AwsErrorKind.ConstraintViolation => ForConstraintReason(error.Reason, error.Message),
            AwsErrorKind.AccountNotFound => new(
                "AWS does not find this account in the payer organization (wrong id, or it has already left). Check the account id and the organization.",
                GenericCustomerText),
            AwsErrorKind.AccessDenied => new(
                "The payer role SesBot uses lacks permission for this action (see docs/aws.md for the policy). Fix the IAM role, then retry.",
                GenericCustomerText),
            AwsErrorKind.AwsOrganizationsNotInUse => new(
                "The credentials SesBot uses are not in an AWS organization: Aws:RoleArn must point to a role in the payer (management) account.",
                GenericCustomerText),
            AwsErrorKind.ConcurrentModification => new(
                "Another change to the organization was in progress. Retry in a few minutes.",
                GenericCustomerText),
            AwsErrorKind.TooManyRequests => new(
                "AWS throttled the request even after retries. Retry in a few minutes.",
                GenericCustomerText),
            AwsErrorKind.MasterCannotLeaveOrganization => new(
                "This is the management (payer) account itself; it cannot be removed from its own organization.",
                GenericCustomerText),
            AwsErrorKind.ResponsibilityTransferNotFound => new(
                "AWS does not find this billing transfer among the payer's inbound transfers (wrong id, or it belongs to another payer). Check the transfer id in Billing and Cost Management > Billing transfer.",
                GenericCustomerText),
            AwsErrorKind.InvalidResponsibilityTransferTransition => new(
                "AWS refuses: the billing transfer is not in a state that can be ended (for example it was never accepted, or it was declined or cancelled). Check its status under inbound billing transfers.",
                GenericCustomerText),
            AwsErrorKind.ResponsibilityTransferAlreadyInStatus => new(
                "The billing transfer is already withdrawn at AWS: it ends at the end date AWS shows for it. Nothing more to do there; check that end date and record it.",
                GenericCustomerText),
            AwsErrorKind.UnsupportedApiEndpoint => new(
                "AWS does not support this operation at the endpoint SesBot called. Billing Transfer operations are called on the payer's Organizations endpoint (Aws:Endpoint, Aws:Region us-east-1).",
                GenericCustomerText),
            AwsErrorKind.OutcomeUnknown => new(
                "Outcome unknown: the request reached AWS but no answer came back. Do NOT resend; check the account in the AWS Organizations console (or DescribeAccount) first.",
                GenericCustomerText),
            AwsErrorKind.CredentialsUnavailable => new(
                "SesBot has no usable AWS credentials or could not assume its payer role. Check Aws:Profile / Aws:RoleArn / Aws:ExternalId and the role's trust policy (docs/aws.md).",
                GenericCustomerText),
            AwsErrorKind.Unreachable => new(
                "AWS Organizations could not be reached (network, proxy or endpoint). Nothing was changed; retry later.",
                GenericCustomerText),
            _ => new($"AWS Organizations error {error.Code}: {error.Message}", GenericCustomerText),
        };
    }

    /// <summary>The texts for a <c>ConstraintViolationException</c> reason; unknown reasons go to support verbatim.</summary>
    public static AwsErrorGuidance ForConstraintReason(string? reason, string? awsMessage = null) => reason switch
    {
        "MEMBER_ACCOUNT_PAYMENT_INSTRUMENT_REQUIRED" => new(
            "AWS refuses: the account has no valid payment method of its own. The customer must add a payment method (root user, Billing console) before it can leave the payer organization.",
            "Before your AWS account can be separated from our billing, please sign in as the root user, open Billing and Cost Management > Payment preferences, and add a valid payment method. Tell us when it is done."),
        "ACCOUNT_CANNOT_LEAVE_WITHOUT_PHONE_VERIFICATION" => new(
            "AWS refuses: the account lacks the information to stand alone. The customer must complete phone verification (root user) before it can leave.",
            "Before your AWS account can be separated from our billing, please sign in as the root user and complete the phone verification AWS asks for (Account settings > contact information). Tell us when it is done."),
        "ACCOUNT_CANNOT_LEAVE_WITHOUT_EULA" => new(
            "AWS refuses: the account has not accepted the AWS Customer Agreement. The customer must sign in as root and complete the account sign-up steps (accept the agreement) before it can leave.",
            "Before your AWS account can be separated from our billing, please sign in as the root user and finish the AWS sign-up steps, including accepting the AWS Customer Agreement. Tell us when it is done."),
        "WAIT_PERIOD_ACTIVE" => new(
            "AWS refuses: the account was created in the organization less than 4 days ago (invited accounts do not wait). Retry once the waiting period has passed.",
            "Your AWS account was created only recently; AWS allows it to be separated from our billing a few days after creation. We will complete the change then, nothing is needed from you."),
        "CANNOT_REMOVE_DELEGATED_ADMINISTRATOR_FROM_ORG" => new(
            "AWS refuses: the account is a delegated administrator for an AWS service in the organization. Deregister it (ListDelegatedServicesForAccount shows which services) before removing it.",
            "Your AWS account still administers services for our organization. We are removing that role first and will then complete the change; nothing is needed from you."),
        null or "" => new($"AWS refused with a constraint violation and no reason: {awsMessage}", GenericCustomerText),
        _ => new($"AWS refused with constraint violation {reason}: {awsMessage}", GenericCustomerText),
    };
}
