using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SesBot.Core.Gateways.Azure;

namespace SesBot.Core.Tests.Gateways.Azure;

/// <summary>The <c>PartnerCenter:</c> section is checked at start; the credential follows what is configured.</summary>
public sealed class PartnerCenterOptionsTests
{
    [Theory]
    [InlineData("https://api.partnercenter.microsoft.com", true)]
    [InlineData("http://127.0.0.1:5000", true)]
    [InlineData("http://localhost:5000", true)]
    [InlineData("http://api.partnercenter.microsoft.com", false)]
    [InlineData("ftp://api.partnercenter.microsoft.com", false)]
    [InlineData("https://user:pw@api.partnercenter.microsoft.com", false)]
    [InlineData("https://api.partnercenter.microsoft.com?x=1", false)]
    [InlineData("api.partnercenter.microsoft.com", false)]
    public void Validate_Endpoint_HttpsUnlessLoopback(string endpoint, bool valid)
    {
        var errors = Errors(new PartnerCenterOptions { Endpoint = endpoint });

        Assert.Equal(valid, errors.Count == 0);
        if (!valid)
        {
            Assert.Contains("PartnerCenter:Endpoint", Assert.Single(errors), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_SecretAndCertificateBoth_Refused()
    {
        var errors = Errors(new PartnerCenterOptions { TenantId = "t", ClientId = "c", ClientSecret = "s", CertificatePath = "/etc/hostname" });

        Assert.Contains(errors, e => e.Contains("configure one of them", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_SecretWithoutTenantOrClient_Refused()
    {
        var errors = Errors(new PartnerCenterOptions { ClientSecret = "s" });

        Assert.Contains(errors, e => e.Contains("TenantId and PartnerCenter:ClientId are required", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_CertificateFileMissing_Refused()
    {
        var errors = Errors(new PartnerCenterOptions { TenantId = "t", ClientId = "c", CertificatePath = "/nonexistent/sesbot.pem" });

        Assert.Contains(errors, e => e.Contains("no file at /nonexistent/sesbot.pem", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_Defaults_Valid()
    {
        var options = new PartnerCenterOptions();

        Assert.Empty(Errors(options));
        Assert.Equal(new Uri("https://api.partnercenter.microsoft.com/"), options.EndpointUri);
        Assert.Equal("https://login.microsoftonline.com/", options.AuthorityHost);
        Assert.False(options.HasAppCredential);
    }

    [Fact]
    public void AddPartnerCenter_HttpEndpointToARemoteHost_FailsWhenOptionsAreRead()
    {
        using var provider = PartnerCenterTestHost.Build("http://partner.example.com", new TestTokenCredential());

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<PartnerCenterOptions>>().Value);

        Assert.Contains("must use https", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_ClientSecret_ClientSecretCredential() =>
        Assert.IsType<ClientSecretCredential>(PartnerCenterCredentials.Create(
            new PartnerCenterOptions { TenantId = "contoso.onmicrosoft.com", ClientId = Guid.NewGuid().ToString(), ClientSecret = "s" }));

    [Fact]
    public void Create_NoSecret_DefaultAzureCredential() =>
        Assert.IsType<DefaultAzureCredential>(PartnerCenterCredentials.Create(new PartnerCenterOptions()));

    [Fact]
    public void Create_CertificateFile_ClientCertificateCredential()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sesbot-pc-{Guid.NewGuid():N}.pem");
        using (var key = System.Security.Cryptography.RSA.Create(2048))
        {
            var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
                "CN=SesBot test", key, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
            File.WriteAllText(path, certificate.ExportCertificatePem() + "\n" + key.ExportPkcs8PrivateKeyPem());
        }

        try
        {
            var options = new PartnerCenterOptions { TenantId = "contoso.onmicrosoft.com", ClientId = Guid.NewGuid().ToString(), CertificatePath = path };

            Assert.Empty(Errors(options));
            Assert.IsType<ClientCertificateCredential>(PartnerCenterCredentials.Create(options));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AddPartnerCenter_NoCredentialRegistered_BuildsOneFromOptions()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["PartnerCenter:TenantId"] = "contoso.onmicrosoft.com",
                ["PartnerCenter:ClientId"] = "00000000-0000-0000-0000-000000000001",
                ["PartnerCenter:ClientSecret"] = "s",
            }).Build());
        services.AddLogging();
        services.AddPartnerCenter();
        using var provider = services.BuildServiceProvider();

        Assert.IsType<ClientSecretCredential>(provider.GetRequiredKeyedService<TokenCredential>(PartnerCenterServiceCollectionExtensions.CredentialKey));
        Assert.NotNull(provider.GetRequiredService<PartnerCenterClient>());
    }

    private static List<string> Errors(PartnerCenterOptions options) =>
        [.. options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).Select(r => r.ErrorMessage ?? string.Empty)];
}
