using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Identity;

namespace SesBot.Core.Gateways.Azure;

/// <summary>Builds the app's Entra ID credential from <see cref="PartnerCenterOptions"/>.</summary>
public static class PartnerCenterCredentials
{
    /// <summary>
    /// A client secret → <see cref="ClientSecretCredential"/>; a certificate file → <see cref="ClientCertificateCredential"/>;
    /// neither → <see cref="DefaultAzureCredential"/> (managed identity, workload identity, environment, developer sign-in),
    /// limited to <see cref="PartnerCenterOptions.TenantId"/> when one is set.
    /// </summary>
    public static TokenCredential Create(PartnerCenterOptions options) => Create(options, configure: null);

    /// <summary>As <see cref="Create(PartnerCenterOptions)"/>; <paramref name="configure"/> adjusts the credential's client options (tests: transport).</summary>
    internal static TokenCredential Create(PartnerCenterOptions options, Action<TokenCredentialOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(options);
        var authority = new Uri(options.AuthorityHost, UriKind.Absolute);
        if (!string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            return new ClientSecretCredential(
                options.TenantId,
                options.ClientId,
                options.ClientSecret,
                Configured(new ClientSecretCredentialOptions { AuthorityHost = authority }, configure));
        }

        if (!string.IsNullOrWhiteSpace(options.CertificatePath) && !string.IsNullOrEmpty(options.CertificatePassword))
        {
            // A password-protected PFX is loaded here; the credential keeps the certificate for the process lifetime.
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword);
            return new ClientCertificateCredential(
                options.TenantId,
                options.ClientId,
                certificate,
                Configured(new ClientCertificateCredentialOptions { AuthorityHost = authority, SendCertificateChain = true }, configure));
        }

        if (!string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            return new ClientCertificateCredential(
                options.TenantId,
                options.ClientId,
                options.CertificatePath,
                Configured(new ClientCertificateCredentialOptions { AuthorityHost = authority, SendCertificateChain = true }, configure));
        }

        var defaults = new DefaultAzureCredentialOptions { AuthorityHost = authority };
        if (!string.IsNullOrWhiteSpace(options.TenantId))
        {
            defaults.TenantId = options.TenantId;
        }

        if (!string.IsNullOrWhiteSpace(options.ClientId))
        {
            defaults.ManagedIdentityClientId = options.ClientId;
            defaults.WorkloadIdentityClientId = options.ClientId;
        }

        return new DefaultAzureCredential(Configured(defaults, configure));
    }

    /// <summary>
    /// One line saying why a credential gave no token. Azure.Identity puts Entra ID's answer (<c>AADSTS…</c>) in an inner
    /// MSAL exception, with an outer message that ends in a colon; this finds it.
    /// </summary>
    public static string Explain(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        string? first = null;
        for (var current = exception; current is not null; current = current.InnerException)
        {
            foreach (var raw in current.Message.Split('\n'))
            {
                var line = raw.Trim();
                var entra = line.IndexOf("AADSTS", StringComparison.Ordinal);
                if (entra >= 0)
                {
                    return line[entra..];
                }

                if (first is null && line.Length > 0 && !line.EndsWith(':'))
                {
                    first = line;
                }
            }
        }

        return first ?? exception.GetType().Name;
    }

    private static T Configured<T>(T options, Action<TokenCredentialOptions>? configure)
        where T : TokenCredentialOptions
    {
        configure?.Invoke(options);
        return options;
    }
}
