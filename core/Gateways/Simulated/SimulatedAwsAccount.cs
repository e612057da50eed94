namespace SesBot.Core.Gateways.Simulated;

/// <summary>
/// A member account of the simulated payer organization (local mode), kept in the project database so that it
/// survives a restart and every process sees the same organization. Made from SES's own account at start
/// (<see cref="SimulatedCloudSeed"/>) or the first time the simulation is asked about it (<see cref="SimulatedScenarios"/>
/// decides how it behaves).
/// </summary>
public sealed class SimulatedAwsAccount
{
    public SimulatedAwsAccount(string accountId, string name, string joinedMethod, DateTimeOffset joinedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        AccountId = accountId;
        Name = name;
        JoinedMethod = joinedMethod;
        JoinedAt = joinedAt;
        State = "ACTIVE";
        IsMember = true;
    }

    public string AccountId { get; private set; }

    public string Name { get; private set; }

    public string State { get; set; }

    public string JoinedMethod { get; private set; }

    public DateTimeOffset JoinedAt { get; private set; }

    public bool IsMember { get; set; }

    public DateTimeOffset? LeftAt { get; set; }

    /// <summary>Tags as <c>key=value</c> lines.</summary>
    public string Tags { get; set; } = string.Empty;

    /// <summary>Service principals, one a line, it is a delegated administrator for.</summary>
    public string DelegatedServices { get; set; } = string.Empty;

    /// <summary>The error a removal produces (see <see cref="SimulatedScenarios"/>), e.g. <c>ConstraintViolation:WAIT_PERIOD_ACTIVE</c>.</summary>
    public string? Failure { get; set; }

    /// <summary>How many times RemoveAccountFromOrganization reached the simulation for this account.</summary>
    public int RemoveCalls { get; set; }
}
