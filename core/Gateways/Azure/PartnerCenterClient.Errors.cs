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

        var said = string.IsNullOrWhiteSpace(description) ? string.Empty : $" Partner Center said: \"{description.Trim()}\"";
        var codeText = code is null ? string.Empty : $", code {code}";
        var reference = $" (HTTP {status}{codeText}; MS-CorrelationId {ids.CorrelationId})";
        var (kind, advice) = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => (PartnerCenterErrorKind.Authentication,
                $"Partner Center rejected SesBot's token when reading or changing {ids.Subject}. Check that the app registration is added to Partner Center "
                + "(Account settings → App management) and that PartnerCenter:TenantId is the partner's own tenant."),
            HttpStatusCode.Forbidden => (PartnerCenterErrorKind.Forbidden,
                $"Partner Center refused SesBot access to {ids.Subject}. The app needs the Admin agent role in Partner Center, "
                + "and the customer must have a reseller relationship with this partner."),
            HttpStatusCode.NotFound => (PartnerCenterErrorKind.NotFound,
                $"Partner Center has no {ids.Subject} for this partner. Check the customer's Microsoft ID (tenant id) and the "
                + "subscription id in Partner Center → Customers → the customer → Subscriptions."),
            HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed => (PartnerCenterErrorKind.Conflict,
                $"Partner Center refused to change {ids.Subject}: it changed meanwhile or its state does not allow this. "
                + "Read it again and decide from what it shows now."),
            HttpStatusCode.TooManyRequests => (PartnerCenterErrorKind.Throttled,
                $"Partner Center is throttling SesBot's requests for {ids.Subject} and they were not carried out. "
                + (retryAfter is { } wait ? $"Try again after {Math.Ceiling(wait.TotalSeconds)} seconds." : "Try again in a minute.")),
            HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout when ids.IsChange => (PartnerCenterErrorKind.OutcomeUnknown,
                $"A gateway in front of Partner Center answered {ids.Operation} for {ids.Subject} with {status}: the change may or may not "
                + "have been made, and it was not sent again. Read it again before trying again."),
            >= HttpStatusCode.InternalServerError => (PartnerCenterErrorKind.ServiceError,
                $"Partner Center failed on its side while handling {ids.Operation} for {ids.Subject}. "
                + (ids.IsChange
                    ? "Read it again to see whether the change was made; if the error persists, quote the correlation id to Microsoft support."
                    : "Nothing was changed; try again later.")),
            _ => (PartnerCenterErrorKind.BadRequest,
                $"Partner Center refused {ids.Operation} for {ids.Subject} as invalid."),
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
