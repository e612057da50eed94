using SesBot.Bot.Dialogs;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Core.Domain;

namespace SesBot.Bot.Cards;

/// <summary>Form inputs built from the removal option catalog: the same id, label, kind and limit everywhere.</summary>
public static partial class RemovalCards
{
    /// <summary>
    /// A form field's input with the value already entered and the error to show under it (errors by field id). A required
    /// field is marked so on the card (the client shows its mark and holds the click back while it is empty); the server
    /// checks again and says what is missing, field by field, keeping the rest.
    /// </summary>
    internal static TextInputBlock Input(FormField field, string? value, IReadOnlyDictionary<string, string>? errors, string? label = null) =>
        new(field.Id, label ?? field.Label)
        {
            Value = value,
            Error = ErrorOf(errors, field.Id),
            IsRequired = field.IsRequired,
            Kind = field.Kind switch
            {
                FormFieldKind.Multiline => TextInputKind.Multiline,
                FormFieldKind.Email => TextInputKind.Email,
                FormFieldKind.Phone => TextInputKind.Phone,
                _ => TextInputKind.Text,
            },
            MaxLength = field.MaxLength,
            Placeholder = field.Placeholder,
        };

    /// <summary>A form field's input with the value the dialog kept for it.</summary>
    internal static TextInputBlock Input(FlowState state, FormField field, IReadOnlyDictionary<string, string>? errors, string? label = null) =>
        Input(field, state.Field(field.Id), errors, label);

    internal static string? ErrorOf(IReadOnlyDictionary<string, string>? errors, string id) =>
        errors is not null && errors.TryGetValue(id, out var message) ? message : null;
}
