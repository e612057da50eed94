using System.Text.Json;
using SesBot.Core.Gateways.Aws;

namespace SesBot.Core.Tests.Gateways.Aws;

/// <summary>SesBot's signer against the public SigV4 test-suite vectors (Fixtures/sigv4, header signing).</summary>
public sealed class SigV4SignerTests
{
    public static TheoryData<string> Cases => new()
    {
        "get-vanilla",
        "get-vanilla-query-order-key-case",
        "post-x-www-form-urlencoded",
        "post-header-key-sort",
        "post-sts-header-before",
        "get-vanilla-with-session-token",
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sign_SuiteVector_MatchesCanonicalRequestAndSignature(string name)
    {
        var vector = Vector.Load(name);

        var result = SigV4Signer.Sign(vector.Input, vector.Credentials);

        Assert.Equal(vector.ExpectedCanonicalRequest, result.CanonicalRequest);
        Assert.Equal(vector.ExpectedSignature, result.Signature);
        Assert.Equal(
            $"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders={result.SignedHeaders}, Signature={vector.ExpectedSignature}",
            result.Authorization);
    }

    [Fact]
    public void Sign_ChangedSecret_ChangesSignature()
    {
        var vector = Vector.Load("get-vanilla");

        var result = SigV4Signer.Sign(vector.Input, vector.Credentials with { SecretAccessKey = "another" });

        Assert.NotEqual(vector.ExpectedSignature, result.Signature);
    }

    private sealed record Vector(SigV4Input Input, AwsCredentials Credentials, string ExpectedCanonicalRequest, string ExpectedSignature)
    {
        public static Vector Load(string name)
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "Gateways", "Aws", "Fixtures", "sigv4", name);
            using var context = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "context.json")));
            var root = context.RootElement;
            var creds = root.GetProperty("credentials");
            var token = creds.TryGetProperty("token", out var t) ? t.GetString() : null;
            var credentials = new AwsCredentials(
                creds.GetProperty("access_key_id").GetString()!, creds.GetProperty("secret_access_key").GetString()!, token);
            var signedAt = DateTimeOffset.Parse(root.GetProperty("timestamp").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

            var raw = File.ReadAllText(Path.Combine(folder, "request.txt")).Replace("\r\n", "\n", StringComparison.Ordinal);
            var split = raw.IndexOf("\n\n", StringComparison.Ordinal);
            var head = split < 0 ? raw.TrimEnd('\n') : raw[..split];
            var body = split < 0 ? string.Empty : raw[(split + 2)..];
            var lines = head.Split('\n');
            var requestLine = lines[0].Split(' ');
            var target = requestLine[1];
            var headers = lines.Skip(1).Select(l => l.Split(':', 2)).Select(p => new KeyValuePair<string, string>(p[0], p[1])).ToList();
            var payloadHash = SigV4Signer.HexSha256(System.Text.Encoding.UTF8.GetBytes(body));
            headers.Add(new(SigV4Signer.DateHeader, SigV4Signer.FormatAmzDate(signedAt)));
            if (root.GetProperty("sign_body").GetBoolean())
            {
                headers.Add(new(SigV4Signer.ContentSha256Header, payloadHash));
            }

            var omitToken = root.TryGetProperty("omit_session_token", out var omit) && omit.GetBoolean();
            if (token is not null && !omitToken)
            {
                headers.Add(new(SigV4Signer.SecurityTokenHeader, token));
            }

            var query = target.Contains('?', StringComparison.Ordinal) ? target[(target.IndexOf('?', StringComparison.Ordinal) + 1)..] : string.Empty;
            var path = target.Split('?')[0];
            var input = new SigV4Input(requestLine[0], path, query, headers, payloadHash,
                root.GetProperty("region").GetString()!, root.GetProperty("service").GetString()!, signedAt);
            return new Vector(
                input,
                credentials,
                File.ReadAllText(Path.Combine(folder, "header-canonical-request.txt")).Replace("\r\n", "\n", StringComparison.Ordinal),
                File.ReadAllText(Path.Combine(folder, "header-signature.txt")).Trim());
        }
    }
}
