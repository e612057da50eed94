namespace SesBot.Core.Gateways.Aws;

/// <summary>
/// What Signature Version 4 signs: the request as sent (method, path as it appears on the wire, raw query, the headers
/// to sign) and the hex SHA-256 of the payload.
/// </summary>
public sealed record SigV4Input(
    string Method,
    string Path,
    string Query,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string PayloadHash,
    string Region,
    string Service,
    DateTimeOffset SignedAt);
