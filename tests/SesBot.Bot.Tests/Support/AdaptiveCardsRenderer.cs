using System.Text.Json;
using System.Text.Json.Nodes;
using SesBot.Bot.Channels.Teams.AdaptiveCards;

namespace SesBot.Bot.Tests.Support;

/// <summary>
/// Validates cards with the official Adaptive Cards renderer (npm <c>adaptivecards</c>, tests/node/validate-card.js):
/// the parse events and <c>validateProperties()</c> failures, for a host that renders up to version 1.5 (Teams).
/// Many cards go through one node process: collect them and call <see cref="ValidateManyAsync"/>.
/// </summary>
public static class AdaptiveCardsRenderer
{
    public const string TeamsHostVersion = "1.5";

    public static async Task<CardValidationResult> ValidateAsync(string cardJson, CancellationToken cancellationToken = default) =>
        (await ValidateManyAsync([new KeyValuePair<string, string>("card", cardJson)], cancellationToken))[0];

    public static Task<CardValidationResult> ValidateAsync(AdaptiveCard card, CancellationToken cancellationToken = default) =>
        ValidateAsync(AdaptiveCardSerializer.Serialize(card), cancellationToken);

    /// <summary>One node run for all the cards; the results come back in the same order, under the same names.</summary>
    public static Task<IReadOnlyList<CardValidationResult>> ValidateManyAsync(
        IEnumerable<KeyValuePair<string, string>> namedCards, CancellationToken cancellationToken = default) =>
        RunAsync(namedCards, render: false, cancellationToken);

    /// <summary>
    /// Validates and renders the card to HTML (jsdom), with markdown-it processing TextBlock and Fact markdown as a
    /// markdown-interpreting host (Teams) does: <see cref="CardValidationResult.Html"/>.
    /// </summary>
    public static async Task<CardValidationResult> RenderAsync(AdaptiveCard card, CancellationToken cancellationToken = default) =>
        (await RunAsync([new KeyValuePair<string, string>("card", AdaptiveCardSerializer.Serialize(card))], render: true, cancellationToken))[0];

    private static async Task<IReadOnlyList<CardValidationResult>> RunAsync(
        IEnumerable<KeyValuePair<string, string>> namedCards, bool render, CancellationToken cancellationToken)
    {
        var cards = new JsonArray();
        foreach (var (name, json) in namedCards)
        {
            cards.Add(new JsonObject { ["name"] = name, ["card"] = JsonNode.Parse(json) });
        }

        var input = new JsonObject { ["cards"] = cards }.ToJsonString();
        var run = await NodeScript.RunAsync(
            "validate-card.js", render ? ["--host-version", TeamsHostVersion, "--render"] : ["--host-version", TeamsHostVersion], input, cancellationToken: cancellationToken);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"validate-card.js failed ({run.ExitCode}): {run.StandardError}");
        }

        var output = JsonSerializer.Deserialize<RendererOutput>(run.StandardOutput)
            ?? throw new InvalidOperationException("validate-card.js printed nothing.");
        return output.Results;
    }

    public static Task<IReadOnlyList<CardValidationResult>> ValidateManyAsync(
        IEnumerable<KeyValuePair<string, AdaptiveCard>> namedCards, CancellationToken cancellationToken = default) =>
        ValidateManyAsync(
            namedCards.Select(c => new KeyValuePair<string, string>(c.Key, AdaptiveCardSerializer.Serialize(c.Value))),
            cancellationToken);

    /// <summary>Validates all the cards in one node run and fails once, listing every invalid card.</summary>
    public static async Task AssertAllValidAsync(
        IEnumerable<KeyValuePair<string, AdaptiveCard>> namedCards, CancellationToken cancellationToken = default)
    {
        var invalid = (await ValidateManyAsync(namedCards, cancellationToken)).Where(r => !r.Valid).ToList();
        if (invalid.Count > 0)
        {
            Assert.Fail($"{invalid.Count} card(s) fail the Adaptive Cards renderer:\n" + string.Join("\n", invalid));
        }
    }

    private sealed record RendererOutput(
        [property: System.Text.Json.Serialization.JsonPropertyName("results")] IReadOnlyList<CardValidationResult> Results);
}
