using System.Net;

namespace SesBot.Core.Gateways.Azure;

/// <summary>A Partner Center call failed; <see cref="Exception.Message"/> says what a support agent can do about it.</summary>
public sealed class PartnerCenterException : Exception
{
    public PartnerCenterException()
    {
    }

    public PartnerCenterException(string message)
        : base(message)
    {
    }

    public PartnerCenterException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PartnerCenterException(PartnerCenterErrorKind kind, string operation, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        Operation = operation;
    }

    public PartnerCenterErrorKind Kind { get; init; } = PartnerCenterErrorKind.ServiceError;

    /// <summary>Which call failed, e.g. <c>GetSubscription</c>.</summary>
    public string? Operation { get; init; }

    /// <summary>The HTTP status; <see langword="null"/> when no answer came.</summary>
    public HttpStatusCode? StatusCode { get; init; }

    /// <summary>Partner Center's error <c>code</c> from the body, e.g. <c>800002</c>.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>Partner Center's error <c>description</c>.</summary>
    public string? Description { get; init; }

    /// <summary>The <c>MS-CorrelationId</c> of the call: quote it to Microsoft support.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>The <c>MS-RequestId</c> of the call.</summary>
    public string? RequestId { get; init; }

    /// <summary>For <see cref="PartnerCenterErrorKind.Throttled"/>: the wait Partner Center asked for, when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>A change was sent and got no answer; it was not replayed. Read the resource to learn what happened.</summary>
    public bool IsOutcomeUnknown => Kind == PartnerCenterErrorKind.OutcomeUnknown;
}
