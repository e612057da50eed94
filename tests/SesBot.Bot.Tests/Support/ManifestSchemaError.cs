using System.Text.Json.Serialization;

namespace SesBot.Bot.Tests.Support;

/// <summary>One JSON-schema violation: the JSON pointer of the offending value and ajv's message.</summary>
public sealed record ManifestSchemaError(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("message")] string Message)
{
    public override string ToString() => $"{(Path.Length == 0 ? "/" : Path)} {Message}";
}
