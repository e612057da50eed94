namespace SesBot.Core.Workflow;

/// <summary>The inputs of support's card actions, named once for the cards, the handler and the validation messages.</summary>
public static class SupportFields
{
    /// <summary>Why support rejects (shown to the reseller); at most <see cref="Domain.FieldLimits.SupportNote"/> characters.</summary>
    public const string RejectReason = "rejectReason";

    /// <summary>What support asks the reseller.</summary>
    public const string Question = "question";

    /// <summary>The reseller's answer.</summary>
    public const string Answer = "answer";
}
