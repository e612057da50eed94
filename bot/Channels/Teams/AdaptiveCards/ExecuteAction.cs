using System.Text.Json.Serialization;

namespace SesBot.Bot.Channels.Teams.AdaptiveCards;

/// <summary>
/// <c>Action.Execute</c> (Universal Actions, card version 1.4+): Teams sends an <c>adaptiveCard/action</c> invoke with
/// <see cref="Verb"/> and <see cref="Data"/>, and the invoke response may replace the card. Teams wants an
/// <c>Action.Submit</c> in <see cref="Fallback"/>; <see cref="WithSubmitFallback"/> builds both.
/// </summary>
public sealed record ExecuteAction : CardAction
{
    /// <summary>The key under which a fallback <c>Action.Submit</c> carries the verb in its data.</summary>
    public const string VerbDataKey = "verb";

    /// <summary>One of <see cref="ActionIds"/>.</summary>
    [JsonPropertyName("verb")]
    public required string Verb { get; init; }

    /// <summary>Entity ids and the like; echoed back by the client, so re-check them on the server.</summary>
    [JsonPropertyName("data")]
    public object? Data { get; init; }

    /// <summary><c>Auto</c> (the default: inputs are validated and sent) or <c>None</c> (no inputs, no validation: Back, Cancel).</summary>
    [JsonPropertyName("associatedInputs")]
    public string? AssociatedInputs { get; init; }

    /// <summary>What clients without Universal Actions show instead.</summary>
    [JsonPropertyName("fallback")]
    [JsonPropertyOrder(90)]
    public CardAction? Fallback { get; init; }

    /// <summary>
    /// An <c>Action.Execute</c> whose fallback is an <c>Action.Submit</c> with the same title, style and data plus
    /// <c>"verb"</c>, so the bot routes both the same way.
    /// </summary>
    public static ExecuteAction WithSubmitFallback(
        string verb, string title, IReadOnlyDictionary<string, string>? data = null, ActionStyle? style = null, string? associatedInputs = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(verb);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        if (data is not null && data.ContainsKey(VerbDataKey))
        {
            throw new ArgumentException($"The data must not use the reserved key \"{VerbDataKey}\".", nameof(data));
        }

        var submitData = new Dictionary<string, string>(StringComparer.Ordinal) { [VerbDataKey] = verb };
        foreach (var (key, value) in data ?? new Dictionary<string, string>())
        {
            submitData[key] = value;
        }

        return new ExecuteAction
        {
            Title = title,
            Verb = verb,
            Data = data,
            Style = style,
            AssociatedInputs = associatedInputs,
            Fallback = new SubmitAction { Title = title, Data = submitData, Style = style, AssociatedInputs = associatedInputs },
        };
    }
}
