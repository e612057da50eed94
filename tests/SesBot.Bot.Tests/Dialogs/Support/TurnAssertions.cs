using SesBot.Bot.Dialogs.Turns;

namespace SesBot.Bot.Tests.Dialogs.Support;

/// <summary>The assertions of <see cref="Turn"/> on a turn still being answered, so a transcript reads in one go.</summary>
public static class TurnAssertions
{
    public static async Task<Turn> AssertStatus(this Task<Turn> turn, TurnStatus status) => (await turn).AssertStatus(status);

    public static async Task<Turn> AssertText(this Task<Turn> turn, string text) => (await turn).AssertText(text);

    public static async Task<Turn> AssertNoText(this Task<Turn> turn, string text) => (await turn).AssertNoText(text);

    public static async Task<Turn> AssertParagraph(this Task<Turn> turn, string text, Tone tone) => (await turn).AssertParagraph(text, tone);

    public static async Task<Turn> AssertFact(this Task<Turn> turn, string label, string valueContains) => (await turn).AssertFact(label, valueContains);

    public static async Task<Turn> AssertBadge(this Task<Turn> turn, string text) => (await turn).AssertBadge(text);

    public static async Task<Turn> AssertRowWarning(this Task<Turn> turn, string text) => (await turn).AssertRowWarning(text);

    public static async Task<Turn> AssertRow(this Task<Turn> turn, string titleContains, string verb) => (await turn).AssertRow(titleContains, verb);

    public static async Task<Turn> AssertChoice(this Task<Turn> turn, string title) => (await turn).AssertChoice(title);

    public static async Task<Turn> AssertNoChoice(this Task<Turn> turn, string title) => (await turn).AssertNoChoice(title);

    public static async Task<Turn> AssertInputValue(this Task<Turn> turn, string id, string? value) => (await turn).AssertInputValue(id, value);

    public static async Task<Turn> AssertError(this Task<Turn> turn, string inputIdOrText, string? contains = null) => (await turn).AssertError(inputIdOrText, contains);

    public static async Task<Turn> AssertNoErrors(this Task<Turn> turn) => (await turn).AssertNoErrors();

    public static async Task<Turn> AssertAction(this Task<Turn> turn, string verb, string? key = null, string? value = null) => (await turn).AssertAction(verb, key, value);

    public static async Task<Turn> AssertNoAction(this Task<Turn> turn, string verb, string? key = null, string? value = null) => (await turn).AssertNoAction(verb, key, value);
}
