using System.Net;

namespace SesBot.Core.Gateways.Aws;

/// <summary>
/// Which answers are retried: throttling (<c>TooManyRequestsException</c>) for every operation; a server error
/// (5xx or <c>ServiceException</c>) only for reads. Exceptions (timeouts, dropped connections) are never retried here,
/// so a change is never replayed after an ambiguous failure.
/// </summary>
internal static class AwsRetryPolicy
{
    public static async ValueTask<string?> RetryCauseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return null;
        }

        var type = await ErrorTypeAsync(response, cancellationToken).ConfigureAwait(false);
        if (type == AwsJsonProtocol.ThrottlingType || response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return AwsJsonProtocol.ThrottlingType;
        }

        var serverError = (int)response.StatusCode >= 500 || type == AwsJsonProtocol.ServiceExceptionType;
        return serverError && !AwsOperations.IsChange(OperationOf(response.RequestMessage)) ? type ?? $"HTTP {(int)response.StatusCode}" : null;
    }

    public static string OperationOf(HttpRequestMessage? request) =>
        request is not null && request.Headers.TryGetValues(AwsJsonProtocol.TargetHeader, out var values)
            ? values.First().Replace(AwsJsonProtocol.TargetPrefix, string.Empty, StringComparison.Ordinal)
            : "unknown";

    private static async ValueTask<string?> ErrorTypeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Headers.TryGetValues(AwsJsonProtocol.ErrorTypeHeader, out var values))
        {
            return AwsJsonProtocol.SanitizeErrorType(values.First());
        }

        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var error = AwsJsonProtocol.ParseError((int)response.StatusCode, null, body);
        return error.Code;
    }
}
