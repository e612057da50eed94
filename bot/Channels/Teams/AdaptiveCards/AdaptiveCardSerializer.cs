using System.Text.Json;
using System.Text.Json.Serialization;

namespace SesBot.Bot.Channels.Teams.AdaptiveCards;

/// <summary>
/// The one place that turns cards into JSON: property names from the attributes, nulls omitted, the <c>type</c>
/// discriminator first. The card types carry everything else themselves, so a card inside an attachment serialized
/// with the Bot Framework wire options comes out the same.
/// </summary>
public static class AdaptiveCardSerializer
{
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    /// <summary>The same, indented (golden files, logs at Trace).</summary>
    public static JsonSerializerOptions IndentedOptions { get; } = Create(indented: true);

    public static string Serialize(AdaptiveCard card, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(card);
        return JsonSerializer.Serialize(card, indented ? IndentedOptions : Options);
    }

    public static JsonElement SerializeToElement(AdaptiveCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return JsonSerializer.SerializeToElement(card, Options);
    }

    /// <summary>Reads a card written by <see cref="Serialize"/> (or by hand; <c>type</c> may come anywhere).</summary>
    public static AdaptiveCard Deserialize(string json) =>
        JsonSerializer.Deserialize<AdaptiveCard>(json, Options)
        ?? throw new JsonException("The JSON is null, not an Adaptive Card.");

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            AllowOutOfOrderMetadataProperties = true,
            WriteIndented = indented,
            TypeInfoResolver = Protocol.ProtocolJson.Resolver,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
