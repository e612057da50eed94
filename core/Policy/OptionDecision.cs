using SesBot.Core.Domain;

namespace SesBot.Core.Policy;

/// <summary>One option the reseller has, allowed or denied, with what it means in words.</summary>
/// <param name="Option">The option.</param>
/// <param name="IsAllowed">Whether the reseller can choose it now.</param>
/// <param name="Title">A short name for a button or a heading.</param>
/// <param name="Explanation">What happens if it is chosen.</param>
/// <param name="DenialReason">Why it cannot be chosen, when denied.</param>
/// <param name="Warnings">What the reseller must read before choosing it.</param>
/// <param name="Confirmation">How the choice is confirmed.</param>
public sealed record OptionDecision(
    RemovalOption Option,
    bool IsAllowed,
    string Title,
    string Explanation,
    string? DenialReason,
    IReadOnlyList<string> Warnings,
    ConfirmationKind Confirmation)
{
    /// <summary>The option's catalog entry: its form, next steps and who carries it out.</summary>
    public RemovalOptionInfo Info => RemovalOptionCatalog.Get(Option);

    /// <summary>Whether choosing it needs the transfer contact fields.</summary>
    public bool NeedsTransferContact => Info.Fields.Any(f => f.Contact is not null);
}
