using System.Text.Json.Nodes;

namespace SesBot.Bot.Tests.EndToEnd;

/// <summary>Reads what a person sees in an Adaptive Card the bot sent: its texts, inputs and buttons.</summary>
internal static class CardReader
{
    public static IEnumerable<JsonObject> Nodes(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var child in obj.Select(p => p.Value).SelectMany(Nodes))
                {
                    yield return child;
                }

                break;
            case JsonArray array:
                foreach (var child in array.SelectMany(Nodes))
                {
                    yield return child;
                }

                break;
        }
    }

    /// <summary>
    /// Every text, title, label and value in the card (or message), joined by new lines, as a person sees it: the
    /// markdown escapes the renderer adds to TextBlocks and facts (a backslash before punctuation, a zero-width space
    /// inside <c>{{</c>) do not show.
    /// </summary>
    public static string Text(JsonNode? node) => string.Join("\n", Nodes(node)
        .SelectMany(o => new[] { o["text"], o["title"], o["label"], o["value"] })
        .OfType<JsonValue>()
        .Select(v => v.TryGetValue<string>(out var text) ? Unescape(text) : null)
        .OfType<string>());

    private static string Unescape(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"\\(\p{P}|\p{S})", "$1").Replace("\u200B", string.Empty, StringComparison.Ordinal);

    /// <summary>The data of the Action.Execute button with this verb (a copy, to add inputs to).</summary>
    public static JsonObject ActionData(JsonNode? card, string verb)
    {
        var action = Nodes(card).FirstOrDefault(o => o["type"]?.GetValue<string>() == "Action.Execute" && o["verb"]?.GetValue<string>() == verb)
            ?? throw new InvalidOperationException($"No button with verb {verb} in:\n{card?.ToJsonString()}");
        return (action["data"]?.DeepClone() as JsonObject) ?? [];
    }

    /// <summary>The data of the Action.Execute button with this verb whose data has <paramref name="dataKey"/> = <paramref name="dataValue"/> (a copy).</summary>
    public static JsonObject ActionData(JsonNode? card, string verb, string dataKey, string dataValue)
    {
        var action = Nodes(card).FirstOrDefault(o => o["type"]?.GetValue<string>() == "Action.Execute" && o["verb"]?.GetValue<string>() == verb
                && o["data"]?[dataKey]?.GetValue<string>() == dataValue)
            ?? throw new InvalidOperationException($"No button with verb {verb} and {dataKey}={dataValue} in:\n{card?.ToJsonString()}");
        return (action["data"]?.DeepClone() as JsonObject) ?? [];
    }

    public static bool HasAction(JsonNode? card, string verb, string? dataKey = null, string? dataValue = null) =>
        Nodes(card).Any(o => o["type"]?.GetValue<string>() == "Action.Execute"
            && o["verb"]?.GetValue<string>() == verb
            && (dataKey is null || o["data"]?[dataKey]?.GetValue<string>() == dataValue));

    /// <summary>The input with this id (its value, label, and the error text right after it, if any).</summary>
    public static JsonObject Input(JsonNode? card, string id) =>
        Nodes(card).FirstOrDefault(o => o["id"]?.GetValue<string>() == id && o["type"]?.GetValue<string>()?.StartsWith("Input.", StringComparison.Ordinal) == true)
        ?? throw new InvalidOperationException($"No input {id} in:\n{card?.ToJsonString()}");

    public static JsonObject With(this JsonObject data, params (string Key, string Value)[] values)
    {
        foreach (var (key, value) in values)
        {
            data[key] = value;
        }

        return data;
    }
}
