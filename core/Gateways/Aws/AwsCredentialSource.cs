using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SesBot.Core.Gateways.Aws;

/// <summary>
/// Base credentials from AWSSDK.Core (the named profile, else the default chain); with <c>Aws:RoleArn</c>, the role
/// assumed with STS (AWSSDK.SecurityToken), cached until <see cref="RefreshMargin"/> before it expires.
/// </summary>
public sealed class AwsCredentialSource : IAwsCredentialSource, IDisposable
{
    /// <summary>An assumed-role session is renewed this long before it expires.</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly AwsOrganizationsOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<AwsCredentialSource> _logger;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private AWSCredentials? _base;
    private AwsCredentials? _assumed;

    public AwsCredentialSource(IOptions<AwsOrganizationsOptions> options, TimeProvider clock, ILogger<AwsCredentialSource> logger)
        : this(options, clock, logger, baseCredentials: null)
    {
    }

    /// <summary>With explicit base credentials instead of the chain (tests).</summary>
    internal AwsCredentialSource(
        IOptions<AwsOrganizationsOptions> options, TimeProvider clock, ILogger<AwsCredentialSource> logger, AWSCredentials? baseCredentials)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _clock = clock;
        _logger = logger;
        _base = baseCredentials;
    }

    /// <summary>How many times a role was assumed (a new STS session).</summary>
    public int AssumeRoleCount { get; private set; }

    public async ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(_options.RoleArn))
        {
            var immutable = await ResolveBase().GetCredentialsAsync().ConfigureAwait(false);
            return new AwsCredentials(immutable.AccessKey, immutable.SecretKey, string.IsNullOrEmpty(immutable.Token) ? null : immutable.Token);
        }

        if (IsFresh(_assumed))
        {
            return _assumed!;
        }

        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!IsFresh(_assumed))
            {
                _assumed = await AssumeRoleAsync(_options.RoleArn, cancellationToken).ConfigureAwait(false);
            }

            return _assumed!;
        }
        finally
        {
            _refresh.Release();
        }
    }

    public void Dispose() => _refresh.Dispose();

    private bool IsFresh(AwsCredentials? credentials) =>
        credentials?.Expiration is { } expiration && _clock.GetUtcNow() < expiration - RefreshMargin;

    private AWSCredentials ResolveBase()
    {
        if (_base is not null)
        {
            return _base;
        }

        if (!string.IsNullOrWhiteSpace(_options.Profile))
        {
            if (!new CredentialProfileStoreChain().TryGetAWSCredentials(_options.Profile, out var profile))
            {
                throw new AwsOrganizationsException(new AwsOrganizationsError(
                    AwsErrorKind.CredentialsUnavailable, "ProfileNotFound",
                    $"The AWS profile '{_options.Profile}' (Aws:Profile) is not in the shared config or credentials file.", null));
            }

            return _base = profile;
        }

        try
        {
            return _base = DefaultAWSCredentialsIdentityResolver.GetCredentials();
        }
        catch (AmazonClientException ex)
        {
            throw new AwsOrganizationsException(new AwsOrganizationsError(
                AwsErrorKind.CredentialsUnavailable, "NoCredentials",
                "No AWS credentials found (environment, profile, web identity, container or instance metadata): " + ex.Message, null), ex);
        }
    }

    private async Task<AwsCredentials> AssumeRoleAsync(string roleArn, CancellationToken cancellationToken)
    {
        var config = new AmazonSecurityTokenServiceConfig { MaxErrorRetry = 2 };
        if (_options.StsEndpoint is { } sts)
        {
            config.ServiceURL = sts.ToString();
            config.AuthenticationRegion = _options.Region;
        }
        else
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(_options.Region);
        }

        using var client = new AmazonSecurityTokenServiceClient(ResolveBase(), config);
        var request = new AssumeRoleRequest
        {
            RoleArn = roleArn,
            RoleSessionName = _options.RoleSessionName,
            DurationSeconds = (int)_options.RoleSessionDuration.TotalSeconds,
        };
        if (!string.IsNullOrWhiteSpace(_options.ExternalId))
        {
            request.ExternalId = _options.ExternalId;
        }

        AssumeRoleResponse response;
        try
        {
            response = await client.AssumeRoleAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonSecurityTokenServiceException ex)
        {
            Log.AwsAssumeRoleFailed(_logger, roleArn, ex.ErrorCode);
            throw new AwsOrganizationsException(new AwsOrganizationsError(
                AwsErrorKind.CredentialsUnavailable, ex.ErrorCode ?? "AssumeRoleFailed",
                $"Could not assume {roleArn}: {ex.ErrorCode} {ex.Message}", null), ex);
        }

        var c = response.Credentials;
        var expiration = c.Expiration is { } e
            ? new DateTimeOffset(DateTime.SpecifyKind(e, e.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : e.Kind)).ToUniversalTime()
            : _clock.GetUtcNow() + _options.RoleSessionDuration;
        AssumeRoleCount++;
        Log.AwsRoleAssumed(_logger, roleArn, expiration);
        return new AwsCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken, expiration);
    }
}
