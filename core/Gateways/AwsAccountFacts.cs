using SesBot.Core.Gateways.Aws;

namespace SesBot.Core.Gateways;

/// <summary>What the payer organization says about one account before anyone removes it.</summary>
/// <param name="AccountId">The 12-digit account id.</param>
/// <param name="IsMember">False when the organization does not know the account (it never joined, or has left).</param>
/// <param name="State">Organizations' <c>State</c> (<c>ACTIVE</c>, <c>SUSPENDED</c>, …), null when not a member.</param>
/// <param name="JoinedMethod"><c>INVITED</c> or <c>CREATED</c>.</param>
/// <param name="JoinedAt">When it joined the organization.</param>
/// <param name="DelegatedServices">Service principals it is a delegated administrator for (it cannot be removed then).</param>
/// <param name="Tags">Its tags (AWS deletes them when it leaves).</param>
public sealed record AwsAccountFacts(
    string AccountId,
    bool IsMember,
    string? State,
    string? JoinedMethod,
    DateTimeOffset? JoinedAt,
    IReadOnlyList<string> DelegatedServices,
    IReadOnlyList<AwsTag> Tags)
{
    public const string Created = "CREATED";
    public const string Invited = "INVITED";

    public static AwsAccountFacts NotMember(string accountId) => new(accountId, false, null, null, null, [], []);
}
