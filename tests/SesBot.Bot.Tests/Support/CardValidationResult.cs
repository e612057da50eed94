using System.Text.Json.Serialization;

namespace SesBot.Bot.Tests.Support;

/// <summary>
/// The renderer's verdict on one card. <see cref="Accepted"/> holds findings Teams is known to accept (e.g.
/// <c>choices.data</c> on a 1.5 card); they do not make the card invalid.
/// </summary>
public sealed record CardValidationResult(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("valid")] bool Valid,
    [property: JsonPropertyName("errors")] IReadOnlyList<CardValidationIssue> Errors,
    [property: JsonPropertyName("accepted")] IReadOnlyList<CardValidationIssue> Accepted)
{
    /// <summary>The card rendered to HTML by the official renderer, markdown processed (only from <c>RenderAsync</c>).</summary>
    [JsonPropertyName("html")]
    public string? Html { get; init; }

    public bool Has(string validationEvent) => Errors.Any(e => e.Event == validationEvent);

    public override string ToString() =>
        Valid ? $"{Name}: valid" : $"{Name}: {Errors.Count} error(s)\n  " + string.Join("\n  ", Errors);
}
