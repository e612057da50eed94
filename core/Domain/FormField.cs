namespace SesBot.Core.Domain;

/// <summary>One input a removal option asks for.</summary>
/// <param name="Id">The key its value travels under.</param>
/// <param name="Label">The label shown with the input.</param>
/// <param name="Name">What the value is called in a sentence (an error message), capitalised.</param>
/// <param name="IsRequired">Whether the request cannot be submitted without it.</param>
/// <param name="Kind">What kind of input it is.</param>
/// <param name="MaxLength">The most characters it may have (see <see cref="FieldLimits"/>).</param>
/// <param name="Placeholder">A hint shown in the empty input.</param>
/// <param name="Contact">The transfer contact field it fills, for the transfer of ownership's form.</param>
public sealed record FormField(
    string Id,
    string Label,
    string Name,
    bool IsRequired,
    FormFieldKind Kind,
    int MaxLength,
    string? Placeholder = null,
    ContactField? Contact = null)
{
    /// <summary>The message for a value over <see cref="MaxLength"/>.</summary>
    public string TooLongMessage => FieldLimits.TooLong(Name, MaxLength);

    /// <summary>Whether <paramref name="value"/> is over the limit (as sent, before any trimming).</summary>
    public bool IsTooLong(string? value) => value is not null && value.Length > MaxLength;
}
