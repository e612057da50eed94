using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Core.Pipeline;
using Azure.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SesBot.Core.Gateways.Azure;
using static SesBot.Core.Tests.Gateways.Azure.PartnerCenterTestHost;

namespace SesBot.Core.Tests.Gateways.Azure;

/// <summary>
/// The real Azure.Identity <see cref="ClientSecretCredential"/>, built by <see cref="PartnerCenterCredentials"/>, against
/// an Entra-shaped token endpoint served over https on 127.0.0.1 (a self-signed certificate the credential's transport is
/// told to trust; Entra ID itself is not reachable here). Its token then authorizes a Partner Center read.
/// </summary>
public sealed class PartnerCenterEntraTokenTests
{
    private const string Tenant = "11111111-2222-3333-4444-555555555555";
    private const string App = "66666666-7777-8888-9999-000000000000";

    [Fact]
    public async Task ClientSecretCredential_LoopbackAuthority_AsksForThePartnerCenterScopeAndItsTokenIsSent()
    {
        using var certificate = LoopbackCertificate();
        var tokenForms = new List<IFormCollection>();
        await using var entra = await StartEntraAsync(certificate, tokenForms);
        var options = new PartnerCenterOptions { TenantId = Tenant, ClientId = App, ClientSecret = "s3cret", AuthorityHost = entra.Url + "/" };
        var credential = PartnerCenterCredentials.Create(options, o =>
        {
            o.Transport = new HttpClientTransport(new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == certificate.Thumbprint,
            });
            o.Retry.MaxRetries = 0;
            ((ClientSecretCredentialOptions)o).DisableInstanceDiscovery = true;
        });
        await using var partnerCenter = await PartnerCenterServer.StartAsync((c, _) => PartnerCenterServer.Json(c, 200, SubscriptionJson()));
        await using var provider = Build(partnerCenter.Url, credential);

        await provider.Client().GetSubscriptionAsync(Customer, SubscriptionId);
        await provider.Client().GetSubscriptionAsync(Customer, SubscriptionId);

        var form = Assert.Single(tokenForms); // the second call used the credential's cached token
        Assert.Equal("client_credentials", form["grant_type"].ToString());
        Assert.Equal(App, form["client_id"].ToString());
        Assert.Equal("s3cret", form["client_secret"].ToString());
        Assert.Contains(PartnerCenterOptions.Scope, form["scope"].ToString().Split(' '));
        Assert.All(partnerCenter.Requests, r => Assert.Equal("Bearer entra-issued-token", r.Header("Authorization")));
        Assert.Equal(2, partnerCenter.Requests.Count);
    }

    [Fact]
    public async Task ClientSecretCredential_EntraRefusesTheSecret_AuthenticationErrorAndNoCall()
    {
        using var certificate = LoopbackCertificate();
        await using var entra = await StartEntraAsync(certificate, [], refuse: true);
        var options = new PartnerCenterOptions { TenantId = Tenant, ClientId = App, ClientSecret = "wrong", AuthorityHost = entra.Url + "/" };
        var credential = PartnerCenterCredentials.Create(options, o =>
        {
            o.Transport = new HttpClientTransport(new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == certificate.Thumbprint,
            });
            o.Retry.MaxRetries = 0;
            ((ClientSecretCredentialOptions)o).DisableInstanceDiscovery = true;
        });
        await using var partnerCenter = await PartnerCenterServer.StartAsync((c, _) => PartnerCenterServer.Json(c, 200, SubscriptionJson()));
        await using var provider = Build(partnerCenter.Url, credential);

        var error = await Assert.ThrowsAsync<PartnerCenterException>(() => provider.Client().GetSubscriptionAsync(Customer, SubscriptionId));

        Assert.Equal(PartnerCenterErrorKind.Authentication, error.Kind);
        Assert.StartsWith(
            "SesBot could not get a Partner Center token from Entra ID: AADSTS7000215: Invalid client secret provided. Check PartnerCenter:TenantId",
            error.Message,
            StringComparison.Ordinal);
        Assert.Empty(partnerCenter.Requests);
    }

    /// <summary>An https server on 127.0.0.1 answering like Entra ID's v2.0 endpoints for one tenant.</summary>
    private static async Task<LoopbackEntra> StartEntraAsync(X509Certificate2 certificate, List<IFormCollection> tokenForms, bool refuse = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        string? issuer = null;
        app.MapGet($"/{Tenant}/v2.0/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = $"{issuer}/{Tenant}/v2.0",
            ["token_endpoint"] = $"{issuer}/{Tenant}/oauth2/v2.0/token",
            ["authorization_endpoint"] = $"{issuer}/{Tenant}/oauth2/v2.0/authorize",
            ["jwks_uri"] = $"{issuer}/{Tenant}/discovery/v2.0/keys",
        }));
        app.MapPost($"/{Tenant}/oauth2/v2.0/token", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            lock (tokenForms)
            {
                tokenForms.Add(form);
            }

            return refuse
                ? Results.Json(
                    new Dictionary<string, object>
                    {
                        ["error"] = "invalid_client",
                        ["error_description"] = "AADSTS7000215: Invalid client secret provided.",
                        ["error_codes"] = new[] { 7000215 },
                    },
                    statusCode: 401)
                : Results.Json(new Dictionary<string, object>
                {
                    ["token_type"] = "Bearer",
                    ["expires_in"] = 3599,
                    ["ext_expires_in"] = 3599,
                    ["access_token"] = "entra-issued-token",
                });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        issuer = new Uri(address).GetLeftPart(UriPartial.Authority);
        return new LoopbackEntra(app, issuer);
    }

    private static X509Certificate2 LoopbackCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }

    private sealed class LoopbackEntra(WebApplication app, string url) : IAsyncDisposable
    {
        public string Url { get; } = url;

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
