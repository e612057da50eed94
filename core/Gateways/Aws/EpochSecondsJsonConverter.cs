using System.Text.Json;
using System.Text.Json.Serialization;

namespace SesBot.Core.Gateways.Aws;

/// <summary>Timestamps as AWS JSON protocols send them: epoch seconds as a number, possibly fractional (milliseconds).</summary>
internal sealed class EpochSecondsJsonConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw new JsonException($"Expected an epoch-seconds number, got {reader.TokenType}.");
        }

        var milliseconds = decimal.Round(reader.GetDecimal() * 1000m, 0, MidpointRounding.AwayFromZero);
        return DateTimeOffset.FromUnixTimeMilliseconds((long)milliseconds);
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var seconds = value.ToUnixTimeMilliseconds() / 1000m;
        writer.WriteNumberValue(seconds);
    }
}
