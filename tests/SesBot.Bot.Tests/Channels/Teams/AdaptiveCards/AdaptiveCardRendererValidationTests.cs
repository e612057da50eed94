using SesBot.Bot.Channels.Teams.AdaptiveCards;
using SesBot.Bot.Tests.Support;

namespace SesBot.Bot.Tests.Channels.Teams.AdaptiveCards;

/// <summary>The official renderer (npm adaptivecards) parses and validates our cards; and it does bite.</summary>
public sealed class AdaptiveCardRendererValidationTests
{
    [Fact]
    public async Task Validate_SampleWithEveryElementType_HasNoErrors()
    {
        var result = await AdaptiveCardsRenderer.ValidateAsync(SampleCards.EveryElement());

        Assert.True(result.Valid, result.ToString());
        Assert.Empty(result.Errors);
        // choices.data is 1.6 to the renderer package; Teams documents it on 1.5 cards, so it is accepted, not hidden.
        var accepted = Assert.Single(result.Accepted);
        Assert.Contains("choices.data", accepted.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_InputWithoutId_ReportsPropertyCantBeNull()
    {
        var result = await AdaptiveCardsRenderer.ValidateAsync(
            """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Input.Text","label":"Name"}]}""");

        Assert.False(result.Valid);
        Assert.True(result.Has("PropertyCantBeNull"), result.ToString());
    }

    [Fact]
    public async Task Validate_DuplicateInputIds_ReportsDuplicateId()
    {
        var card = new AdaptiveCard
        {
            Body = [new TextInput { Id = "accountId", Label = "A" }, new ToggleInput { Id = "accountId", Title = "B" }],
        };

        var result = await AdaptiveCardsRenderer.ValidateAsync(card);

        Assert.False(result.Valid);
        Assert.True(result.Has("DuplicateId"), result.ToString());
    }

    [Fact]
    public async Task Validate_UnknownElementAndActionTypes_AreReported()
    {
        var result = await AdaptiveCardsRenderer.ValidateAsync(
            """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Input.Txt","id":"x"}],"actions":[{"type":"Action.Http","title":"Go"}]}""");

        Assert.True(result.Has("UnknownElementType"), result.ToString());
        Assert.True(result.Has("UnknownActionType"), result.ToString());
    }

    [Fact]
    public async Task Validate_BrokenFallbackOfExecute_IsReported()
    {
        const string json = """
            {"type":"AdaptiveCard","version":"1.5","body":[{"type":"ActionSet","actions":[
              {"type":"Action.Execute","title":"Help","verb":"help","fallback":{"type":"Action.Sbmit","title":"Help"}}]}]}
            """;

        var result = await AdaptiveCardsRenderer.ValidateAsync(json);

        Assert.Contains(result.Errors, e => e.Phase == "Fallback" && e.Event == "UnknownActionType");
    }

    [Fact]
    public async Task Validate_RequiredInputWithoutLabelOrErrorMessage_IsReported()
    {
        var result = await AdaptiveCardsRenderer.ValidateAsync(
            new AdaptiveCard { Body = [new TextInput { Id = "contact", IsRequired = true }] });

        Assert.True(result.Has("RequiredInputsShouldHaveLabel"), result.ToString());
        Assert.True(result.Has("RequiredInputsShouldHaveErrorMessage"), result.ToString());
    }

    [Fact]
    public async Task Validate_VersionNewerThanTeams_IsReported()
    {
        var result = await AdaptiveCardsRenderer.ValidateAsync(
            new AdaptiveCard { Version = "1.6", Body = [new TextBlock { Text = "x" }] });

        Assert.True(result.Has("UnsupportedCardVersion"), result.ToString());
    }

    [Fact]
    public async Task Validate_FeatureNewerThanDeclaredVersion_IsReported()
    {
        var result = await AdaptiveCardsRenderer.ValidateAsync(
            new AdaptiveCard { Version = "1.2", Actions = [new ExecuteAction { Verb = "help", Title = "Help" }] });

        Assert.True(result.Has("UnknownActionType"), result.ToString());
    }

    [Fact]
    public async Task ValidateMany_SeveralCards_OneResultPerCardInOrder()
    {
        KeyValuePair<string, string>[] cards =
        [
            new("good", AdaptiveCardSerializer.Serialize(SampleCards.EveryElement())),
            new("broken", """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Nope"}]}"""),
            new("empty", """{"type":"AdaptiveCard","version":"1.5"}"""),
        ];

        var results = await AdaptiveCardsRenderer.ValidateManyAsync(cards);

        Assert.Equal(["good", "broken", "empty"], results.Select(r => r.Name));
        Assert.Equal([true, false, true], results.Select(r => r.Valid));
    }

    [Fact]
    public async Task AssertAllValid_OneBrokenCard_FailsNamingIt()
    {
        KeyValuePair<string, AdaptiveCard>[] cards =
        [
            new("sample", SampleCards.EveryElement()),
            new("twins", new AdaptiveCard { Body = [new TextInput { Id = "x" }, new TextInput { Id = "x" }] }),
        ];

        var failure = await Assert.ThrowsAsync<Xunit.Sdk.FailException>(() => AdaptiveCardsRenderer.AssertAllValidAsync(cards));

        Assert.Contains("twins", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sample", failure.Message, StringComparison.Ordinal);
    }
}
