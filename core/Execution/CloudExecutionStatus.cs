namespace SesBot.Core.Execution;

/// <summary>Where an execution stands. Stored as its name.</summary>
public enum CloudExecutionStatus
{
    /// <summary>Committed before any call; the dispatcher carries it out (once <c>CallStartedAt</c> is set the call may have happened).</summary>
    Claimed,

    /// <summary>The provider confirmed the change (by its answer and a read-back, or by reconciliation).</summary>
    Succeeded,

    /// <summary>The provider refused, or the call never reached it: nothing changed; support may retry.</summary>
    Failed,

    /// <summary>The call may or may not have happened and a read could not settle it: never called again automatically.</summary>
    Unknown,
}
