using System.Globalization;

namespace SesBot.Core.Gateways.Aws;

/// <summary>
/// Signs every attempt (inside the retry handler, so a retry carries a fresh date and fresh credentials): host,
/// content type, the target and every <c>x-amz-*</c> header, with <c>X-Amz-Security-Token</c> for temporary credentials.
/// </summary>
internal sealed class SigV4SigningHandler(IAwsCredentialSource credentials, TimeProvider clock, string region, string service)
    : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("A signed request needs an absolute URI.");
        var payload = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var creds = await credentials.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var payloadHash = SigV4Signer.HexSha256(payload);

        request.Headers.Remove("Authorization");
        request.Headers.Remove(SigV4Signer.DateHeader);
        request.Headers.Remove(SigV4Signer.SecurityTokenHeader);
        request.Headers.Remove(SigV4Signer.ContentSha256Header);
        request.Headers.Host = uri.IsDefaultPort ? uri.Host : uri.Authority;
        request.Headers.TryAddWithoutValidation(SigV4Signer.DateHeader, SigV4Signer.FormatAmzDate(now));
        request.Headers.TryAddWithoutValidation(SigV4Signer.ContentSha256Header, payloadHash);
        if (creds.SessionToken is { } token)
        {
            request.Headers.TryAddWithoutValidation(SigV4Signer.SecurityTokenHeader, token);
        }

        var signed = new List<KeyValuePair<string, string>> { new("host", request.Headers.Host) };
        if (request.Content?.Headers.ContentType is { } contentType)
        {
            signed.Add(new("content-type", contentType.ToString()));
        }

        foreach (var header in request.Headers)
        {
            if (header.Key.StartsWith("x-amz-", StringComparison.OrdinalIgnoreCase))
            {
                signed.Add(new(header.Key, string.Join(',', header.Value)));
            }
        }

        var signature = SigV4Signer.Sign(
            new SigV4Input(request.Method.Method, uri.AbsolutePath, uri.Query, signed, payloadHash, region, service, now), creds);
        request.Headers.TryAddWithoutValidation("Authorization", signature.Authorization);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"SigV4 {service}/{region}");
}
