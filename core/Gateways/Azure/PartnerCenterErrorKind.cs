namespace SesBot.Core.Gateways.Azure;

/// <summary>What went wrong with a Partner Center call, in the terms a support agent acts on.</summary>
public enum PartnerCenterErrorKind
{
    /// <summary>No token could be had, or Partner Center rejected it (401): the app registration or its consent.</summary>
    Authentication,

    /// <summary>403: the app may not do this (roles, API access, no reseller relationship with the customer).</summary>
    Forbidden,

    /// <summary>404: no such customer or subscription for this partner.</summary>
    NotFound,

    /// <summary>409/412, or a state that does not allow the change: read again before deciding.</summary>
    Conflict,

    /// <summary>429 after the retries allowed; <see cref="PartnerCenterException.RetryAfter"/> says how long to wait.</summary>
    Throttled,

    /// <summary>400 and other refusals of the request itself.</summary>
    BadRequest,

    /// <summary>5xx from Partner Center.</summary>
    ServiceError,

    /// <summary>A read got no answer (connection or timeout) after its retries.</summary>
    NoAnswer,

    /// <summary>A change was sent but no answer came: it may or may not have happened, and it was not sent again.</summary>
    OutcomeUnknown,

    /// <summary>Partner Center answered 2xx with a body SesBot cannot read.</summary>
    UnreadableAnswer,
}
