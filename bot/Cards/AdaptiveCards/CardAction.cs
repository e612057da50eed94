using System.Text.Json.Serialization;

namespace SesBot.Bot.Cards.AdaptiveCards;

/// <summary>
/// A button. Serializing through this type (or through <c>object</c> from a card) writes the concrete action, with its
/// <c>type</c> discriminator first.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ExecuteAction), "Action.Execute")]
[JsonDerivedType(typeof(SubmitAction), "Action.Submit")]
[JsonDerivedType(typeof(OpenUrlAction), "Action.OpenUrl")]
[JsonDerivedType(typeof(ShowCardAction), "Action.ShowCard")]
public abstract record CardAction
{
    [JsonPropertyName("title")]
    [JsonPropertyOrder(-1)]
    public string? Title { get; init; }

    [JsonPropertyName("style")]
    [JsonPropertyOrder(50)]
    public ActionStyle? Style { get; init; }
}
