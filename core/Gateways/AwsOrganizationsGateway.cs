using SesBot.Core.Gateways.Aws;

namespace SesBot.Core.Gateways;

/// <summary>The payer organization through the real Organizations client (chosen when the <c>Aws</c> section is configured).</summary>
public sealed class AwsOrganizationsGateway(AwsOrganizationsClient client) : IAwsOrganizationGateway
{
    public bool IsSimulated => false;

    public async Task<AwsAccountFacts> ReadAccountAsync(string accountId, CancellationToken cancellationToken)
    {
        AwsAccount account;
        try
        {
            account = await client.DescribeAccountAsync(accountId, cancellationToken);
        }
        catch (AwsOrganizationsException ex) when (ex.Kind == AwsErrorKind.AccountNotFound)
        {
            return AwsAccountFacts.NotMember(accountId);
        }

        var delegated = await client.ListDelegatedServicesForAccountAsync(accountId, cancellationToken);
        var tags = await client.ListTagsForResourceAsync(accountId, cancellationToken);
        return new AwsAccountFacts(
            accountId, true, account.State, account.JoinedMethod, account.JoinedTimestamp,
            [.. delegated.Select(d => d.ServicePrincipal)], tags);
    }

    public async Task<bool> IsMemberAsync(string accountId, CancellationToken cancellationToken)
    {
        try
        {
            await client.DescribeAccountAsync(accountId, cancellationToken);
            return true;
        }
        catch (AwsOrganizationsException ex) when (ex.Kind == AwsErrorKind.AccountNotFound)
        {
            // DescribeAccount no longer knows it; the full member list must agree before SesBot calls it gone.
            var members = await client.ListAccountsAsync(cancellationToken);
            return members.Any(a => a.Id == accountId);
        }
    }

    public Task RemoveAccountAsync(string accountId, CancellationToken cancellationToken) =>
        client.RemoveAccountFromOrganizationAsync(accountId, cancellationToken);
}
