namespace SesBot.Core.Execution;

/// <summary>How a click on "remove now" / "suspend" ended in the turn.</summary>
public enum ClaimOutcome
{
    /// <summary>A new execution was claimed (committed with the turn) and queued for the dispatcher.</summary>
    Started,

    /// <summary>An execution of the request is already under way; nothing new was queued.</summary>
    AlreadyRunning,

    /// <summary>The open execution's outcome was unknown: a read (never a second call) was queued to settle it.</summary>
    Rechecking,

    /// <summary>Not allowed (not support, four-eyes, wrong status, not a cloud change); the message says why.</summary>
    Refused,

    NotFound,
}
