using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SesBot.Core.Gateways.Aws;

/// <summary>
/// AWS Signature Version 4 (header form), written from the public specification and proven against the public test
/// suite vectors. Pure functions: the caller chooses the time and the headers to sign.
/// </summary>
public static class SigV4Signer
{
    public const string Algorithm = "AWS4-HMAC-SHA256";
    public const string DateHeader = "X-Amz-Date";
    public const string SecurityTokenHeader = "X-Amz-Security-Token";
    public const string ContentSha256Header = "X-Amz-Content-Sha256";

    /// <summary>The hex SHA-256 of an empty payload.</summary>
    public static readonly string EmptyPayloadHash = HexSha256([]);

    public static string FormatAmzDate(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    public static string HexSha256(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    public static SigV4Signature Sign(SigV4Input input, AwsCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(credentials);

        var headers = CanonicalHeaders(input.Headers);
        var signedHeaders = string.Join(';', headers.Keys);
        var canonicalRequest = string.Join('\n',
            input.Method.ToUpperInvariant(),
            string.IsNullOrEmpty(input.Path) ? "/" : input.Path,
            CanonicalQuery(input.Query),
            string.Concat(headers.Select(h => $"{h.Key}:{h.Value}\n")),
            signedHeaders,
            input.PayloadHash);

        var date = input.SignedAt.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var scope = $"{date}/{input.Region}/{input.Service}/aws4_request";
        var stringToSign = string.Join('\n',
            Algorithm, FormatAmzDate(input.SignedAt), scope, HexSha256(Encoding.UTF8.GetBytes(canonicalRequest)));

        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + credentials.SecretAccessKey), date);
        key = Hmac(key, input.Region);
        key = Hmac(key, input.Service);
        key = Hmac(key, "aws4_request");
        var signature = Convert.ToHexStringLower(Hmac(key, stringToSign));
        var authorization =
            $"{Algorithm} Credential={credentials.AccessKeyId}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}";
        return new SigV4Signature(canonicalRequest, stringToSign, signedHeaders, scope, signature, authorization);
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    /// <summary>Lower-case names, sorted; values trimmed with inner runs of spaces collapsed; repeats joined by commas.</summary>
    private static SortedDictionary<string, string> CanonicalHeaders(IEnumerable<KeyValuePair<string, string>> headers)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in headers)
        {
            var key = name.Trim().ToLowerInvariant();
            var normalized = string.Join(' ', value.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries));
            result[key] = result.TryGetValue(key, out var existing) ? existing + "," + normalized : normalized;
        }

        return result;
    }

    /// <summary>Parameters sorted by encoded name then value, each RFC 3986 encoded exactly once.</summary>
    private static string CanonicalQuery(string query)
    {
        var trimmed = query.TrimStart('?');
        if (trimmed.Length == 0)
        {
            return string.Empty;
        }

        var pairs = trimmed.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p =>
            {
                var at = p.IndexOf('=', StringComparison.Ordinal);
                var name = at < 0 ? p : p[..at];
                var value = at < 0 ? string.Empty : p[(at + 1)..];
                return (Name: Encode(name), Value: Encode(value));
            })
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal);
        return string.Join('&', pairs.Select(p => $"{p.Name}={p.Value}"));
    }

    private static string Encode(string component) => Uri.EscapeDataString(Uri.UnescapeDataString(component));
}
