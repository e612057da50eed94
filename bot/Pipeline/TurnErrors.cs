using SesBot.Bot.Dialogs.Turns;
using SesBot.Core.Localization;

namespace SesBot.Bot.Pipeline;

/// <summary>What a person is told when a turn fails on SesBot's side (resources: Resources/Pipeline/TurnErrors.resx).</summary>
public static class TurnErrors
{
    private static readonly Strings S = Strings.For(typeof(TurnErrors));

    /// <summary>The apology in the current culture.</summary>
    public static Reply Apology(string reference) => Reply.Text(S.Format("Apology", reference));

    /// <summary>
    /// The apology in the language of the activity's locale: the turn's own culture is gone by the time the pipeline
    /// apologises (it lives only inside the handler call).
    /// </summary>
    public static Reply Apology(string reference, string? locale) =>
        SupportedCultures.In(SupportedCultures.Match(locale) ?? SupportedCultures.Default, () => Apology(reference));
}
