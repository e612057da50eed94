namespace SesBot.Core.Domain;

/// <summary>Where a cloud account stands in the platform.</summary>
public enum AccountState
{
    /// <summary>Linked and billed through the distributor.</summary>
    Active,

    /// <summary>An Azure subscription suspended on request.</summary>
    Suspended,

    /// <summary>Gone from the distributor: transferred, removed from the payer organization or unlinked. Its billing history stays.</summary>
    Departed,

    /// <summary>Deleted from the platform together with its history (only ever for accounts added in error).</summary>
    Deleted,
}
