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
    public static TokenCredential Create(PartnerCenterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var authority = new Uri(options.AuthorityHost, UriKind.Absolute);
        if (!string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            return new ClientSecretCredential(
                options.TenantId,
                options.ClientId,
                options.ClientSecret,
                new ClientSecretCredentialOptions { AuthorityHost = authority });
        }

        if (!string.IsNullOrWhiteSpace(options.CertificatePath) && !string.IsNullOrEmpty(options.CertificatePassword))
        {
            // A password-protected PFX is loaded here; the credential keeps the certificate for the process lifetime.
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword);
            return new ClientCertificateCredential(
                options.TenantId,
                options.ClientId,
                certificate,
                new ClientCertificateCredentialOptions { AuthorityHost = authority, SendCertificateChain = true });
        }

        if (!string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            return new ClientCertificateCredential(
                options.TenantId,
                options.ClientId,
                options.CertificatePath,
                new ClientCertificateCredentialOptions { AuthorityHost = authority, SendCertificateChain = true });
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

        return new DefaultAzureCredential(defaults);
    }
}
