using Microsoft.Extensions.Logging.Abstractions;
using SesBot.Core.Gateways.Azure;

namespace SesBot.Core.Tests.Gateways.Azure;

/// <summary>The token handler on its own: the bearer goes only over https or to a loopback address.</summary>
public sealed class PartnerCenterAuthorizationHandlerTests
{
    [Fact]
    public async Task Send_PlainHttpToARemoteHost_RefusedBeforeATokenIsAskedFor()
    {
        var credential = new TestTokenCredential();
        var inner = new CountingHandler();
        using var invoker = new HttpMessageInvoker(new PartnerCenterAuthorizationHandler(credential, NullLogger<PartnerCenterClient>.Instance) { InnerHandler = inner });
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://api.partnercenter.example.com/v1/customers?size=1");

        var error = await Assert.ThrowsAsync<PartnerCenterException>(() => invoker.SendAsync(request, CancellationToken.None));

        Assert.Equal(PartnerCenterErrorKind.Authentication, error.Kind);
        Assert.Contains("must be https", error.Message, StringComparison.Ordinal);
        Assert.Empty(credential.ScopesRequested);
        Assert.Equal(0, inner.Calls);
    }

    [Theory]
    [InlineData("https://api.partnercenter.microsoft.com/v1/customers?size=1")]
    [InlineData("http://127.0.0.1:8080/v1/customers?size=1")]
    public async Task Send_HttpsOrLoopback_AddsTheBearerToken(string url)
    {
        var inner = new CountingHandler();
        using var invoker = new HttpMessageInvoker(new PartnerCenterAuthorizationHandler(new TestTokenCredential(), NullLogger<PartnerCenterClient>.Instance) { InnerHandler = inner });
        using var request = new HttpRequestMessage(HttpMethod.Get, url);

        using var response = await invoker.SendAsync(request, CancellationToken.None);

        Assert.Equal(1, inner.Calls);
        Assert.Equal("Bearer token-1", request.Headers.Authorization?.ToString());
    }

    /// <summary>Stands in for the network below the handler: answers 204 and counts.</summary>
    private sealed class CountingHandler : HttpMessageHandler
    {
        public int Calls { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.NoContent));
        }
    }
}
