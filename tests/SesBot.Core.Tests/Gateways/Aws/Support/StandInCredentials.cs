namespace SesBot.Core.Tests.Gateways.Aws.Support;

/// <summary>A key pair (and session token) a stand-in server accepts.</summary>
internal sealed record StandInCredentials(string AccessKeyId, string SecretAccessKey, string? SessionToken = null);
