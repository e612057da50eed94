using Microsoft.Extensions.Logging;

namespace SesBot.Core;

/// <summary>8000–8099: the Partner Center client (core/Gateways/Azure). Never log a token, a secret or a body.</summary>
internal static partial class Log
{
    [LoggerMessage(8001, LogLevel.Warning, "Partner Center {Operation} got {Cause}; retry {Attempt} in {Delay}")]
    public static partial void PartnerCenterRetrying(ILogger logger, string operation, string? cause, int attempt, TimeSpan delay);

    [LoggerMessage(8002, LogLevel.Warning, "Partner Center {Operation} failed with {Status} code {ErrorCode} (MS-CorrelationId {CorrelationId})")]
    public static partial void PartnerCenterFailed(ILogger logger, string operation, int status, string? errorCode, string correlationId);

    [LoggerMessage(8003, LogLevel.Warning, "Partner Center {Operation} got no answer ({Exception}); a change: {IsChange}, not replayed (MS-CorrelationId {CorrelationId})")]
    public static partial void PartnerCenterNoAnswer(ILogger logger, string operation, string exception, bool isChange, string correlationId);

    [LoggerMessage(8004, LogLevel.Error, "Partner Center answered {Operation} with a body that cannot be read (MS-CorrelationId {CorrelationId})")]
    public static partial void PartnerCenterUnreadable(ILogger logger, string operation, string correlationId);

    [LoggerMessage(8005, LogLevel.Error, "No Partner Center token: {ExceptionType}: {Reason}")]
    public static partial void PartnerCenterTokenFailed(ILogger logger, string exceptionType, string reason);

    [LoggerMessage(8010, LogLevel.Information, "Subscription {SubscriptionId} of customer {CustomerId} is suspended, confirmed by reading it back (after an unanswered PATCH: {AfterNoAnswer})")]
    public static partial void SubscriptionSuspended(ILogger logger, string subscriptionId, string customerId, bool afterNoAnswer);

    [LoggerMessage(8011, LogLevel.Information, "Subscription {SubscriptionId} of customer {CustomerId} was already suspended; nothing sent")]
    public static partial void SubscriptionAlreadySuspended(ILogger logger, string subscriptionId, string customerId);

    [LoggerMessage(8012, LogLevel.Warning, "The suspension PATCH of subscription {SubscriptionId} of customer {CustomerId} got no answer; outcome unknown, reading it back (MS-CorrelationId {CorrelationId})")]
    public static partial void SuspensionOutcomeUnknown(ILogger logger, string subscriptionId, string customerId, string? correlationId);

    [LoggerMessage(8013, LogLevel.Warning, "Partner Center accepted the suspension of subscription {SubscriptionId} of customer {CustomerId}, but it reads back as {Status}")]
    public static partial void SuspensionNotConfirmed(ILogger logger, string subscriptionId, string customerId, string? status);
}
