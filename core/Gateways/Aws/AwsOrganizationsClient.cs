using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Polly.Timeout;

namespace SesBot.Core.Gateways.Aws;

/// <summary>
/// AWS Organizations over its JSON 1.1 API (<c>POST /</c>, <c>X-Amz-Target: AWSOrganizationsV20161128.&lt;Op&gt;</c>),
/// signed with SigV4 by the client's handler. Failures throw <see cref="AwsOrganizationsException"/> with a typed
/// <see cref="AwsOrganizationsError"/>; a change that got no answer is <see cref="AwsErrorKind.OutcomeUnknown"/>.
/// Register with <see cref="AwsServiceCollectionExtensions.AddAwsOrganizations"/>.
/// </summary>
public sealed partial class AwsOrganizationsClient(HttpClient http, ILogger<AwsOrganizationsClient> logger)
{
    /// <summary>The largest page Organizations returns for the list operations SesBot uses.</summary>
    public const int MaxPageSize = 20;

    public const string BillingTransferType = "BILLING";

    public async Task<AwsOrganization> DescribeOrganizationAsync(CancellationToken cancellationToken = default)
    {
        var response = await SendAsync<EmptyRequest, DescribeOrganizationResponse>(
            AwsOperations.DescribeOrganization, new EmptyRequest(), cancellationToken).ConfigureAwait(false);
        return response.Organization ?? throw MissingMember(AwsOperations.DescribeOrganization, "Organization");
    }

    public async Task<AwsAccount> DescribeAccountAsync(string accountId, CancellationToken cancellationToken = default)
    {
        ValidateAccountId(accountId);
        var response = await SendAsync<AccountIdRequest, DescribeAccountResponse>(
            AwsOperations.DescribeAccount, new AccountIdRequest(accountId), cancellationToken).ConfigureAwait(false);
        return response.Account ?? throw MissingMember(AwsOperations.DescribeAccount, "Account");
    }

    /// <summary>Every account of the organization, page by page until <c>NextToken</c> is absent.</summary>
    public Task<IReadOnlyList<AwsAccount>> ListAccountsAsync(CancellationToken cancellationToken = default) =>
        ListAllAsync<PageRequest, AccountsPage, AwsAccount>(
            AwsOperations.ListAccounts, token => new PageRequest(token, MaxPageSize), cancellationToken);

    /// <summary>The tags of an account (or another resource), all pages.</summary>
    public Task<IReadOnlyList<AwsTag>> ListTagsForResourceAsync(string resourceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(resourceId);
        return ListAllAsync<TagsRequest, TagsPage, AwsTag>(
            AwsOperations.ListTagsForResource, token => new TagsRequest(resourceId, token), cancellationToken);
    }

    /// <summary>The services for which the account is a delegated administrator, all pages (empty: it is none).</summary>
    public Task<IReadOnlyList<AwsDelegatedService>> ListDelegatedServicesForAccountAsync(
        string accountId, CancellationToken cancellationToken = default)
    {
        ValidateAccountId(accountId);
        return ListAllAsync<AccountPageRequest, DelegatedServicesPage, AwsDelegatedService>(
            AwsOperations.ListDelegatedServicesForAccount, token => new AccountPageRequest(accountId, token, MaxPageSize), cancellationToken);
    }

