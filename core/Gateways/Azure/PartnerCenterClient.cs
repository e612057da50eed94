using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace SesBot.Core.Gateways.Azure;

/// <summary>
/// The Partner Center REST client (FACTS §E): a typed <see cref="HttpClient"/> whose handlers add the retry pipeline
/// (<see cref="PartnerCenterResilience"/>) and the Entra ID bearer token (<see cref="PartnerCenterAuthorizationHandler"/>).
/// Every call carries a fresh <c>MS-CorrelationId</c> and <c>MS-RequestId</c> (kept across the retries of that call),
/// <c>MS-Contract-Version: v1</c> and <c>Accept: application/json</c>.
/// </summary>
public sealed partial class PartnerCenterClient
{
    public const string RequestIdHeader = "MS-RequestId";
    public const string CorrelationIdHeader = "MS-CorrelationId";
    public const string ContractVersionHeader = "MS-Contract-Version";
    public const string ApplicationHeader = "MS-PartnerCenter-Application";

    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _http;
    private readonly PartnerCenterOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<PartnerCenterClient> _logger;

    public PartnerCenterClient(HttpClient http, IOptions<PartnerCenterOptions> options, TimeProvider time, ILogger<PartnerCenterClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary><c>GET /v1/customers/{customer-tenant-id}/subscriptions/{id-for-subscription}</c>.</summary>
    public Task<PartnerCenterSubscription> GetSubscriptionAsync(string customerTenantId, string subscriptionId, CancellationToken cancellationToken = default) =>
        SendAsync<PartnerCenterSubscription>(
            "GetSubscription", HttpMethod.Get, SubscriptionPath(customerTenantId, subscriptionId), SubscriptionSubject(customerTenantId, subscriptionId), null, cancellationToken);

    /// <summary><c>GET /v1/customers/{customer-tenant-id}/subscriptions</c>: all of a customer's subscriptions.</summary>
    public Task<PartnerCenterCollection<PartnerCenterSubscription>> ListSubscriptionsAsync(string customerTenantId, CancellationToken cancellationToken = default) =>
        SendAsync<PartnerCenterCollection<PartnerCenterSubscription>>(
            "ListSubscriptions", HttpMethod.Get, $"v1/customers/{Id(customerTenantId, nameof(customerTenantId))}/subscriptions", $"the subscriptions of customer {customerTenantId}", null, cancellationToken);

    /// <summary><c>GET /v1/customers?size={size}</c>: the first page of the partner's customers (a cheap read for a check).</summary>
    public Task<PartnerCenterCollection<PartnerCenterCustomer>> ListCustomersAsync(int size, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, 500);
        return SendAsync<PartnerCenterCollection<PartnerCenterCustomer>>(
            "ListCustomers", HttpMethod.Get, "v1/customers?size=" + size.ToString(CultureInfo.InvariantCulture), GatewayTexts.S["PartnerCenter.Subject.Customers"], null, cancellationToken);
    }

    /// <summary>
    /// <c>PATCH /v1/customers/{customer-tenant-id}/subscriptions/{id}</c> with the full resource. Retried only when
    /// throttled; a PATCH that gets no answer, or a 502/504 from a gateway, throws <see cref="PartnerCenterErrorKind.OutcomeUnknown"/>
    /// and is not replayed.
    /// </summary>
    public Task<PartnerCenterSubscription> UpdateSubscriptionAsync(string customerTenantId, PartnerCenterSubscription subscription, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var id = subscription.Id ?? throw new ArgumentException("The subscription has no id.", nameof(subscription));
        return SendAsync<PartnerCenterSubscription>(
            "UpdateSubscription", HttpMethod.Patch, SubscriptionPath(customerTenantId, id), SubscriptionSubject(customerTenantId, id), subscription, cancellationToken);
    }

    private static string SubscriptionSubject(string customerTenantId, string subscriptionId) =>
        GatewayTexts.S.Format("PartnerCenter.Subject.Subscription", subscriptionId, customerTenantId);

