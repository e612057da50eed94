using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using SesBot.Bot.Channels.Teams.Auth;

namespace SesBot.Bot.Tests.Channels.Teams.Auth;

/// <summary>The token checks of FACTS §A.1, against keys served over real HTTP on 127.0.0.1.</summary>
public sealed class BotFrameworkAuthenticatorTests : IAsyncLifetime
{
    private readonly TestSigningKey _key = new("key-1", 0, "msteams", "webchat");
    private readonly TestSigningKey _unendorsed = new("key-no-endorsements", 1, endorsements: null);
    private readonly TestSigningKey _webChatOnly = new("key-webchat", 1, "webchat");
    private AuthHarness _auth = null!;

    public async Task InitializeAsync() => _auth = await AuthHarness.StartAsync(AuthHarness.AppId, _key, _unendorsed, _webChatOnly);

    public async Task DisposeAsync() => await _auth.DisposeAsync();

    [Fact]
    public async Task AuthenticateAsync_CorrectlySignedToken_AcceptedWithClaims()
    {
        var result = await _auth.AuthenticateAsync("Bearer " + _auth.Token(_key));

        Assert.Equal(InboundAuthStatus.Authenticated, result.Status);
        Assert.Equal(200, result.StatusCode);
        Assert.False(result.IsAnonymous);
        Assert.Equal("key-1", result.SigningKeyId);
        Assert.NotNull(result.Identity);
        Assert.True(result.Identity.IsAuthenticated);
        Assert.Equal(AuthHarness.AppId, result.Identity.FindFirst("aud")?.Value);
        Assert.Equal(AuthHarness.ServiceUrl, result.Identity.FindFirst("serviceurl")?.Value);
    }

    [Fact]
    public async Task AuthorizeActivity_MatchingServiceUrlAndEndorsedChannel_Accepted()
    {
        var result = await _auth.AuthenticateActivityAsync(_auth.Token(_key));

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Null(result.FailureReason);
    }

    [Theory]
    [InlineData(SecurityAlgorithms.RsaSha384)]
    [InlineData(SecurityAlgorithms.RsaSha512)]
    public async Task AuthenticateAsync_Rs384OrRs512PublishedInMetadata_Accepted(string algorithm)
    {
        _auth.Server.Algorithms = ["RS256", "RS384", "RS512"];

        var result = await _auth.AuthenticateActivityAsync(_auth.Token(_key, algorithm: algorithm));

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task AuthenticateAsync_AlgorithmNotInMetadata_401()
    {
        var result = await _auth.AuthenticateAsync("Bearer " + _auth.Token(_key, algorithm: SecurityAlgorithms.RsaSha384));

        AssertRejected(result, 401, "metadata");
    }

    [Theory]
    [InlineData(4, true)]
    [InlineData(6, false)]
    public async Task AuthenticateAsync_ExpiredBy_AcceptedOnlyWithinFiveMinuteSkew(int minutesPastExpiry, bool accepted)
    {
        var token = _auth.Token(_key);
        _auth.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(minutesPastExpiry));

        var result = await _auth.AuthenticateActivityAsync(token);

        if (accepted)
        {
            Assert.True(result.Succeeded, result.FailureReason);
        }
        else
        {
            AssertRejected(result, 401, "expired");
        }
    }

    [Theory]
    [InlineData(4, true)]
    [InlineData(6, false)]
    public async Task AuthenticateAsync_NotYetValidFor_AcceptedOnlyWithinFiveMinuteSkew(int minutesEarly, bool accepted)
    {
        var token = _auth.Token(_key, d => d.NotBefore = d.IssuedAt = _auth.Clock.GetUtcNow().UtcDateTime.AddMinutes(minutesEarly));

        var result = await _auth.AuthenticateAsync("Bearer " + token);

        Assert.Equal(accepted ? InboundAuthStatus.Authenticated : InboundAuthStatus.Unauthorized, result.Status);
    }

    [Fact]
    public async Task AuthenticateAsync_NoExpiry_401()
    {
        var token = _auth.Token(_key, d => d.Expires = null);

        AssertRejected(await _auth.AuthenticateAsync("Bearer " + token), 401, "expir");
    }

    [Fact]
    public async Task AuthenticateAsync_WrongAudience_401()
    {
        var token = _auth.Token(_key, d => d.Audience = "00000000-1111-2222-3333-444444444444");

        AssertRejected(await _auth.AuthenticateAsync("Bearer " + token), 401, "audience");
    }

