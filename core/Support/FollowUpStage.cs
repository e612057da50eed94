namespace SesBot.Core.Support;

/// <summary>How far the follow-up of one wait has gone. Stored as its name.</summary>
public enum FollowUpStage
{
    /// <summary>Nothing sent yet for this wait.</summary>
    Waiting,

    /// <summary>The one it waits on was reminded.</summary>
    Reminded,

    /// <summary>Support's escalation person or channel was told (waits on support only).</summary>
    Escalated,
}
