using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SesBot.Bot.Channels.Teams;
using SesBot.Bot.Channels.Teams.Auth;

namespace SesBot.Bot.Tests.Channels.Teams.Auth;

/// <summary>
/// The authenticator as the bot wires it (<see cref="BotFrameworkAuthenticationExtensions.AddBotFrameworkAuthentication"/>),
/// pointed at a local <see cref="OpenIdMetadataServer"/>, on a <see cref="FakeTimeProvider"/>, with its logs captured.
/// </summary>
internal sealed class AuthHarness : IAsyncDisposable
{
    public const string AppId = "6f1c2d3e-0000-4a5b-8c9d-1234567890ab";
    public const string ServiceUrl = "https://smba.trafficmanager.net/emea/";
    public const string Teams = "msteams";

    private readonly ServiceProvider _provider;

    private AuthHarness(OpenIdMetadataServer server, ServiceProvider provider, FakeTimeProvider clock, LogCollector logs)
    {
        Server = server;
        _provider = provider;
        Clock = clock;
        Logs = logs;
        Authenticator = provider.GetRequiredService<BotFrameworkAuthenticator>();
    }

    public OpenIdMetadataServer Server { get; }

    public FakeTimeProvider Clock { get; }

    public LogCollector Logs { get; }

    public BotFrameworkAuthenticator Authenticator { get; }

    public static Task<AuthHarness> StartAsync(string? appId, params TestSigningKey[] published) =>
        StartAsync(appId, ["http://127.0.0.1:3978"], [], published);

    /// <summary>
    /// As <see cref="StartAsync(string?, TestSigningKey[])"/>, with the addresses the server is said to listen on
    /// (what Kestrel would report once started) and extra settings.
    /// </summary>
    public static async Task<AuthHarness> StartAsync(string? appId, string[] listening, Dictionary<string, string?> settings, params TestSigningKey[] published)
    {
        var server = await OpenIdMetadataServer.StartAsync(published);
        var values = new Dictionary<string, string?>
        {
            ["Teams:AppId"] = appId,
            ["Teams:OpenIdMetadataUrl"] = server.MetadataUrl.ToString(),
            ["Teams:SigningKeysRefreshInterval"] = "12:00:00",
            ["Teams:SigningKeysMinimumRefreshInterval"] = "00:05:00",
        };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        var logs = new LogCollector();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton(sp => new LocalModeGuard(LocalMode.From(configuration), () => listening, sp.GetRequiredService<ILogger<LocalModeGuard>>()));
        services.AddBotFrameworkAuthentication(configuration);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return new AuthHarness(server, provider, clock, logs);
    }

    /// <summary>A token as the Bot Connector sends it, valid now; <paramref name="change"/> spoils one part of it.</summary>
    public string Token(TestSigningKey key, Action<SecurityTokenDescriptor>? change = null, string algorithm = SecurityAlgorithms.RsaSha256)
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = TeamsOptions.BotFrameworkIssuer,
            Audience = AppId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            Claims = new Dictionary<string, object> { [BotFrameworkAuthenticator.ServiceUrlClaim] = ServiceUrl },
            SigningCredentials = key.Credentials(algorithm),
        };
        change?.Invoke(descriptor);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>A hand-built token with the given header, a valid payload, and the given signature function.</summary>
    public string HandMadeToken(object header, Func<byte[], byte[]> sign)
    {
        var now = Clock.GetUtcNow().ToUnixTimeSeconds();
        var payload = new Dictionary<string, object>
        {
            ["iss"] = TeamsOptions.BotFrameworkIssuer,
            ["aud"] = AppId,
            ["nbf"] = now,
            ["exp"] = now + 3600,
            [BotFrameworkAuthenticator.ServiceUrlClaim] = ServiceUrl,
        };
        var signingInput = Base64UrlEncoder.Encode(JsonSerializer.Serialize(header)) + "." + Base64UrlEncoder.Encode(JsonSerializer.Serialize(payload));
        return signingInput + "." + Base64UrlEncoder.Encode(sign(Encoding.ASCII.GetBytes(signingInput)));
    }

    public ServiceProvider Services => _provider;

    public Task<InboundAuthResult> AuthenticateAsync(string? header, System.Net.IPAddress? remote = null) =>
        Authenticator.AuthenticateAsync(header, remote ?? System.Net.IPAddress.Parse("52.112.0.10"), CancellationToken.None);

    /// <summary>Both steps, as the endpoint runs them, for an activity from <see cref="ServiceUrl"/> on <see cref="Teams"/>.</summary>
    public async Task<InboundAuthResult> AuthenticateActivityAsync(string token, string? channelId = Teams, string? serviceUrl = ServiceUrl)
    {
        var result = await AuthenticateAsync("Bearer " + token);
        return Authenticator.AuthorizeActivity(result, channelId, serviceUrl);
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        await Server.DisposeAsync();
    }

    /// <summary>Keeps every formatted log line (with its exception) so tests can check what is and is not logged.</summary>
    internal sealed class LogCollector : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IReadOnlyCollection<string> Lines => _lines;

        public ILogger CreateLogger(string categoryName) => new Collector(this);

        public void Dispose()
        {
        }

        private sealed class Collector(LogCollector owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner._lines.Enqueue($"{logLevel} {eventId.Id} {formatter(state, exception)} {exception}");
        }
    }
}
