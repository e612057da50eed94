using System.Net;
using System.Text;
using System.Text.Json;

namespace SesBot.Core.Gateways.Azure;

/// <summary>Turning a Partner Center error answer into an exception whose message a support agent can act on.</summary>
public sealed partial class PartnerCenterClient
{
    private async Task<PartnerCenterException> ToExceptionAsync(CallIds ids, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var raw = await ReadBoundedAsync(response.Content, _options.MaxErrorBodyBytes, cancellationToken);
        var error = TryParse(raw);
        var code = error?.CodeText;
        var description = error?.Description;
        var status = (int)response.StatusCode;
        var retryAfter = response.StatusCode == HttpStatusCode.TooManyRequests ? PartnerCenterResilience.RetryAfter(response, _time) : null;
        Log.PartnerCenterFailed(_logger, ids.Operation, status, code, ids.CorrelationId);

        var said = string.IsNullOrWhiteSpace(description) ? string.Empty : GatewayTexts.S.Format("PartnerCenter.Said", description.Trim());
        var codeText = code is null ? string.Empty : $", code {code}";
        var reference = $" (HTTP {status}{codeText}; MS-CorrelationId {ids.CorrelationId})";
        var (kind, advice) = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => (PartnerCenterErrorKind.Authentication,
                GatewayTexts.S.Format("PartnerCenter.Unauthorized", ids.Subject)),
            HttpStatusCode.Forbidden => (PartnerCenterErrorKind.Forbidden,
                GatewayTexts.S.Format("PartnerCenter.Forbidden", ids.Subject)),
            HttpStatusCode.NotFound => (PartnerCenterErrorKind.NotFound,
                GatewayTexts.S.Format("PartnerCenter.NotFound", ids.Subject)),
            HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed => (PartnerCenterErrorKind.Conflict,
                GatewayTexts.S.Format("PartnerCenter.Conflict", ids.Subject)),
            HttpStatusCode.TooManyRequests => (PartnerCenterErrorKind.Throttled,
                GatewayTexts.S.Format("PartnerCenter.Throttled", ids.Subject, retryAfter is { } wait
                    ? GatewayTexts.S.Plural("PartnerCenter.Throttled.After", (long)Math.Ceiling(wait.TotalSeconds))
                    : GatewayTexts.S["PartnerCenter.Throttled.Minute"])),
            HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout when ids.IsChange => (PartnerCenterErrorKind.OutcomeUnknown,
                GatewayTexts.S.Format("PartnerCenter.GatewayNoAnswer", ids.Operation, ids.Subject, status)),
            >= HttpStatusCode.InternalServerError => (PartnerCenterErrorKind.ServiceError,
                GatewayTexts.S.Format("PartnerCenter.ServiceError", ids.Operation, ids.Subject,
                    GatewayTexts.S[ids.IsChange ? "PartnerCenter.ServiceError.Change" : "PartnerCenter.ServiceError.Read"])),
            _ => (PartnerCenterErrorKind.BadRequest,
                GatewayTexts.S.Format("PartnerCenter.Invalid", ids.Operation, ids.Subject)),
        };

        return new PartnerCenterException(kind, ids.Operation, advice + said + reference)
        {
            StatusCode = response.StatusCode,
            ErrorCode = code,
            Description = description,
            CorrelationId = ids.CorrelationId,
            RequestId = ids.RequestId,
            RetryAfter = retryAfter,
        };
    }

    private static PartnerCenterErrorBody? TryParse(string raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<PartnerCenterErrorBody>(raw, PartnerCenterJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<string> ReadBoundedAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[maxBytes];
        var total = 0;
        int read;
        while (total < maxBytes && (read = await stream.ReadAsync(buffer.AsMemory(total, maxBytes - total), cancellationToken)) > 0)
        {
            total += read;
        }

        return Encoding.UTF8.GetString(buffer, 0, total);
    }
}
