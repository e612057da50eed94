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
    ServiceError,

    /// <summary>A change was sent but no answer came back (timeout, dropped connection, 5xx): it may or may not have happened.</summary>
    OutcomeUnknown,

    /// <summary>A read could not reach AWS (timeout or connection failure).</summary>
    Unreachable,

    /// <summary>No credentials could be resolved, or the role could not be assumed.</summary>
    CredentialsUnavailable,
}
