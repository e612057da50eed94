using System.Text.Json.Serialization;

namespace SesBot.Bot.Tests.Support;

/// <summary>
/// One finding of the official renderer: <see cref="Phase"/> Parse, Validation or Host; <see cref="Event"/> a
/// ValidationEvent name such as UnknownElementType, PropertyCantBeNull, DuplicateId.
/// </summary>
public sealed record CardValidationIssue(
    [property: JsonPropertyName("phase")] string Phase,
    [property: JsonPropertyName("event")] string Event,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("source")] string? Source)
{
    public override string ToString() => $"{Phase} {Event} at {Source ?? "card"}: {Message}";
}
