namespace SesBot.Core.Execution;

public enum PreflightSeverity
{
    Info,

    /// <summary>Worth a look before clicking (the origin SES recorded disagrees with how the account joined).</summary>
    Warning,

    /// <summary>The provider would refuse the change now.</summary>
    Blocker,
}
