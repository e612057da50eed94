using System.ComponentModel.DataAnnotations;

namespace SesBot.Core.Gateways.Azure;

/// <summary>
/// The <c>PartnerCenter</c> section: who SesBot is towards Partner Center (an Entra app of the partner's tenant) and
/// how patient its client is. With <see cref="ClientSecret"/> the app signs in with the secret, with
/// <see cref="CertificatePath"/> with the certificate; with neither, <c>DefaultAzureCredential</c> decides (managed
/// identity, environment, workload identity…). Secrets come from the environment or user secrets, never appsettings.json.
/// </summary>
public sealed class PartnerCenterOptions : IValidatableObject
{
    public const string Section = "PartnerCenter";

    /// <summary>The token scope of the Partner Center REST API (app-only, client credentials).</summary>
    public const string Scope = "https://api.partnercenter.microsoft.com/.default";

    public const string DefaultEndpoint = "https://api.partnercenter.microsoft.com";

    public const string DefaultAuthorityHost = "https://login.microsoftonline.com/";

    /// <summary>The partner's own Entra tenant (a GUID or its primary domain).</summary>
    public string? TenantId { get; set; }

    /// <summary>The application (client) id of SesBot's app registration in that tenant.</summary>
    public string? ClientId { get; set; }

    /// <summary>The app's client secret. Secret: environment (<c>PartnerCenter__ClientSecret</c>) or user secrets.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>A PEM or PFX file holding the app's certificate with its private key; instead of a secret.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The password of a PFX <see cref="CertificatePath"/>, if it has one. Secret.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>The REST API's base address. Only https, except a loopback address (tests).</summary>
    [Required]
    public string Endpoint { get; set; } = DefaultEndpoint;

    /// <summary>Where Entra ID tokens come from (another cloud's login host, e.g. for 21Vianet).</summary>
    [Required]
    public string AuthorityHost { get; set; } = DefaultAuthorityHost;

    /// <summary>Retries after the first attempt, for reads and for throttled calls.</summary>
    [Range(0, 10)]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first backoff delay when the answer carries no <c>Retry-After</c>; doubled per retry, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>No computed backoff waits longer than this.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A <c>Retry-After</c> longer than this is shortened to it.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>One HTTP attempt. A PATCH that times out is not replayed: its outcome is unknown and a read decides.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The whole call, retries and waits included.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:30:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Error bodies are read up to this many bytes (they only feed the error code, the message and the log).</summary>
    [Range(1024, 1024 * 1024)]
    public int MaxErrorBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Whether an app identity is configured (a secret or a certificate); otherwise DefaultAzureCredential is used.</summary>
    public bool HasAppCredential => !string.IsNullOrWhiteSpace(ClientSecret) || !string.IsNullOrWhiteSpace(CertificatePath);

    /// <summary>The endpoint as a base URI ending in <c>/</c>, so relative paths keep any path it has.</summary>
    public Uri EndpointUri => new(Endpoint.TrimEnd('/') + "/", UriKind.Absolute);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsSafeAddress(Endpoint, out var endpointProblem))
        {
            yield return new ValidationResult($"PartnerCenter:Endpoint {endpointProblem}", [nameof(Endpoint)]);
        }

        if (!IsSafeAddress(AuthorityHost, out var authorityProblem))
        {
            yield return new ValidationResult($"PartnerCenter:AuthorityHost {authorityProblem}", [nameof(AuthorityHost)]);
        }

        if (!string.IsNullOrWhiteSpace(ClientSecret) && !string.IsNullOrWhiteSpace(CertificatePath))
        {
            yield return new ValidationResult(
                "PartnerCenter:ClientSecret and PartnerCenter:CertificatePath are both set; configure one of them.",
                [nameof(ClientSecret), nameof(CertificatePath)]);
        }

        if (HasAppCredential && (string.IsNullOrWhiteSpace(TenantId) || string.IsNullOrWhiteSpace(ClientId)))
        {
            yield return new ValidationResult(
                "PartnerCenter:TenantId and PartnerCenter:ClientId are required with a client secret or certificate.",
                [nameof(TenantId), nameof(ClientId)]);
        }

        if (!string.IsNullOrWhiteSpace(CertificatePath) && !File.Exists(CertificatePath))
        {
            yield return new ValidationResult($"PartnerCenter:CertificatePath: no file at {CertificatePath}.", [nameof(CertificatePath)]);
        }
    }

    /// <summary>An absolute https URL without user info, query or fragment; plain http only to a loopback address.</summary>
    internal static bool IsSafeAddress(string? value, out string problem)
    {
        if (string.IsNullOrWhiteSpace(value) || !Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            problem = "must be an absolute https URL.";
            return false;
        }

        if (!string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            problem = "must not carry user info, a query or a fragment.";
            return false;
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
        {
            problem = "must use https (plain http is allowed only to a loopback address, for tests).";
            return false;
        }

        problem = string.Empty;
        return true;
    }
}
