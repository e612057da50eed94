using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Polly.Timeout;
using SesBot.Bot.Channels.Teams.Protocol;

namespace SesBot.Bot.Channels.Teams.Connector;

/// <summary>
/// The Bot Connector REST client: a typed <see cref="HttpClient"/> whose handlers add the retry pipeline
/// (<see cref="ConnectorResilience"/>) and the bearer token (<see cref="BotAuthorizationHandler"/>).
/// Each call is addressed to the conversation's own serviceUrl; path segments are URL-escaped.
/// </summary>
public sealed partial class ConnectorClient : IConnectorClient
{
    public const string CorrelationHeader = "X-Correlating-OperationId";

    /// <summary>The <see cref="ConnectorException.ErrorCode"/> of a success answer over <see cref="ConnectorOptions.MaxResponseBodyBytes"/>.</summary>
    public const string ResponseTooLarge = "ResponseTooLarge";

    /// <summary>The <see cref="ConnectorException.ErrorCode"/> of a success answer that is not the expected JSON.</summary>
    public const string ResponseNotJson = "ResponseNotJson";

    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _http;
    private readonly ConnectorOptions _options;
    private readonly ILogger<ConnectorClient> _logger;

    public ConnectorClient(HttpClient http, IOptions<ConnectorOptions> options, ILogger<ConnectorClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options.Value;
        _logger = logger;
    }

    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return SendAsync<ResourceResponse>("SendToConversation", HttpMethod.Post, serviceUrl, Path("conversations", conversationId, "activities"), activity, cancellationToken);
    }

    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return SendAsync<ResourceResponse>("ReplyToActivity", HttpMethod.Post, serviceUrl, Path("conversations", conversationId, "activities", activityId), activity, cancellationToken);
    }

    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        // The replacement carries the id of the message it replaces, as the Connector expects.
        var replacement = activity with { Id = activityId };
        return SendAsync<ResourceResponse>("UpdateActivity", HttpMethod.Put, serviceUrl, Path("conversations", conversationId, "activities", activityId), replacement, cancellationToken);
    }

    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return SendAsync<ConversationResourceResponse>("CreateConversation", HttpMethod.Post, serviceUrl, "v3/conversations", parameters, cancellationToken);
    }

    public async Task<IReadOnlyList<TeamsChannelAccount>> GetMembersAsync(string serviceUrl, string conversationId, CancellationToken cancellationToken = default) =>
        await SendAsync<List<TeamsChannelAccount>>("GetMembers", HttpMethod.Get, serviceUrl, Path("conversations", conversationId, "members"), null, cancellationToken);

    public Task<TeamsChannelAccount> GetMemberAsync(string serviceUrl, string conversationId, string memberId, CancellationToken cancellationToken = default) =>
        SendAsync<TeamsChannelAccount>("GetMember", HttpMethod.Get, serviceUrl, Path("conversations", conversationId, "members", memberId), null, cancellationToken);

    public Task<PagedMembersResult> GetPagedMembersAsync(string serviceUrl, string conversationId, int? pageSize = null, string? continuationToken = null, CancellationToken cancellationToken = default)
    {
        var query = new List<string>(2);
        if (pageSize is { } size)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size, nameof(pageSize));
            query.Add("pageSize=" + size.ToString(CultureInfo.InvariantCulture));
        }

        if (!string.IsNullOrEmpty(continuationToken))
        {
            query.Add("continuationToken=" + Uri.EscapeDataString(continuationToken));
        }

        var path = Path("conversations", conversationId, "pagedmembers") + (query.Count == 0 ? string.Empty : "?" + string.Join('&', query));
        return SendAsync<PagedMembersResult>("GetPagedMembers", HttpMethod.Get, serviceUrl, path, null, cancellationToken);
    }

    /// <summary>The absolute URI of <paramref name="relativePath"/> under <paramref name="serviceUrl"/>, which may carry a path (e.g. <c>…/teams/</c>).</summary>
    internal static Uri BuildUri(string serviceUrl, string relativePath)
    {
        if (string.IsNullOrWhiteSpace(serviceUrl)
            || !Uri.TryCreate(serviceUrl, UriKind.Absolute, out var baseUri)
            || (baseUri.Scheme != Uri.UriSchemeHttps && baseUri.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(baseUri.UserInfo)
            || !string.IsNullOrEmpty(baseUri.Query)
            || !string.IsNullOrEmpty(baseUri.Fragment))
        {
            throw new ArgumentException("The serviceUrl must be an absolute http(s) URL without user info, query or fragment.", nameof(serviceUrl));
        }

        return new Uri(baseUri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/" + relativePath, UriKind.Absolute);
    }

    /// <summary><c>v3/{segments}</c>, each segment escaped: Teams channel ids contain <c>:</c>, <c>;</c> and <c>@</c>.</summary>
    private static string Path(string collection, string id, string child, string? childId = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var path = $"v3/{collection}/{Uri.EscapeDataString(id)}/{child}";
        if (childId is not null)
        {
            ArgumentException.ThrowIfNullOrEmpty(childId);
            path += "/" + Uri.EscapeDataString(childId);
        }

        return path;
    }

    private async Task<T> SendAsync<T>(string operation, HttpMethod method, string serviceUrl, string relativePath, object? body, CancellationToken cancellationToken)
        where T : class, new()
    {
        using var request = new HttpRequestMessage(method, BuildUri(serviceUrl, relativePath));
        request.Options.Set(ConnectorResilience.OperationKey, operation);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
        {
            // Buffered, so every retry sends the same bytes with a Content-Length.
            var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), ProtocolJson.Options));
            content.Headers.ContentType = JsonMediaType;
            request.Content = content;
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (Exception ex) when ((ex is HttpRequestException or TimeoutRejectedException or IOException) && !cancellationToken.IsCancellationRequested)
        {
            var outcomeUnknown = method == HttpMethod.Post && !ConnectorResilience.NeverSent(ex);
            Log.ConnectorNoAnswer(_logger, operation, ex.GetType().Name, outcomeUnknown);
            throw new ConnectorException(new ConnectorFailure(operation, null, null, null, outcomeUnknown), ex);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                return await ReadSuccessAsync<T>(operation, response, cancellationToken);
            }

            throw await ToExceptionAsync(operation, response, cancellationToken);
        }
    }

    /// <summary>
    /// Reads a success answer of at most <see cref="ConnectorOptions.MaxResponseBodyBytes"/>: a hostile or broken
    /// serviceUrl must not make the bot buffer megabytes. Larger, or not JSON: <see cref="ConnectorException"/>.
    /// </summary>
    private async Task<T> ReadSuccessAsync<T>(string operation, HttpResponseMessage response, CancellationToken cancellationToken)
        where T : class, new()
    {
        var limit = _options.MaxResponseBodyBytes;
        var correlationId = response.Headers.TryGetValues(CorrelationHeader, out var values) ? values.FirstOrDefault() : null;
        if (response.Content.Headers.ContentLength > limit)
        {
            throw TooLarge(operation, response, correlationId, limit);
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[Math.Min(limit + 1, (int?)response.Content.Headers.ContentLength + 1 ?? 16 * 1024)];
        var total = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
        {
            total += read;
            if (total > limit)
            {
                throw TooLarge(operation, response, correlationId, limit);
            }

            if (total == buffer.Length)
            {
                Array.Resize(ref buffer, Math.Min(limit + 1, buffer.Length * 2));
            }
        }

        if (total == 0)
        {
            return new T();
        }

        try
        {
            return JsonSerializer.Deserialize<T>(buffer.AsSpan(0, total), ProtocolJson.Options) ?? new T();
        }
        catch (JsonException ex)
        {
            throw new ConnectorException(new ConnectorFailure(operation, response.StatusCode, ResponseNotJson, correlationId), ex);
        }
    }

    private ConnectorException TooLarge(string operation, HttpResponseMessage response, string? correlationId, int limit)
    {
        Log.ConnectorResponseTooLarge(_logger, operation, limit);
        return new ConnectorException(new ConnectorFailure(operation, response.StatusCode, ResponseTooLarge, correlationId));
    }
}