    private static string SubscriptionPath(string customerTenantId, string subscriptionId) =>
        $"v1/customers/{Id(customerTenantId, nameof(customerTenantId))}/subscriptions/{Id(subscriptionId, nameof(subscriptionId))}";

    /// <summary>Partner Center ids here are GUIDs; anything else is refused before a call is made.</summary>
    private static string Id(string value, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, name);
        if (!Guid.TryParse(value, out var guid))
        {
            throw new ArgumentException($"'{value}' is not a Partner Center id (a GUID).", name);
        }

        return guid.ToString("D");
    }

    private async Task<T> SendAsync<T>(string operation, HttpMethod method, string relativePath, string subject, object? body, CancellationToken cancellationToken)
        where T : class
    {
        var requestId = Guid.NewGuid().ToString("D");
        var correlationId = Guid.NewGuid().ToString("D");
        using var request = new HttpRequestMessage(method, new Uri(_options.EndpointUri, relativePath));
        request.Options.Set(PartnerCenterResilience.OperationKey, operation);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Add(RequestIdHeader, requestId);
        request.Headers.Add(CorrelationIdHeader, correlationId);
        request.Headers.Add(ContractVersionHeader, "v1");
        request.Headers.Add(ApplicationHeader, "SesBot");
        if (body is not null)
        {
            // Buffered, so a throttled PATCH re-sends the same bytes with a Content-Length.
            var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), PartnerCenterJson.Options));
            content.Headers.ContentType = JsonMediaType;
            request.Content = content;
        }

        var ids = new CallIds(operation, subject, requestId, correlationId, method != HttpMethod.Get && method != HttpMethod.Head);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (Exception ex) when ((ex is HttpRequestException or TimeoutRejectedException or IOException) && !cancellationToken.IsCancellationRequested)
        {
            throw NoAnswer(ids, ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw await ToExceptionAsync(ids, response, cancellationToken);
            }

            try
            {
                var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                return JsonSerializer.Deserialize<T>(bytes, PartnerCenterJson.Options)
                    ?? throw new JsonException("The answer was JSON null.");
            }
            catch (JsonException ex)
            {
                Log.PartnerCenterUnreadable(_logger, operation, correlationId);
                throw new PartnerCenterException(
                    PartnerCenterErrorKind.UnreadableAnswer,
                    operation,
                    GatewayTexts.S.Format("PartnerCenter.Unreadable", operation, (int)response.StatusCode, ex.Message, correlationId),
                    ex)
                {
                    StatusCode = response.StatusCode,
                    CorrelationId = correlationId,
                    RequestId = requestId,
                };
            }
            catch (Exception ex) when ((ex is HttpRequestException or IOException) && !cancellationToken.IsCancellationRequested)
            {
                // The status line came but the body was cut: for a change, the status already says it happened.
                throw NoAnswer(ids, ex);
            }
        }
    }

    private PartnerCenterException NoAnswer(CallIds ids, Exception ex)
    {
        var change = ids.IsChange;
        Log.PartnerCenterNoAnswer(_logger, ids.Operation, ex.GetType().Name, change, ids.CorrelationId);
        return change
            ? new PartnerCenterException(
                PartnerCenterErrorKind.OutcomeUnknown,
                ids.Operation,
                GatewayTexts.S.Format("PartnerCenter.NoAnswer.Change", ids.Operation, ids.Subject, ex.GetType().Name, ids.CorrelationId),
                ex)
            { CorrelationId = ids.CorrelationId, RequestId = ids.RequestId }
            : new PartnerCenterException(
                PartnerCenterErrorKind.NoAnswer,
                ids.Operation,
                GatewayTexts.S.Format("PartnerCenter.NoAnswer.Read", ids.Operation, ids.Subject, _options.MaxRetryAttempts + 1, ex.GetType().Name, _options.EndpointUri.Host, ids.CorrelationId),
                ex)
            { CorrelationId = ids.CorrelationId, RequestId = ids.RequestId };
    }

    /// <summary>The ids a failed call is reported with.</summary>
    private sealed record CallIds(string Operation, string Subject, string RequestId, string CorrelationId, bool IsChange);
}
