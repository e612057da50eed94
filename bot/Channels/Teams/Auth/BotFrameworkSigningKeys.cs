using System.Collections.Frozen;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace SesBot.Bot.Channels.Teams.Auth;

/// <summary>
/// The signing keys published through the OpenID metadata document (<see cref="TeamsOptions.OpenIdMetadataUrl"/>),
/// with the Bot Framework's extra <c>endorsements</c> per key. Fetched on first use, again once the copy is older than
/// <see cref="TeamsOptions.SigningKeysRefreshInterval"/>, and early when a token names an unknown <c>kid</c> (at most
/// once per <see cref="TeamsOptions.SigningKeysMinimumRefreshInterval"/>). A failed fetch keeps the previous copy.
/// </summary>
internal sealed class BotFrameworkSigningKeys : IDisposable
{
    public const string HttpClientName = "SesBot.Teams.OpenIdMetadata";

    /// <summary>After a failed fetch, wait this long before the next try, so an outage is not hammered.</summary>
    internal static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(10);

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly TeamsOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile SigningKeySet? _current;
    private DateTimeOffset? _lastFailure;

    public BotFrameworkSigningKeys(IHttpClientFactory httpClientFactory, IOptions<TeamsOptions> options, TimeProvider clock, ILogger<BotFrameworkSigningKeys> logger)
    {
        _httpClientFactory = httpClientFactory;
        _options = options.Value;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>The current keys, fetched or refreshed first if needed for <paramref name="keyId"/>. Null: never fetched successfully.</summary>
    public async Task<SigningKeySet?> GetAsync(string keyId, CancellationToken cancellationToken)
    {
        var current = _current;
        if (!NeedsFetch(current, keyId, _clock.GetUtcNow()))
        {
            return current;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Another caller may have fetched while this one waited.
            current = _current;
            var now = _clock.GetUtcNow();
            if (!NeedsFetch(current, keyId, now) || _lastFailure is { } failed && now - failed < RetryAfterFailure)
            {
                return current;
            }

            try
            {
                var fetched = await FetchAsync(now, cancellationToken);
                _current = fetched;
                _lastFailure = null;
                Log.SigningKeysFetched(_logger, fetched.Keys.Count, fetched.Keys.Values.Count(k => k.Endorsements is not null));
            }
            catch (Exception ex) when (ex is HttpRequestException or JsonException or InvalidDataException or ArgumentException
                || ex is TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                _lastFailure = now;
                Log.SigningKeysFetchFailed(_logger, current is not null, ex);
            }

            return _current;
        }
        finally
        {
            _gate.Release();
        }
    }

    private bool NeedsFetch(SigningKeySet? current, string keyId, DateTimeOffset now)
    {
        if (current is null || now - current.FetchedAt >= _options.SigningKeysRefreshInterval)
        {
            return true;
        }

        return !current.Keys.ContainsKey(keyId) && now - current.FetchedAt >= _options.SigningKeysMinimumRefreshInterval;
    }

    private async Task<SigningKeySet> FetchAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var client = _httpClientFactory.CreateClient(HttpClientName);

        var metadataUri = RequireAllowedUri(_options.OpenIdMetadataUrl, "OpenIdMetadataUrl");
        using var metadata = await GetJsonAsync(client, metadataUri, cancellationToken);
        var root = metadata.RootElement;
        var jwksUri = root.TryGetProperty("jwks_uri", out var jwksElement) && jwksElement.ValueKind == JsonValueKind.String
            ? RequireAllowedUri(jwksElement.GetString(), "jwks_uri")
            : throw new InvalidDataException("The OpenID metadata document has no jwks_uri.");
        var algorithms = root.TryGetProperty("id_token_signing_alg_values_supported", out var algElement) && algElement.ValueKind == JsonValueKind.Array
            ? algElement.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!).ToFrozenSet(StringComparer.Ordinal)
            : null;

        using var jwks = await GetJsonAsync(client, jwksUri, cancellationToken);
        if (!jwks.RootElement.TryGetProperty("keys", out var keysElement) || keysElement.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException("The JWKS document has no keys array.");
        }

        var keys = new Dictionary<string, SigningKeyEntry>(StringComparer.Ordinal);
        foreach (var element in keysElement.EnumerateArray())
        {
            if (TryReadKey(element, out var keyId, out var entry))
            {
                keys[keyId] = entry;
            }
        }

        if (keys.Count == 0)
        {
            throw new InvalidDataException("The JWKS document has no usable RSA signing key.");
        }

        return new SigningKeySet(keys.ToFrozenDictionary(StringComparer.Ordinal), algorithms, now);
    }

    private static bool TryReadKey(JsonElement element, out string keyId, out SigningKeyEntry entry)
    {
        keyId = string.Empty;
        entry = null!;
        if (element.ValueKind != JsonValueKind.Object
            || StringProperty(element, "kty") != JsonWebAlgorithmsKeyTypes.RSA
            || StringProperty(element, "use") is { } use && use != JsonWebKeyUseNames.Sig
            || StringProperty(element, "kid") is not { Length: > 0 } kid)
        {
            return false;
        }

        FrozenSet<string>? endorsements = null;
        if (element.TryGetProperty("endorsements", out var endorsementsElement) && endorsementsElement.ValueKind == JsonValueKind.Array)
        {
            endorsements = endorsementsElement.EnumerateArray()
                .Where(e => e.ValueKind == JsonValueKind.String)
                .Select(e => e.GetString()!)
                .ToFrozenSet(StringComparer.Ordinal);
        }

        keyId = kid;
        entry = new SigningKeyEntry(new JsonWebKey(element.GetRawText()), endorsements);
        return true;
    }

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static async Task<JsonDocument> GetJsonAsync(HttpClient client, Uri uri, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(uri, cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
    }

    private static Uri RequireAllowedUri(string? value, string what) =>
        IsAllowedUri(value, out var uri)
            ? uri
            : throw new InvalidDataException($"{what} must be an absolute https URL (http only for loopback).");

    /// <summary>Keys are fetched over https only; plain http is allowed for a loopback host (tests, local tools).</summary>
    internal static bool IsAllowedUri(string? value, out Uri uri)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out uri!))
        {
            return false;
        }

        return uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback);
    }

    public void Dispose() => _gate.Dispose();
}
