using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace SesBot.Bot.Channels.Teams.Protocol;

/// <summary>The one set of JSON options for the Bot Framework wire: camelCase names, nulls omitted.</summary>
public static class ProtocolJson
{
    /// <summary>
    /// The generated contracts of the Teams types first (<see cref="TeamsJsonContext"/>), reflection for the rest; one
    /// for every set of options that writes them. (Declared before <see cref="Options"/>, which is initialized with it.)
    /// </summary>
    internal static IJsonTypeInfoResolver Resolver { get; } = JsonTypeInfoResolver.Combine(TeamsJsonContext.Default, new DefaultJsonTypeInfoResolver());

    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = Resolver,
    };
}
