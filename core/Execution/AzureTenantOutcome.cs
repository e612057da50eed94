namespace SesBot.Core.Execution;

/// <summary>What checking an entered tenant id against Partner Center came to.</summary>
public enum AzureTenantOutcome
{
    /// <summary>The subscription is there; the tenant id is now the customer's (it had none, or another).</summary>
    Saved,

    /// <summary>The subscription is there, and the customer already had exactly this tenant id.</summary>
    Unchanged,

    /// <summary>Partner Center does not know the subscription under this tenant (404): nothing recorded.</summary>
    NotFound,

    /// <summary>The read failed otherwise (access, throttling, no answer): nothing recorded.</summary>
    ReadFailed,
}
