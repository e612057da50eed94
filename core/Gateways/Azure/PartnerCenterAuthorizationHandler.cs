using System.Net.Http.Headers;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Logging;

namespace SesBot.Core.Gateways.Azure;

/// <summary>
/// Puts an Entra ID token for <see cref="PartnerCenterOptions.Scope"/> on each attempt (inside the retry loop, so a
/// long wait never sends a stale token). Azure.Identity caches the token until shortly before it expires.
/// The token never travels over plain HTTP except to a loopback address.
/// </summary>
internal sealed class PartnerCenterAuthorizationHandler(TokenCredential credential, ILogger<PartnerCenterClient> logger) : DelegatingHandler
{
    private static readonly TokenRequestContext TokenRequest = new([PartnerCenterOptions.Scope]);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri;
        var operation = request.Options.TryGetValue(PartnerCenterResilience.OperationKey, out var name) ? name : "call";
        if (uri is null || (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback))
        {
            throw new PartnerCenterException(
                PartnerCenterErrorKind.Authentication,
                operation,
                $"Refusing to send the Partner Center token over plain HTTP to {uri?.Host}; PartnerCenter:Endpoint must be https.");
        }

        AccessToken token;
        try
        {
            token = await credential.GetTokenAsync(TokenRequest, cancellationToken);
        }
        catch (Exception ex) when (ex is AuthenticationFailedException or CredentialUnavailableException)
        {
            var reason = PartnerCenterCredentials.Explain(ex);
            Log.PartnerCenterTokenFailed(logger, ex.GetType().Name, reason);
            throw new PartnerCenterException(
                PartnerCenterErrorKind.Authentication,
                operation,
                "SesBot could not get a Partner Center token from Entra ID: " + reason
                + (reason.EndsWith('.') ? " Check" : ". Check")
                + " PartnerCenter:TenantId, PartnerCenter:ClientId and the client secret or certificate (docs/partner-center.md).",
                ex);
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        return await base.SendAsync(request, cancellationToken);
    }
}
