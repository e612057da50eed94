using Azure.Core;
using Azure.Identity;

namespace SesBot.Core.Tests.Gateways.Azure;

/// <summary>
/// A hand-written credential: hands out <c>token-1</c>, <c>token-2</c>, … and records the scopes asked for, or fails the
/// way Azure.Identity fails when Entra ID refuses the app. (A real token endpoint over https is not available here.)
/// </summary>
internal sealed class TestTokenCredential : TokenCredential
{
    private int _issued;

    public string? FailWith { get; init; }

    public List<string[]> ScopesRequested { get; } = [];

    public int Issued => _issued;

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        GetTokenAsync(requestContext, cancellationToken).AsTask().GetAwaiter().GetResult();

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        lock (ScopesRequested)
        {
            ScopesRequested.Add(requestContext.Scopes);
        }

        if (FailWith is not null)
        {
            throw new AuthenticationFailedException(FailWith);
        }

        var number = Interlocked.Increment(ref _issued);
        return ValueTask.FromResult(new AccessToken($"token-{number}", DateTimeOffset.UtcNow.AddHours(1)));
    }
}
