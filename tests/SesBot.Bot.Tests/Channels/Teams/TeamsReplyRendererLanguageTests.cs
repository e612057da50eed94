using System.Globalization;
using System.Text.Json.Nodes;
using SesBot.Bot.Channels.Teams;
using SesBot.Bot.Channels.Teams.AdaptiveCards;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Core.Localization;

namespace SesBot.Bot.Tests.Channels.Teams;

/// <summary>The messages Teams shows under an empty required input come in the reader's language.</summary>
public sealed class TeamsReplyRendererLanguageTests
{
    [Theory]
    [InlineData("en-US", "Enter an email address.", "Enter a phone number.", "Fill this in.", "Choose one.")]
    [InlineData("de-DE", "Geben Sie eine E-Mail-Adresse ein.", "Geben Sie eine Telefonnummer ein.", "Bitte füllen Sie dieses Feld aus.", "Wählen Sie eine Option.")]
    [InlineData("fr-FR", "Saisissez une adresse e-mail.", "Saisissez un numéro de téléphone.", "Veuillez remplir ce champ.", "Choisissez une option.")]
    public void ToActivity_RequiredInputs_ErrorMessagesInTheReadersLanguage(string culture, string email, string phone, string text, string choice)
    {
        var reply = Reply.Card(
            "Contact",
            new TextInputBlock("email", "Email") { Kind = TextInputKind.Email },
            new TextInputBlock("phone", "Phone") { Kind = TextInputKind.Phone },
            new TextInputBlock("name", "Name"),
            new ChoiceInputBlock("country", "Country", [new ReplyChoice("Germany", "DE"), new ReplyChoice("France", "FR")]));

        var card = SupportedCultures.In(CultureInfo.GetCultureInfo(culture), () =>
            AdaptiveCardSerializer.SerializeToElement((AdaptiveCard)new TeamsReplyRenderer().ToActivity(reply).Attachments![0].Content!));

        var messages = JsonNode.Parse(card.GetRawText())!["body"]!.AsArray()
            .Where(e => e!["errorMessage"] is not null)
            .ToDictionary(e => (string)e!["id"]!, e => (string)e!["errorMessage"]!);
        Assert.Equal(email, messages["email"]);
        Assert.Equal(phone, messages["phone"]);
        Assert.Equal(text, messages["name"]);
        Assert.Equal(choice, messages["country"]);
    }
}
