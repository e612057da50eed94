using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SesBot.Bot.Tests.Channels.Teams.Auth;

/// <summary>
/// A real HTTP server on 127.0.0.1 (Kestrel, port 0) publishing an OpenID metadata document and a JWKS, like
/// login.botframework.com. The published keys can be swapped (rotation) and the server can be made to fail.
/// </summary>
internal sealed class OpenIdMetadataServer : IAsyncDisposable
{
    public const string MetadataPath = "/v1/.well-known/openidconfiguration";
    public const string KeysPath = "/v1/.well-known/keys";

    private readonly WebApplication _app;
    private volatile string _jwks = """{"keys":[]}""";
    private int _metadataRequests;
    private int _keysRequests;

    private OpenIdMetadataServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public Uri MetadataUrl => new(BaseAddress, MetadataPath);

    public int MetadataRequests => Volatile.Read(ref _metadataRequests);

    public int KeysRequests => Volatile.Read(ref _keysRequests);

    /// <summary>The published <c>id_token_signing_alg_values_supported</c>; null leaves it out.</summary>
    public string[]? Algorithms { get; set; } = ["RS256"];

    /// <summary>When true, both documents answer 500.</summary>
    public bool Failing { get; set; }

    public static async Task<OpenIdMetadataServer> StartAsync(params TestSigningKey[] keys)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new OpenIdMetadataServer(app);
        server.Publish(keys);

        app.MapGet(MetadataPath, (HttpContext context) =>
        {
            Interlocked.Increment(ref server._metadataRequests);
            if (server.Failing)
            {
                return Results.StatusCode(StatusCodes.Status500InternalServerError);
            }

            var document = new Dictionary<string, object>
            {
                ["issuer"] = "https://api.botframework.com",
                ["authorization_endpoint"] = "https://invalid.botframework.com",
                ["jwks_uri"] = new Uri(server.BaseAddress, KeysPath).ToString(),
                ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
            };
            if (server.Algorithms is { } algorithms)
            {
                document["id_token_signing_alg_values_supported"] = algorithms;
            }

            return Results.Json(document);
        });
        app.MapGet(KeysPath, () =>
        {
            Interlocked.Increment(ref server._keysRequests);
            return server.Failing
                ? Results.StatusCode(StatusCodes.Status500InternalServerError)
                : Results.Content(server._jwks, "application/json");
        });

        await app.StartAsync();
        server.BaseAddress = new Uri(app.Urls.Single());
        return server;
    }

    /// <summary>Replaces the published keys (a key rotation).</summary>
    public void Publish(params TestSigningKey[] keys) =>
        _jwks = JsonSerializer.Serialize(new { keys = keys.Select(k => k.ToJwk()).ToArray() });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
