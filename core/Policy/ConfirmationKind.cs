namespace SesBot.Core.Policy;

/// <summary>How the reseller confirms an option before it is carried out.</summary>
public enum ConfirmationKind
{
    /// <summary>A plain "submit" on a review step.</summary>
    Confirm,

    /// <summary>The account id must be typed back exactly.</summary>
    TypeAccountId,
}
