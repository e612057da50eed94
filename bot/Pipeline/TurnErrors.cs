using SesBot.Bot.Dialogs.Turns;

namespace SesBot.Bot.Pipeline;

/// <summary>What a person is told when a turn fails on SesBot's side.</summary>
public static class TurnErrors
{
    public static Reply Apology(string reference) => Reply.Text(
        $"Sorry, something went wrong on my side. Please try again; if it keeps happening, give support this reference: {reference}.");
}
