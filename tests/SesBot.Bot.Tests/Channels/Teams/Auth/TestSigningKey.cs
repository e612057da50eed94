using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace SesBot.Bot.Tests.Channels.Teams.Auth;

/// <summary>
/// A signing key as the test publishes it: a <c>kid</c>, its endorsements (null: no entry) and RSA key material.
/// Generating a 2048-bit key costs about a second here, so the material comes from a small per-process pool:
/// the same <paramref name="material"/> number gives the same RSA key.
/// </summary>
internal sealed class TestSigningKey(string keyId, int material, params string[]? endorsements)
{
    private static readonly ConcurrentDictionary<int, Lazy<RSA>> Pool = new();

    public string KeyId { get; } = keyId;

    public string[]? Endorsements { get; } = endorsements;

    public RSA Rsa { get; } = Pool.GetOrAdd(material, _ => new Lazy<RSA>(() =>
    {
        var rsa = RSA.Create(2048);
        rsa.ExportParameters(includePrivateParameters: true); // generate now, not on first use
        return rsa;
    })).Value;

    public SigningCredentials Credentials(string algorithm = SecurityAlgorithms.RsaSha256) =>
        new(new RsaSecurityKey(Rsa) { KeyId = KeyId }, algorithm);

    /// <summary>The key as a JWK (public part only), with the Bot Framework's extra <c>endorsements</c> if any.</summary>
    public Dictionary<string, object> ToJwk()
    {
        var parameters = Rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (Endorsements is not null)
        {
            jwk["endorsements"] = Endorsements;
        }

        return jwk;
    }
}
