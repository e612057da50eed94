using SesBot.Core.Gateways.Aws;

namespace SesBot.Core.Gateways;

/// <summary>
/// The payer (management) organization as the removal workflow needs it: a pre-flight read of one member account,
/// its removal, and the membership check that decides a removal whose outcome was unknown. Implemented by the real
/// Organizations client (<see cref="AwsOrganizationsGateway"/>) or by a simulated organization in the project
/// database (<see cref="Simulated.SimulatedAwsOrganizationGateway"/>); called only from the outbox dispatcher.
/// Failures throw <see cref="AwsOrganizationsException"/> with a typed error.
/// </summary>
public interface IAwsOrganizationGateway
{
    /// <summary>True for the simulated organization: cards and logs say so.</summary>
    bool IsSimulated { get; }

    /// <summary>State, joined method and date, delegated-administrator services and tags; <c>IsMember</c> false when the account is not in the organization.</summary>
    Task<AwsAccountFacts> ReadAccountAsync(string accountId, CancellationToken cancellationToken);

    /// <summary>
    /// Whether the account is still a member: DescribeAccount (AccountNotFound means it has left), confirmed by
    /// ListAccounts. Used to verify a removal and to reconcile one whose outcome was unknown.
    /// </summary>
    Task<bool> IsMemberAsync(string accountId, CancellationToken cancellationToken);

    /// <summary>RemoveAccountFromOrganization, sent once; an ambiguous failure is <see cref="AwsErrorKind.OutcomeUnknown"/>.</summary>
    Task RemoveAccountAsync(string accountId, CancellationToken cancellationToken);
}
