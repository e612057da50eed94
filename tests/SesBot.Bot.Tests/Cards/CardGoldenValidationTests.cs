using System.Text.Json.Nodes;
using SesBot.Bot.Tests.Support;

namespace SesBot.Bot.Tests.Cards;

/// <summary>
/// The reviewed golden cards (Golden/cards/*.json, written by <see cref="CardGoldenTests"/>) pass the official Adaptive
/// Cards renderer for a Teams host (1.5), all in one node run; the plain-text ones are messages Teams shows as text.
/// </summary>
public sealed class CardGoldenValidationTests
{
    [Fact]
    public async Task GoldenCards_EveryAdaptiveCard_PassesTheOfficialRenderer()
    {
        var cards = Goldens().Where(g => g.Json["type"]?.GetValue<string>() == "AdaptiveCard").ToList();
        Assert.True(cards.Count >= 40, $"Only {cards.Count} golden cards in {CardGoldens.Directory}.");

        var results = await AdaptiveCardsRenderer.ValidateManyAsync(cards.Select(c => new KeyValuePair<string, string>(c.Name, c.Json.ToJsonString())));

        Assert.Equal(cards.Select(c => c.Name), results.Select(r => r.Name));
        var invalid = results.Where(r => !r.Valid).ToList();
        Assert.True(invalid.Count == 0, string.Join("\n", invalid));
        // The only finding Teams accepts is choices.data (typeahead), and only on the customer pickers that use it.
        Assert.All(results.SelectMany(r => r.Accepted), a => Assert.Contains("choices.data", a.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void GoldenCards_Everything_IsACardOrAPlainTextMessage()
    {
        var goldens = Goldens();

        Assert.All(goldens, g =>
        {
            var type = g.Json["type"]?.GetValue<string>();
            Assert.True(type is "AdaptiveCard" or "message", $"{g.Name}: type {type}");
            if (type == "AdaptiveCard")
            {
                Assert.Equal("1.5", g.Json["version"]?.GetValue<string>());
                Assert.False(string.IsNullOrWhiteSpace(g.Json["fallbackText"]?.GetValue<string>()), $"{g.Name}: no fallbackText");
            }
            else
            {
                Assert.Equal("plain", g.Json["textFormat"]?.GetValue<string>());
                Assert.False(string.IsNullOrWhiteSpace(g.Json["text"]?.GetValue<string>()), $"{g.Name}: no text");
            }
        });
        Assert.DoesNotContain(goldens, g => g.Name.EndsWith(".received", StringComparison.Ordinal));
    }

    private static List<(string Name, JsonNode Json)> Goldens() =>
    [
        .. Directory.GetFiles(CardGoldens.Directory, "*.json")
            .Where(f => !f.EndsWith(".received.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileNameWithoutExtension(f), JsonNode.Parse(File.ReadAllText(f))
                ?? throw new InvalidOperationException($"{f} is null."))),
    ];
}
