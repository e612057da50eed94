namespace SesBot.Core.Workflow;

/// <summary>How a workflow command ended. Only <see cref="Ok"/> and <see cref="Duplicate"/> changed (or had changed) anything.</summary>
public enum OutcomeKind
{
    Ok,

    /// <summary>The same submission was seen before; the request it made is returned.</summary>
    Duplicate,

    /// <summary>No such account, customer or request for this person.</summary>
    NotFound,

    /// <summary>The policy says no; the message says why.</summary>
    Denied,

    /// <summary>The input is wrong; the message (and field errors) say what to fix.</summary>
    Invalid,

    /// <summary>Someone else changed the same thing first.</summary>
    Conflict,
}
