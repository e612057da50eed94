using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace SesBot.Bot.Channels.Teams.Connector;

/// <summary>
/// Client-credentials tokens for the Bot Connector, cached in memory and fetched again
/// <see cref="RefreshMargin"/> before they expire; one fetch at a time, whoever asks.
/// </summary>
/// <remarks>
/// Hand-rolled instead of MSAL's confidential client: MSAL insists on an <c>https</c> authority, so it cannot be
/// pointed at a plain login endpoint on 127.0.0.1 in tests, and its cache runs on the wall clock rather than an
/// injected <see cref="TimeProvider"/>. The protocol is one form POST (FACTS §A.2).
/// </remarks>
public sealed class BotTokenProvider : IBotTokenProvider, IDisposable
{
    public const string HttpClientName = "SesBot.Teams.BotToken";

    public const string MultiTenantAuthority = "botframework.com";

    /// <summary>How long before expiry a cached token is replaced (halved for tokens that live less than twice this).</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IOptions<TeamsOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<BotTokenProvider> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile CachedToken? _cached;

    public BotTokenProvider(IHttpClientFactory httpClientFactory, IOptions<TeamsOptions> options, TimeProvider time, ILogger<BotTokenProvider> logger)
    {
        _httpClientFactory = httpClientFactory;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>The token endpoint for the configured registration: the tenant for single-tenant, <c>botframework.com</c> for multi-tenant.</summary>
    public static Uri TokenEndpoint(TeamsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var tenant = options.AppType == TeamsAppType.SingleTenant ? options.TenantId : MultiTenantAuthority;
        if (string.IsNullOrWhiteSpace(tenant))
        {
            throw new BotTokenException("Teams:TenantId is required for a single-tenant bot.");
        }

        return new Uri($"{options.AuthorityHost.TrimEnd('/')}/{Uri.EscapeDataString(tenant)}/oauth2/v2.0/token", UriKind.Absolute);
    }

    public async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        var options = _options.Value;
        if (options.IsLocalMode)
        {
            return null;
        }

        var cached = _cached;
        if (cached is not null && _time.GetUtcNow() < cached.RefreshAt)
        {
            return cached.AccessToken;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            cached = _cached;
            var now = _time.GetUtcNow();
            if (cached is not null && now < cached.RefreshAt)
            {
                return cached.AccessToken;
            }

            try
            {
                var fresh = await FetchAsync(options, cancellationToken);
                _cached = fresh;
                return fresh.AccessToken;
            }
            catch (BotTokenException ex) when (cached is not null && now < cached.ExpiresAt)
            {
                // The refresh failed but the old token still works: keep using it and try again next call.
                Log.BotTokenRefreshFailed(_logger, ex.ErrorCode, cached.ExpiresAt);
                return cached.AccessToken;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<CachedToken> FetchAsync(TeamsOptions options, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(options.AppPassword))
        {
            throw new BotTokenException("Teams:AppPassword is required when Teams:AppId is set.");
        }

        var endpoint = TokenEndpoint(options);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new FormUrlEncodedContent(
            [
                new("grant_type", "client_credentials"),
                new("client_id", options.AppId!),
                new("client_secret", options.AppPassword),
                new("scope", TeamsOptions.BotFrameworkScope),
            ]),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        var client = _httpClientFactory.CreateClient(HttpClientName);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, cancellationToken);
        }
        catch (Exception ex) when ((ex is HttpRequestException or TimeoutException or TaskCanceledException) && !cancellationToken.IsCancellationRequested)
        {
            Log.BotTokenFailed(_logger, endpoint.Host, null, "unreachable");
            throw new BotTokenException($"The login endpoint {endpoint.Host} could not be reached.", null, null, ex);
        }

        using (response)
        {
            var acquiredAt = _time.GetUtcNow();
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var json = await TryParseAsync(body, cancellationToken);
            var root = json?.RootElement;

            if (!response.IsSuccessStatusCode)
            {
                var error = ReadString(root, "error");
                Log.BotTokenFailed(_logger, endpoint.Host, (int)response.StatusCode, error);
                throw new BotTokenException(
                    $"The login endpoint {endpoint.Host} refused the token request: {(int)response.StatusCode} {error}.", response.StatusCode, error);
            }

            var accessToken = ReadString(root, "access_token");
            var expiresIn = ReadSeconds(root, "expires_in");
            if (string.IsNullOrEmpty(accessToken) || expiresIn is not > 0)
            {
                throw new BotTokenException($"The login endpoint {endpoint.Host} answered without access_token or expires_in.", response.StatusCode, null);
            }

            var lifetime = TimeSpan.FromSeconds(expiresIn.Value);
            var margin = lifetime > 2 * RefreshMargin ? RefreshMargin : lifetime / 2;
            var token = new CachedToken(accessToken, acquiredAt + lifetime - margin, acquiredAt + lifetime);
            Log.BotTokenAcquired(_logger, endpoint.Host, token.ExpiresAt);
            return token;
        }
    }

    private static async Task<JsonDocument?> TryParseAsync(Stream body, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? ReadString(JsonElement? root, string name) =>
        root is { ValueKind: JsonValueKind.Object } r && r.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary><c>expires_in</c> is a number from the v2 endpoint and a string from v1; both are accepted.</summary>
    private static double? ReadSeconds(JsonElement? root, string name)
    {
        if (root is not { ValueKind: JsonValueKind.Object } r || !r.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) => s,
            _ => null,
        };
    }

    private sealed record CachedToken(string AccessToken, DateTimeOffset RefreshAt, DateTimeOffset ExpiresAt);
}
