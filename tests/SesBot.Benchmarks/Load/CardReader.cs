using System.Text.Json.Nodes;

namespace SesBot.Benchmarks.Load;

/// <summary>Reads what a person would see and click on an Adaptive Card: its actions, inputs, choices and text.</summary>
internal static class CardReader
{
    /// <summary>The card of an invoke response (<c>value</c>) or the first card attachment of an activity; null if none.</summary>
    public static JsonObject? CardOf(JsonObject activityOrInvokeResponse)
    {
        if ((string?)activityOrInvokeResponse["type"] == "application/vnd.microsoft.card.adaptive")
        {
            return activityOrInvokeResponse["value"] as JsonObject;
        }

        return activityOrInvokeResponse["attachments"] is JsonArray attachments
            ? attachments.OfType<JsonObject>().FirstOrDefault(a => (string?)a["contentType"] == "application/vnd.microsoft.card.adaptive")?["content"] as JsonObject
            : null;
    }

    /// <summary>Every object in the card, depth first (body, containers, columns, action sets, actions).</summary>
    public static IEnumerable<JsonObject> Elements(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject element:
                yield return element;
                foreach (var (name, child) in element)
                {
                    if (name is "fallback" or "choices.data")
                    {
                        continue; // a fallback repeats its action; a dataset is not an element
                    }

                    foreach (var inner in Elements(child))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var inner in Elements(item))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }

    /// <summary>The card's <c>Action.Execute</c> with this verb (and, if given, data matching <paramref name="dataMatches"/>).</summary>
    public static JsonObject? FindExecute(JsonObject card, string verb, Func<JsonObject, bool>? dataMatches = null) =>
        Elements(card).FirstOrDefault(e =>
            (string?)e["type"] == "Action.Execute"
            && (string?)e["verb"] == verb
            && (dataMatches is null || (e["data"] is JsonObject data && dataMatches(data))));

    /// <summary>The ids and current values of the card's inputs.</summary>
    public static IEnumerable<(string Id, string Type, string? Value)> Inputs(JsonObject card) =>
        Elements(card)
            .Where(e => ((string?)e["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true && e["id"] is JsonValue)
            .Select(e => ((string)e["id"]!, (string)e["type"]!, e["value"]?.ToString()));

    /// <summary>The choices of the card's first <c>Input.ChoiceSet</c>.</summary>
    public static IReadOnlyList<(string Title, string Value)> Choices(JsonObject card) =>
        Elements(card).FirstOrDefault(e => (string?)e["type"] == "Input.ChoiceSet")?["choices"] is JsonArray choices
            ? [.. choices.OfType<JsonObject>().Select(c => ((string?)c["title"] ?? string.Empty, (string?)c["value"] ?? string.Empty))]
            : [];

    /// <summary>All text the card shows, joined.</summary>
    public static string Text(JsonObject card) =>
        string.Join(" | ", Elements(card).Select(e => e["text"]).OfType<JsonValue>().Select(v => v.ToString()));

    /// <summary>
    /// The data an <c>Action.Execute</c> click sends, as Teams builds it: the action's data, plus the card's input
    /// values (as shown, or as filled in by the person) unless the action submits no inputs.
    /// </summary>
    public static JsonObject ClickData(JsonObject card, JsonObject action, IReadOnlyDictionary<string, string> filledIn)
    {
        var data = action["data"] is JsonObject given ? (JsonObject)given.DeepClone() : [];
        if ((string?)action["associatedInputs"] is { } associated && associated.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return data;
        }

        foreach (var (id, _, value) in Inputs(card))
        {
            if (filledIn.TryGetValue(id, out var typed))
            {
                data[id] = typed;
            }
            else if (value is not null)
            {
                data[id] = value;
            }
        }

        return data;
    }
}