    [Fact]
    public async Task AuthenticateAsync_WrongIssuer_401()
    {
        var token = _auth.Token(_key, d => d.Issuer = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/");

        AssertRejected(await _auth.AuthenticateAsync("Bearer " + token), 401, "issuer");
    }

    [Fact]
    public async Task AuthenticateAsync_UnknownKid_401()
    {
        var stranger = new TestSigningKey("not-published", 2, "msteams");

        AssertRejected(await _auth.AuthenticateAsync("Bearer " + _auth.Token(stranger)), 401, "unknown key");
    }

    [Fact]
    public async Task AuthenticateAsync_OtherKeyClaimingAPublishedKid_401()
    {
        var impostor = new TestSigningKey("key-1", 2, "msteams");

        AssertRejected(await _auth.AuthenticateAsync("Bearer " + _auth.Token(impostor)), 401, "signature");
    }

    [Fact]
    public async Task AuthenticateAsync_AlgNone_401()
    {
        var token = _auth.HandMadeToken(new { alg = "none", typ = "JWT", kid = "key-1" }, _ => []);

        AssertRejected(await _auth.AuthenticateAsync("Bearer " + token), 401, "algorithm");
    }

    [Theory]
    [InlineData("pem")]
    [InlineData("der")]
    [InlineData("modulus")]
    public async Task AuthenticateAsync_Hs256SignedWithThePublicKey_401(string encoding)
    {
        var secret = encoding switch
        {
            "pem" => Encoding.ASCII.GetBytes(_key.Rsa.ExportSubjectPublicKeyInfoPem()),
            "der" => _key.Rsa.ExportSubjectPublicKeyInfo(),
            _ => _key.Rsa.ExportParameters(false).Modulus!,
        };
        var token = _auth.HandMadeToken(new { alg = "HS256", typ = "JWT", kid = "key-1" }, data => HMACSHA256.HashData(secret, data));

        AssertRejected(await _auth.AuthenticateAsync("Bearer " + token), 401, "algorithm");
    }

    [Fact]
    public async Task AuthenticateAsync_HandMadeRs256Token_AcceptedSoTheHandMadeRejectionsAreMeaningful()
    {
        var token = _auth.HandMadeToken(new { alg = "RS256", typ = "JWT", kid = "key-1" }, data => _key.Rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

        Assert.True((await _auth.AuthenticateActivityAsync(token)).Succeeded);
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Bearer a.b.c")]
    public async Task AuthenticateAsync_NotABearerJwt_401(string header)
    {
        var result = await _auth.AuthenticateAsync(header);

        Assert.Equal(InboundAuthStatus.Unauthorized, result.Status);
        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task AuthenticateAsync_LowerCaseBearerScheme_Accepted()
    {
        Assert.True((await _auth.AuthenticateAsync("bearer " + _auth.Token(_key))).Succeeded);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public async Task AuthenticateAsync_NoTokenWithAppIdConfigured_401EvenFromLoopback(string? header)
    {
        var result = await _auth.AuthenticateAsync(header, IPAddress.Loopback);

        AssertRejected(result, 401, "No Authorization header");
    }

    [Fact]
    public async Task AuthorizeActivity_MissingServiceUrlClaim_403()
    {
        var token = _auth.Token(_key, d => d.Claims.Remove("serviceurl"));

        AssertRejected(await _auth.AuthenticateActivityAsync(token), 403, "Missing serviceurl claim");
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/")]
    [InlineData("https://evil.example/")]
    [InlineData(null)]
    public async Task AuthorizeActivity_MismatchedServiceUrl_403(string? activityServiceUrl)
    {
        var result = await _auth.AuthenticateActivityAsync(_auth.Token(_key), serviceUrl: activityServiceUrl);

        AssertRejected(result, 403, "serviceurl claim mismatch");
    }

    [Fact]
    public async Task AuthorizeActivity_ServiceUrlDiffersOnlyInCase_Accepted()
    {
        var result = await _auth.AuthenticateActivityAsync(_auth.Token(_key), serviceUrl: AuthHarness.ServiceUrl.ToUpperInvariant());

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Theory]
    [InlineData("webchat")]
    [InlineData("directline")]
    [InlineData("emulator")]
    [InlineData("slack")]
    [InlineData("MSTEAMS")]
    [InlineData("")]
    [InlineData(null)]
    public async Task AuthorizeActivity_ChannelNotMsTeams_403EvenWithAnEndorsedKey(string? channelId)
    {
        // key-1 is endorsed for webchat too: a valid Web Chat token must still not reach the Teams endpoint.
        var result = await _auth.AuthenticateActivityAsync(_auth.Token(_key), channelId: channelId);

        AssertRejected(result, 403, "channelId is not msteams");
    }

    [Fact]
    public async Task AuthorizeActivity_KeyEndorsedForWebChatOnly_403ForATeamsActivity()
    {
        var token = _auth.Token(_webChatOnly);
        Assert.True((await _auth.AuthenticateAsync("Bearer " + token)).Succeeded);

        AssertRejected(await _auth.AuthenticateActivityAsync(token, channelId: "msteams"), 403, "not endorsed for msteams");
    }

    [Fact]
    public async Task AuthorizeActivity_KeyWithoutEndorsementsEntry_403()
    {
        var token = _auth.Token(_unendorsed);
        Assert.True((await _auth.AuthenticateAsync("Bearer " + token)).Succeeded);

        AssertRejected(await _auth.AuthenticateActivityAsync(token, channelId: "msteams"), 403, "endorsement");
    }

    [Fact]
    public async Task AuthorizeActivity_FailedAuthentication_ReturnedUnchanged()
    {
        var failed = await _auth.AuthenticateAsync(null);

        Assert.Same(failed, _auth.Authenticator.AuthorizeActivity(failed, AuthHarness.Teams, AuthHarness.ServiceUrl));
    }

    [Fact]
    public async Task AuthenticateAsync_Rejected_ReasonLoggedButNeverTheToken()
    {
        var token = _auth.Token(_key, d => d.Audience = "someone-else");
        var result = await _auth.AuthenticateAsync("Bearer " + token);

        Assert.False(result.Succeeded);
        Assert.Contains(_auth.Logs.Lines, l => l.Contains(" 2302 ", StringComparison.Ordinal) && l.Contains(result.FailureReason!, StringComparison.Ordinal));
        var signature = token[(token.LastIndexOf('.') + 1)..];
        Assert.DoesNotContain(_auth.Logs.Lines, l => l.Contains(signature, StringComparison.Ordinal));
        Assert.DoesNotContain(_auth.Logs.Lines, l => l.Contains(token.Split('.')[1], StringComparison.Ordinal));
    }

    private static void AssertRejected(InboundAuthResult result, int statusCode, string reasonFragment)
    {
        Assert.False(result.Succeeded);
        Assert.Equal(statusCode, result.StatusCode);
        Assert.Null(result.Identity);
        Assert.Contains(reasonFragment, result.FailureReason, StringComparison.OrdinalIgnoreCase);
    }
}
