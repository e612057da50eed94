using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SesBot.Core.Gateways.Aws;

/// <summary>The awsJson1_1 protocol as Organizations speaks it: content type, target header, error type parsing.</summary>
internal static class AwsJsonProtocol
{
    public const string ContentType = "application/x-amz-json-1.1";
    public const string TargetHeader = "X-Amz-Target";
    public const string TargetPrefix = "AWSOrganizationsV20161128.";
    public const string ErrorTypeHeader = "X-Amzn-ErrorType";
    public const string ThrottlingType = "TooManyRequestsException";
    public const string ServiceExceptionType = "ServiceException";

    public static readonly MediaTypeHeaderValue ContentTypeHeader = new(ContentType);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new EpochSecondsJsonConverter() },
    };

    /// <summary>The part before the first ':' and after the first '#': <c>aws.protocoltests#FooError:http://…</c> is <c>FooError</c>.</summary>
    public static string SanitizeErrorType(string raw)
    {
        var value = raw;
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            value = value[..colon];
        }

        var hash = value.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            value = value[(hash + 1)..];
        }

        return value.Trim();
    }

    /// <summary>Reads the error of a non-2xx response: the header first, then <c>__type</c>, then <c>code</c>.</summary>
    public static AwsOrganizationsError ParseError(int status, string? headerType, string body)
    {
        ErrorBody? parsed = null;
        if (!string.IsNullOrWhiteSpace(body))
        {
            try
            {
                parsed = JsonSerializer.Deserialize<ErrorBody>(body, Json);
            }
            catch (JsonException)
            {
                parsed = null;
            }
        }

        var rawType = !string.IsNullOrWhiteSpace(headerType) ? headerType : parsed?.Type ?? parsed?.Code;
        var code = string.IsNullOrWhiteSpace(rawType)
            ? status >= 500 ? ServiceExceptionType : $"Http{status}"
            : SanitizeErrorType(rawType);
        var message = parsed?.Message ?? parsed?.LowerMessage ?? $"HTTP {status} without an error message.";
        return new AwsOrganizationsError(KindOf(code, status), code, message, parsed?.Reason, status);
    }

    public static AwsErrorKind KindOf(string code, int status) => code switch
    {
        "AccountNotFoundException" => AwsErrorKind.AccountNotFound,
        "AccessDeniedException" => AwsErrorKind.AccessDenied,
        "AWSOrganizationsNotInUseException" => AwsErrorKind.AwsOrganizationsNotInUse,
        "ConcurrentModificationException" => AwsErrorKind.ConcurrentModification,
        ThrottlingType => AwsErrorKind.TooManyRequests,
        "MasterCannotLeaveOrganizationException" => AwsErrorKind.MasterCannotLeaveOrganization,
        "ConstraintViolationException" => AwsErrorKind.ConstraintViolation,
        "InvalidInputException" => AwsErrorKind.InvalidInput,
        "ResponsibilityTransferNotFoundException" => AwsErrorKind.ResponsibilityTransferNotFound,
        "InvalidResponsibilityTransferTransitionException" => AwsErrorKind.InvalidResponsibilityTransferTransition,
        "ResponsibilityTransferAlreadyInStatusException" => AwsErrorKind.ResponsibilityTransferAlreadyInStatus,
        "UnsupportedAPIEndpointException" => AwsErrorKind.UnsupportedApiEndpoint,
        ServiceExceptionType => AwsErrorKind.ServiceError,
        _ when status >= 500 => AwsErrorKind.ServiceError,
        _ => AwsErrorKind.Unknown,
    };
}
