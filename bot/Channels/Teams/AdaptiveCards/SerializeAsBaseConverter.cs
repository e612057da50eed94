using System.Text.Json;
using System.Text.Json.Serialization;

namespace SesBot.Bot.Channels.Teams.AdaptiveCards;

/// <summary>
/// For a property typed as a concrete card object (e.g. <see cref="CardRefresh.Action"/>): writes and reads it through
/// its polymorphic base, so the <c>type</c> discriminator is not lost.
/// </summary>
public sealed class SerializeAsBaseConverter<TBase, TDerived> : JsonConverter<TDerived>
    where TBase : class
    where TDerived : class, TBase
{
    public override TDerived? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<TBase>(ref reader, options) switch
        {
            null => null,
            TDerived derived => derived,
            var other => throw new JsonException($"Expected {typeof(TDerived).Name}, found {other.GetType().Name}."),
        };

    public override void Write(Utf8JsonWriter writer, TDerived value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize<TBase>(writer, value, options);
}
