namespace SesBot.Core.Domain;

/// <summary>What kind of input a form field is.</summary>
public enum FormFieldKind
{
    Text,
    Multiline,
    Email,
    Phone,

    /// <summary>One of a fixed list of values.</summary>
    Choice,
}
