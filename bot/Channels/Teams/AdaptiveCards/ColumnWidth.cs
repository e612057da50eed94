using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SesBot.Bot.Channels.Teams.AdaptiveCards;

/// <summary>
/// A column's width: <c>"auto"</c>, <c>"stretch"</c>, a relative weight (a number) or pixels (<c>"80px"</c>).
/// </summary>
[JsonConverter(typeof(ColumnWidthConverter))]
public readonly record struct ColumnWidth
{
    private readonly string? _keyword;

    private ColumnWidth(string keyword, int amount)
    {
        _keyword = keyword;
        Amount = amount;
    }

    public static ColumnWidth Auto { get; } = new("auto", 0);

    public static ColumnWidth Stretch { get; } = new("stretch", 0);

    /// <summary>"auto", "stretch", "weight" or "px"; <c>default(ColumnWidth)</c> is "auto".</summary>
    public string Keyword => _keyword ?? "auto";

    /// <summary>The weight or the pixels; 0 for auto and stretch.</summary>
    public int Amount { get; }

    public static ColumnWidth Weight(int weight) =>
        weight > 0 ? new("weight", weight) : throw new ArgumentOutOfRangeException(nameof(weight), "A weight is positive.");

    public static ColumnWidth Pixels(int pixels) =>
        pixels > 0 ? new("px", pixels) : throw new ArgumentOutOfRangeException(nameof(pixels), "A width is positive.");

    public override string ToString() => Keyword switch
    {
        "weight" => Amount.ToString(CultureInfo.InvariantCulture),
        "px" => Amount.ToString(CultureInfo.InvariantCulture) + "px",
        _ => Keyword,
    };

    internal sealed class ColumnWidthConverter : JsonConverter<ColumnWidth>
    {
        public override ColumnWidth Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Number)
            {
                return Weight(reader.GetInt32());
            }

            var text = reader.GetString() ?? throw new JsonException("A column width is a string or a number.");
            if (text.Equals("auto", StringComparison.OrdinalIgnoreCase))
            {
                return Auto;
            }

            if (text.Equals("stretch", StringComparison.OrdinalIgnoreCase))
            {
                return Stretch;
            }

            if (text.EndsWith("px", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(text.AsSpan(0, text.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var pixels))
            {
                return Pixels(pixels);
            }

            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var weight)
                ? Weight(weight)
                : throw new JsonException($"Not a column width: \"{text}\".");
        }

        public override void Write(Utf8JsonWriter writer, ColumnWidth value, JsonSerializerOptions options)
        {
            if (value.Keyword == "weight")
            {
                writer.WriteNumberValue(value.Amount);
            }
            else
            {
                writer.WriteStringValue(value.ToString());
            }
        }
    }
}
