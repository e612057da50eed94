namespace SesBot.Bot.Cards;

/// <summary>The steps an end customer follows to leave the distributor's AWS organization, in the languages SesBot offers.</summary>
public static class UnlinkInstructions
{
    public const string DefaultLanguage = "en";

    public static IReadOnlyList<(string Code, string Name)> Languages { get; } =
    [
        ("en", "English"),
        ("de", "Deutsch"),
        ("fr", "Français"),
        ("es", "Español"),
    ];

    public static string Normalize(string? code) =>
        Languages.Any(l => l.Code == code) ? code! : DefaultLanguage;

    public static IReadOnlyList<string> Steps(string language) => Normalize(language) switch
    {
        "de" =>
        [
            "1. Melden Sie sich mit dem Root-Benutzer des Kontos bei der AWS Management Console an.",
            "2. Öffnen Sie über das Kontomenü oben rechts die Seite von AWS Organizations. Dort steht, dass das Konto Mitglied einer Organisation ist.",
            "3. Wählen Sie „Organisation verlassen“ und bestätigen Sie.",
        ],
        "fr" =>
        [
            "1. Connectez-vous à l'AWS Management Console avec l'utilisateur root du compte.",
            "2. Depuis le menu du compte en haut à droite, ouvrez la page AWS Organizations : elle indique que le compte est membre d'une organisation.",
            "3. Choisissez « Quitter l'organisation » et confirmez.",
        ],
        "es" =>
        [
            "1. Inicie sesión en la AWS Management Console con el usuario raíz de la cuenta.",
            "2. En el menú de la cuenta, arriba a la derecha, abra la página de AWS Organizations: indica que la cuenta es miembro de una organización.",
            "3. Elija «Abandonar la organización» y confirme.",
        ],
        _ =>
        [
            "1. Sign in to the AWS Management Console as the account's root user.",
            "2. From the account menu at the top right, open the AWS Organizations page; it shows that the account is a member of an organization.",
            "3. Choose \"Leave organization\" and confirm.",
        ],
    };

    public static string PaymentPrerequisite(string language) => Normalize(language) switch
    {
        "de" => "Vorher nötig: eine gültige Zahlungsmethode (z. B. Kreditkarte) im Konto. Ohne sie lässt AWS das Konto die Organisation nicht verlassen.",
        "fr" => "Avant cela : un moyen de paiement valide (par exemple une carte bancaire) doit être enregistré sur le compte, sinon AWS refuse qu'il quitte l'organisation.",
        "es" => "Antes: la cuenta necesita un método de pago válido (por ejemplo, una tarjeta de crédito); sin él, AWS no permite que abandone la organización.",
        _ => "First: the account needs a valid payment method (such as a credit card) on file. Without one, AWS won't let it leave the organization.",
    };
}