    /// <summary>
    /// Removes a member account from the organization (effective at once). Sent once: throttling is retried, but a
    /// timeout, a dropped connection or a server error is reported as <see cref="AwsErrorKind.OutcomeUnknown"/>.
    /// </summary>
    public async Task RemoveAccountFromOrganizationAsync(string accountId, CancellationToken cancellationToken = default)
    {
        ValidateAccountId(accountId);
        await SendAsync<AccountIdRequest, EmptyResponse>(
            AwsOperations.RemoveAccountFromOrganization, new AccountIdRequest(accountId), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The billing transfers this organization has received (type BILLING), all pages.</summary>
    public Task<IReadOnlyList<AwsResponsibilityTransfer>> ListInboundResponsibilityTransfersAsync(CancellationToken cancellationToken = default) =>
        ListAllAsync<InboundTransfersRequest, TransfersPage, AwsResponsibilityTransfer>(
            AwsOperations.ListInboundResponsibilityTransfers,
            token => new InboundTransfersRequest(BillingTransferType, null, token, MaxPageSize),
            cancellationToken);

    /// <summary>
    /// One inbound billing transfer by its id (the pre-flight reads its status, start and end), asked with the
    /// <c>Id</c> filter, all pages; null when AWS does not know it (<c>ResponsibilityTransferNotFoundException</c> or no match).
    /// </summary>
    public async Task<AwsResponsibilityTransfer?> FindInboundBillingTransferAsync(string transferId, CancellationToken cancellationToken = default)
    {
        ValidateTransferId(transferId);
        try
        {
            var found = await ListAllAsync<InboundTransfersRequest, TransfersPage, AwsResponsibilityTransfer>(
                AwsOperations.ListInboundResponsibilityTransfers,
                token => new InboundTransfersRequest(BillingTransferType, transferId, token, MaxPageSize),
                cancellationToken).ConfigureAwait(false);
            return found.FirstOrDefault(t => string.Equals(t.Id, transferId, StringComparison.Ordinal));
        }
        catch (AwsOrganizationsException ex) when (ex.Kind == AwsErrorKind.ResponsibilityTransferNotFound)
        {
            return null;
        }
    }

    /// <summary>
    /// Ends a responsibility transfer. AWS ends a withdrawn transfer at 23:59:59 UTC on the last day of the month of
    /// <paramref name="endTimestamp"/> (see <see cref="SesBot.Core.Domain.BillingTransferTerms"/>; AWS's default when
    /// null), sent as epoch seconds. Sent once, like Remove: an ambiguous failure is <see cref="AwsErrorKind.OutcomeUnknown"/>.
    /// </summary>
    public async Task<AwsResponsibilityTransfer> TerminateResponsibilityTransferAsync(
        string transferId, DateTimeOffset? endTimestamp, CancellationToken cancellationToken = default)
    {
        ValidateTransferId(transferId);
        var response = await SendAsync<TerminateTransferRequest, TransferResponse>(
            AwsOperations.TerminateResponsibilityTransfer, new TerminateTransferRequest(transferId, endTimestamp), cancellationToken)
            .ConfigureAwait(false);
        return response.ResponsibilityTransfer ?? throw MissingMember(AwsOperations.TerminateResponsibilityTransfer, "ResponsibilityTransfer");
    }

    [GeneratedRegex("^\\d{12}$")]
    private static partial Regex AccountIdPattern();

    private static void ValidateAccountId(string accountId)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        if (!AccountIdPattern().IsMatch(accountId))
        {
            throw new ArgumentException("An AWS account id is exactly 12 digits.", nameof(accountId));
        }
    }

    private static void ValidateTransferId(string transferId)
    {
        ArgumentNullException.ThrowIfNull(transferId);
        if (!SesBot.Core.Domain.BillingTransferTerms.IsTransferId(transferId))
        {
            throw new ArgumentException("An AWS transfer id is rt- followed by 8 to 32 lower-case letters or digits.", nameof(transferId));
        }
    }

    private static AwsOrganizationsException MissingMember(string operation, string member) =>
        new(new AwsOrganizationsError(AwsErrorKind.Unknown, "MalformedResponse", $"{operation} answered without {member}.", null));

    private async Task<IReadOnlyList<TItem>> ListAllAsync<TRequest, TPage, TItem>(
        string operation, Func<string?, TRequest> request, CancellationToken cancellationToken)
        where TPage : IPage<TItem>
    {
        var items = new List<TItem>();
        string? token = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        do
        {
            var page = await SendAsync<TRequest, TPage>(operation, request(token), cancellationToken).ConfigureAwait(false);
            items.AddRange(page.Items ?? []);
            token = string.IsNullOrEmpty(page.NextToken) ? null : page.NextToken;
            if (token is not null && !seen.Add(token))
            {
                throw new AwsOrganizationsException(new AwsOrganizationsError(
                    AwsErrorKind.Unknown, "PagingLoop", $"{operation} returned the same NextToken twice.", null));
            }
        }
        while (token is not null);

        return items;
    }

    private async Task<TResponse> SendAsync<TRequest, TResponse>(string operation, TRequest body, CancellationToken cancellationToken)
    {
        var change = AwsOperations.IsChange(operation);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, AwsJsonProtocol.Json)),
        };
        request.Content.Headers.ContentType = AwsJsonProtocol.ContentTypeHeader;
        request.Headers.TryAddWithoutValidation(AwsJsonProtocol.TargetHeader, AwsJsonProtocol.TargetPrefix + operation);

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
        {
            // Nothing reached AWS: safe to report as unreachable, even for a change.
            throw Failure(operation, AwsErrorKind.Unreachable, "Unreachable", $"Could not connect to AWS Organizations: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw change
                ? Failure(operation, AwsErrorKind.OutcomeUnknown, "OutcomeUnknown",
                    $"{operation} was sent but no answer came back ({ex.GetType().Name}); it may or may not have happened.", ex)
                : Failure(operation, AwsErrorKind.Unreachable, "Unreachable", $"No answer from AWS Organizations ({ex.GetType().Name}).", ex);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return JsonSerializer.Deserialize<TResponse>(string.IsNullOrWhiteSpace(text) ? "{}" : text, AwsJsonProtocol.Json)
                    ?? throw MissingMember(operation, "a body");
            }

            var headerType = response.Headers.TryGetValues(AwsJsonProtocol.ErrorTypeHeader, out var values) ? values.FirstOrDefault() : null;
            var error = AwsJsonProtocol.ParseError((int)response.StatusCode, headerType, text);
            if (change && error.Kind == AwsErrorKind.ServiceError)
            {
                error = error with
                {
                    Kind = AwsErrorKind.OutcomeUnknown,
                    Message = $"{operation} answered {error.Code} (HTTP {error.HttpStatus}); it may or may not have happened: {error.Message}",
                };
            }

            Log.AwsCallFailed(logger, operation, error.Code, error.Reason, error.HttpStatus);
            throw new AwsOrganizationsException(error);
        }
    }

    private AwsOrganizationsException Failure(string operation, AwsErrorKind kind, string code, string message, Exception inner)
    {
        Log.AwsCallFailed(logger, operation, code, null, null);
        return new AwsOrganizationsException(new AwsOrganizationsError(kind, code, message, null), inner);
    }
}
