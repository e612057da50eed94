using System.Text.Json.Serialization;

namespace SesBot.Bot.Tests.Support;

/// <summary>The verdict of the official Teams manifest schema; <see cref="Schema"/> is the bundled file used.</summary>
public sealed record ManifestValidationResult(
    [property: JsonPropertyName("valid")] bool Valid,
    [property: JsonPropertyName("schema")] string Schema,
    [property: JsonPropertyName("errors")] IReadOnlyList<ManifestSchemaError> Errors)
{
    public override string ToString() => Valid ? "valid" : string.Join("\n", Errors);
}
