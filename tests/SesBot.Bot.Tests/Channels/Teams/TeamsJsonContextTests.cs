using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using SesBot.Bot.Channels.Teams;
using SesBot.Bot.Channels.Teams.AdaptiveCards;
using SesBot.Bot.Channels.Teams.Protocol;
using SesBot.Bot.Tests.Channels.Teams.AdaptiveCards;

namespace SesBot.Bot.Tests.Channels.Teams;

/// <summary>
/// The generated JSON contracts of the Teams types write and read exactly what reflection would: the same options with
/// a reflection-only resolver are the reference.
/// </summary>
public sealed class TeamsJsonContextTests
{
    private static readonly JsonSerializerOptions ReflectionOnly = new(ProtocolJson.Options) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    private static readonly JsonSerializerOptions CardsByReflection = new(AdaptiveCardSerializer.Options) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "teams"), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void EveryCardElementAndAction_HasAGeneratedContract()
    {
        var derived = new[] { typeof(CardElement), typeof(CardAction) }
            .SelectMany(t => t.GetCustomAttributes<JsonDerivedTypeAttribute>().Select(a => a.DerivedType))
            .ToList();

        Assert.NotEmpty(derived);
        Assert.All(derived.Concat([typeof(AdaptiveCard), typeof(Activity), typeof(InvokeResponse)]), t =>
            Assert.NotNull(TeamsJsonContext.Default.GetTypeInfo(t)));
    }

    [Fact]
    public void CardWithEveryElement_SameJsonAsReflection()
    {
        var card = SampleCards.EveryElement();

        Assert.Equal(JsonSerializer.Serialize(card, ReflectionOnly), JsonSerializer.Serialize(card, ProtocolJson.Options));
        Assert.Equal(
            JsonSerializer.Serialize(card, CardsByReflection),
            AdaptiveCardSerializer.Serialize(card));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void InboundActivity_ReadAndWrittenAsByReflection(string fixture)
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "teams", fixture));

        var generated = JsonSerializer.Deserialize<Activity>(json, ProtocolJson.Options);
        var reflected = JsonSerializer.Deserialize<Activity>(json, ReflectionOnly);

        // Written back, both keep every field (unknown ones in the extension data) the same way.
        Assert.Equal(JsonSerializer.Serialize(reflected, ReflectionOnly), JsonSerializer.Serialize(generated, ProtocolJson.Options));
    }
}
