using Azure.Core;
using Azure.Identity;

namespace SesBot.Bot.Tests.Cli;

/// <summary>A hand-written credential for the check command: a fixed token, or Entra ID's refusal.</summary>
internal sealed class FixedTokenCredential(string token, string? failWith = null) : TokenCredential
{
    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        failWith is null
            ? new AccessToken(token, new DateTimeOffset(2030, 1, 2, 3, 4, 0, TimeSpan.Zero))
            : throw new AuthenticationFailedException(failWith);

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
