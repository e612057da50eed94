namespace SesBot.Core.Gateways.Aws;

/// <summary>What went wrong with an Organizations call, from the error's <c>__type</c> (or the transport).</summary>
public enum AwsErrorKind
{
    Unknown = 0,
    AccountNotFound,
    AccessDenied,
    AwsOrganizationsNotInUse,
    ConcurrentModification,
    TooManyRequests,
    MasterCannotLeaveOrganization,
    ConstraintViolation,
    InvalidInput,
    ResponsibilityTransferNotFound,

    /// <summary>The transfer cannot move to the asked status from the one it is in (e.g. ending one that was never accepted).</summary>
    InvalidResponsibilityTransferTransition,

    /// <summary>The transfer is already in the asked status (e.g. already withdrawn).</summary>
    ResponsibilityTransferAlreadyInStatus,

    /// <summary>The operation is not supported at the endpoint called (Billing Transfer operations need the payer's home endpoint).</summary>
    UnsupportedApiEndpoint,
    ServiceError,

    /// <summary>A change was sent but no answer came back (timeout, dropped connection, 5xx): it may or may not have happened.</summary>
    OutcomeUnknown,

    /// <summary>A read could not reach AWS (timeout or connection failure).</summary>
    Unreachable,

    /// <summary>No credentials could be resolved, or the role could not be assumed.</summary>
    CredentialsUnavailable,
}
