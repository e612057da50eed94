namespace SesBot.Core.Gateways.Aws;

/// <summary>The intermediate steps and the result of signing a request with Signature Version 4.</summary>
public sealed record SigV4Signature(
    string CanonicalRequest,
    string StringToSign,
    string SignedHeaders,
    string CredentialScope,
    string Signature,
    string Authorization);
