using System.ComponentModel.DataAnnotations;

namespace SesBot.Core.Gateways.Aws;

/// <summary>
/// The AWS Organizations connection, bound from <c>Aws:</c>. Credentials come from AWSSDK.Core's default chain
/// (environment, profile, web identity, container, instance metadata) or the named <see cref="Profile"/>; with a
/// <see cref="RoleArn"/> the bot assumes that role in the payer (management) account.
/// </summary>
public sealed class AwsOrganizationsOptions
{
    public const string Section = "Aws";

    /// <summary>Signing region of the Organizations endpoint: us-east-1 (commercial), us-gov-west-1 or cn-northwest-1.</summary>
    [Required]
    [RegularExpression("^[a-z]{2}(-[a-z]+)+-\\d$")]
    public string Region { get; set; } = "us-east-1";

    /// <summary>Overrides the Organizations endpoint (tests, VPC endpoints); empty means the region's public endpoint.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>A named profile from the shared config/credentials files instead of the default chain.</summary>
    public string? Profile { get; set; }

    /// <summary>The role in the payer (management) account to assume with STS; empty uses the base credentials directly.</summary>
    [RegularExpression("^arn:aws[a-z-]*:iam::\\d{12}:role/.+$")]
    public string? RoleArn { get; set; }

    public string? ExternalId { get; set; }

    [Required]
    [RegularExpression("^[\\w+=,.@-]{2,64}$")]
    public string RoleSessionName { get; set; } = "sesbot";

    /// <summary>How long an assumed-role session lasts (STS accepts 15 minutes to the role's maximum).</summary>
    [Range(typeof(TimeSpan), "00:15:00", "12:00:00")]
    public TimeSpan RoleSessionDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Overrides the STS endpoint (tests, VPC endpoints); empty means the region's endpoint.</summary>
    public Uri? StsEndpoint { get; set; }

    /// <summary>Retries after throttling or a server error (never after an ambiguous failure of a change).</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest a <c>Retry-After</c> from AWS is honoured.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one attempt may take before it is abandoned (an ambiguous failure for a change).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The endpoint the client sends to: <see cref="Endpoint"/> or the partition's public one.</summary>
    public Uri ResolveEndpoint() => Endpoint ?? new Uri(
        Region.StartsWith("cn-", StringComparison.Ordinal)
            ? $"https://organizations.{Region}.amazonaws.com.cn/"
            : $"https://organizations.{Region}.amazonaws.com/");
}
