using System.Text.Json.Serialization;

namespace SesBot.Bot.Channels.Teams.AdaptiveCards;

/// <summary>
/// A button. Serializing through this type, as every card property does, writes the concrete action with its
/// <c>type</c> discriminator first (see <see cref="CardElement"/> for the one way to lose it).
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
