using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime.Internal.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace SesBot.Core.Tests.Gateways.Aws.Support;

/// <summary>
/// Checks a SigV4 Authorization header the way a server would, independently of SesBot's signer: the canonical
/// request is rebuilt here from what arrived on the wire, and the signature is computed with AWSSDK.Core's
/// <c>AWS4Signer.ComputeSignature</c>. Returns null when the signature is valid, else why not.
/// </summary>
internal static class SigV4Verifier
{
    public static string? Verify(HttpRequest request, byte[] body, string expectedService, IReadOnlyDictionary<string, StandInCredentials> accepted)
    {
        var authorization = request.Headers.Authorization.ToString();
        const string prefix = "AWS4-HMAC-SHA256 ";
        if (!authorization.StartsWith(prefix, StringComparison.Ordinal))
        {
            return "missing or non-SigV4 Authorization";
        }

        var parts = authorization[prefix.Length..].Split(", ")
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        var scope = parts["Credential"].Split('/');
        if (scope.Length != 5 || scope[4] != "aws4_request")
        {
            return "malformed credential scope";
        }

        var (accessKey, date, region, service) = (scope[0], scope[1], scope[2], scope[3]);
        if (!accepted.TryGetValue(accessKey, out var credentials))
        {
            return $"unknown access key {accessKey}";
        }

        if (service != expectedService)
        {
            return $"signed for service {service}, expected {expectedService}";
        }

        var amzDate = request.Headers["X-Amz-Date"].ToString();
        if (!amzDate.StartsWith(date, StringComparison.Ordinal))
        {
            return "X-Amz-Date does not match the credential scope date";
        }

        var signedHeaders = parts["SignedHeaders"];
        var names = signedHeaders.Split(';');
        if (!names.Contains("host") || !names.Contains("x-amz-date"))
        {
            return "host and x-amz-date must be signed";
        }

        var token = request.Headers["X-Amz-Security-Token"].ToString();
        if ((credentials.SessionToken ?? string.Empty) != token)
        {
            return "session token missing or wrong";
        }

        if (token.Length > 0 && !names.Contains("x-amz-security-token"))
        {
            return "the session token is not signed";
        }

        var payloadHash = Convert.ToHexStringLower(SHA256.HashData(body));
        var claimedHash = request.Headers["X-Amz-Content-Sha256"].ToString();
        if (claimedHash.Length > 0 && claimedHash != payloadHash)
        {
            return "x-amz-content-sha256 does not match the body";
        }

        var canonical = new StringBuilder()
            .Append(request.Method).Append('\n')
            .Append(request.HttpContext.Features.Get<IHttpRequestFeature>()!.RawTarget.Split('?')[0]).Append('\n')
            .Append(CanonicalQuery(request.QueryString.Value)).Append('\n');
        foreach (var name in names)
        {
            var value = string.Join(',', request.Headers[name].Select(v => string.Join(' ', (v ?? string.Empty).Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries))));
            canonical.Append(name).Append(':').Append(value).Append('\n');
        }

        canonical.Append('\n').Append(signedHeaders).Append('\n').Append(payloadHash);
        var signedAt = DateTime.ParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        var expected = AWS4Signer.ComputeSignature(accessKey, credentials.SecretAccessKey, region, signedAt, service, signedHeaders, canonical.ToString());
        return string.Equals(expected.Signature, parts["Signature"], StringComparison.Ordinal) ? null : "signature does not match";
    }

    private static string CanonicalQuery(string? query)
    {
        if (string.IsNullOrEmpty(query) || query == "?")
        {
            return string.Empty;
        }

        return string.Join('&', query.TrimStart('?').Split('&')
            .Select(p => p.Split('=', 2))
            .Select(p => (K: Uri.EscapeDataString(Uri.UnescapeDataString(p[0])), V: Uri.EscapeDataString(Uri.UnescapeDataString(p.Length > 1 ? p[1] : string.Empty))))
            .OrderBy(p => p.K, StringComparer.Ordinal).ThenBy(p => p.V, StringComparer.Ordinal)
            .Select(p => $"{p.K}={p.V}"));
    }
}
