using SesBot.Core.Localization;

namespace SesBot.Core.Domain;

/// <summary>
/// One input a removal option asks for. Its words (label, name, placeholder) are read from the resources
/// (Resources/Domain/FormField.resx, keys <c>Id.Label</c>, <c>Id.Name</c>, <c>Id.Placeholder</c>) in the turn's language.
/// </summary>
/// <param name="Id">The key its value travels under.</param>
/// <param name="IsRequired">Whether the request cannot be submitted without it.</param>
/// <param name="Kind">What kind of input it is.</param>
/// <param name="MaxLength">The most characters it may have (see <see cref="FieldLimits"/>).</param>
/// <param name="HasPlaceholder">Whether the empty input shows a hint.</param>
/// <param name="Contact">The transfer contact field it fills, for the transfer of ownership's form.</param>
public sealed record FormField(
    string Id,
    bool IsRequired,
    FormFieldKind Kind,
    int MaxLength,
    bool HasPlaceholder = false,
    ContactField? Contact = null)
{
    private static readonly Strings S = Strings.For(typeof(FormField));

    /// <summary>The label shown with the input.</summary>
    public string Label => S[Id + ".Label"];

    /// <summary>What the value is called in a sentence (an error message), capitalised.</summary>
    public string Name => S[Id + ".Name"];

    /// <summary>A hint shown in the empty input.</summary>
    public string? Placeholder => HasPlaceholder ? S[Id + ".Placeholder"] : null;

    /// <summary>The message for a value over <see cref="MaxLength"/>.</summary>
    public string TooLongMessage => FieldLimits.TooLong(Name, MaxLength);

    /// <summary>Whether <paramref name="value"/> is over the limit (as sent, before any trimming).</summary>
    public bool IsTooLong(string? value) => value is not null && value.Length > MaxLength;
}
