namespace SesBot.Core.Gateways.Aws;

/// <summary>A resolved set of AWS credentials; <see cref="SessionToken"/> is set for temporary ones.</summary>
public sealed record AwsCredentials(string AccessKeyId, string SecretAccessKey, string? SessionToken = null, DateTimeOffset? Expiration = null)
{
    /// <summary>Never prints the secret or the token.</summary>
    public override string ToString() => $"AwsCredentials {{ AccessKeyId = {AccessKeyId}, Temporary = {SessionToken is not null} }}";
}
