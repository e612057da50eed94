using System.Text.Json.Serialization;

namespace SesBot.Bot.Channels.Teams.AdaptiveCards;

/// <summary>
/// An element of a card body. Serializing through this type, as every card property does, writes the concrete element
/// with its <c>type</c> discriminator first. (A bare element serialized as its own type or as <c>object</c> has no
/// <c>type</c>: serialize whole cards, or elements as <see cref="CardElement"/>.)
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(RichTextBlock), "RichTextBlock")]
[JsonDerivedType(typeof(FactSet), "FactSet")]
[JsonDerivedType(typeof(Container), "Container")]
[JsonDerivedType(typeof(ColumnSet), "ColumnSet")]
[JsonDerivedType(typeof(Image), "Image")]
[JsonDerivedType(typeof(ActionSet), "ActionSet")]
[JsonDerivedType(typeof(TextInput), "Input.Text")]
[JsonDerivedType(typeof(NumberInput), "Input.Number")]
[JsonDerivedType(typeof(DateInput), "Input.Date")]
[JsonDerivedType(typeof(ToggleInput), "Input.Toggle")]
[JsonDerivedType(typeof(ChoiceSetInput), "Input.ChoiceSet")]
public abstract record CardElement
{
    /// <summary>Space above the element.</summary>
    [JsonPropertyName("spacing")]
    [JsonPropertyOrder(100)]
    public Spacing? Spacing { get; init; }

    /// <summary>Draws a line above the element.</summary>
    [JsonPropertyName("separator")]
    [JsonPropertyOrder(101)]
    public bool? Separator { get; init; }
}
