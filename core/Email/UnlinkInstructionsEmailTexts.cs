using System.Collections.Frozen;

namespace SesBot.Core.Email;

/// <summary>
/// The unlink-instructions email in each language SesBot offers, written for the end customer (formal address).
/// The prerequisites come before the steps: AWS refuses to let an account leave without them.
/// </summary>
internal static class UnlinkInstructionsEmailTexts
{
    public static FrozenDictionary<string, UnlinkInstructionsEmailText> ByLanguage { get; } =
        new Dictionary<string, UnlinkInstructionsEmailText>(StringComparer.Ordinal)
        {
            ["en"] = new(
                Subject: "AWS account {1}: how to leave our organization and be billed directly by AWS",
                Greeting: "Hello,",
                Intro: "As requested, here is how to remove AWS account {1} ({0}) from the AWS organization through which we bill it today. You do this yourself in the AWS console; it takes a few minutes.",
                PrerequisitesHeading: "Before you start",
                PrerequisitesIntro: "AWS lets an account leave an organization only if it can stand on its own. Please check first that:",
                Prerequisites:
                [
                    "a valid payment method, such as a credit card, is on file in the account (Billing and Cost Management → Payment preferences); without one the account cannot leave the organization;",
                    "the account's contact information is complete and its phone number has been verified;",
                    "the AWS Customer Agreement has been accepted for the account and a support plan has been chosen (Basic is free).",
                ],
                PrerequisitesNote: "If anything is missing, the console asks for it when you try to leave the organization: complete it, then start again.",
                StepsHeading: "Leaving the organization",
                Steps:
                [
                    "Sign in to the AWS Management Console at {5} as the root user of account {1}.",
                    "Open the AWS Organizations page (type \u201COrganizations\u201D in the search bar at the top). It shows that the account is a member of an organization.",
                    "Choose \u201CLeave organization\u201D.",
                    "Confirm with \u201CLeave organization\u201D in the dialog that opens.",
                ],
                AfterwardsHeading: "What happens next",
                Afterwards: "The account leaves the organization at once. From then on AWS bills it directly, using the payment method on file; {2} invoices you only for usage up to that moment. Nothing in the account is deleted: its resources, data and users stay as they are.",
                PleaseConfirm: "Please let us know when you are done; a reply to this email is enough.",
                Reference: "Reference: {3}",
                Questions: "Questions? Just reply to this email; it reaches {2} at {4}.",
                Closing: "Kind regards,",
                Footer: "This message was sent automatically on behalf of {2}."),
            ["de"] = new(
                Subject: "AWS-Konto {1}: So verlassen Sie unsere Organisation und werden direkt von AWS abgerechnet",
                Greeting: "Guten Tag,",
                Intro: "wie gewünscht erhalten Sie hier die Anleitung, mit der Sie das AWS-Konto {1} ({0}) aus der AWS-Organisation lösen, über die wir es heute abrechnen. Sie erledigen das selbst in der AWS-Konsole; es dauert nur wenige Minuten.",
                PrerequisitesHeading: "Bevor Sie beginnen",
                PrerequisitesIntro: "AWS lässt ein Konto eine Organisation nur verlassen, wenn es als eigenständiges Konto bestehen kann. Bitte prüfen Sie vorab, ob",
                Prerequisites:
                [
                    "im Konto eine gültige Zahlungsmethode hinterlegt ist, zum Beispiel eine Kreditkarte (Billing and Cost Management → Zahlungseinstellungen) – ohne sie kann das Konto die Organisation nicht verlassen,",
                    "die Kontaktdaten des Kontos vollständig sind und die Telefonnummer verifiziert ist,",
                    "die AWS-Kundenvereinbarung (AWS Customer Agreement) für das Konto akzeptiert und ein Support-Plan gewählt ist (Basic ist kostenlos).",
                ],
                PrerequisitesNote: "Fehlt etwas davon, fragt die Konsole beim Verlassen der Organisation danach. Ergänzen Sie die Angaben und beginnen Sie dann erneut.",
                StepsHeading: "Die Organisation verlassen",
                Steps:
                [
                    "Melden Sie sich unter {5} als Root-Benutzer des Kontos {1} bei der AWS Management Console an.",
                    "Öffnen Sie die Seite AWS Organizations (geben Sie oben in der Suchleiste \u201EOrganizations\u201C ein). Dort steht, dass das Konto Mitglied einer Organisation ist.",
                    "Wählen Sie \u201EOrganisation verlassen\u201C (in der englischen Konsole \u201ELeave organization\u201C).",
                    "Bestätigen Sie im folgenden Dialog mit \u201EOrganisation verlassen\u201C.",
                ],
                AfterwardsHeading: "Was danach geschieht",
                Afterwards: "Das Konto verlässt die Organisation sofort. Ab dann rechnet AWS es direkt mit Ihnen über die hinterlegte Zahlungsmethode ab; {2} stellt Ihnen nur die Nutzung bis zu diesem Zeitpunkt in Rechnung. Im Konto wird nichts gelöscht: Ressourcen, Daten und Benutzer bleiben, wie sie sind.",
                PleaseConfirm: "Bitte geben Sie uns kurz Bescheid, wenn Sie fertig sind – eine Antwort auf diese E-Mail genügt.",
                Reference: "Referenz: {3}",
                Questions: "Fragen? Antworten Sie einfach auf diese E-Mail; sie erreicht {2} unter {4}.",
                Closing: "Mit freundlichen Grüßen",
                Footer: "Diese Nachricht wurde automatisch im Auftrag von {2} versendet."),
            ["fr"] = new(
                Subject: "Compte AWS {1} : quitter notre organisation et être facturé directement par AWS",
                Greeting: "Bonjour,",
                Intro: "Comme convenu, voici comment retirer le compte AWS {1} ({0}) de l'organisation AWS par laquelle nous le facturons aujourd'hui. Vous le faites vous-même dans la console AWS ; cela ne prend que quelques minutes.",
                PrerequisitesHeading: "Avant de commencer",
                PrerequisitesIntro: "AWS n'autorise un compte à quitter une organisation que s'il peut fonctionner de manière autonome. Vérifiez d'abord que :",
                Prerequisites:
                [
                    "un moyen de paiement valide, par exemple une carte bancaire, est enregistré sur le compte (Billing and Cost Management → Préférences de paiement) ; sans lui, le compte ne peut pas quitter l'organisation ;",
                    "les coordonnées du compte sont complètes et son numéro de téléphone a été vérifié ;",
                    "le contrat client AWS (AWS Customer Agreement) a été accepté pour le compte et un plan de support a été choisi (Basic est gratuit).",
                ],
                PrerequisitesNote: "S'il manque l'un de ces éléments, la console vous le demande au moment de quitter l'organisation : complétez-le, puis recommencez.",
                StepsHeading: "Quitter l'organisation",
                Steps:
                [
                    "Connectez-vous à l'AWS Management Console sur {5} avec l'utilisateur root du compte {1}.",
                    "Ouvrez la page AWS Organizations (saisissez \u00AB\u00A0Organizations\u00A0\u00BB dans la barre de recherche en haut). Elle indique que le compte est membre d'une organisation.",
                    "Choisissez \u00AB\u00A0Quitter l'organisation\u00A0\u00BB (\u00AB\u00A0Leave organization\u00A0\u00BB dans la console en anglais).",
                    "Confirmez avec \u00AB\u00A0Quitter l'organisation\u00A0\u00BB dans la fenêtre qui s'ouvre.",
                ],
                AfterwardsHeading: "Et ensuite ?",
                Afterwards: "Le compte quitte l'organisation immédiatement. À partir de ce moment, AWS le facture directement, sur le moyen de paiement enregistré ; {2} ne vous facture que l'utilisation jusqu'à cette date. Rien n'est supprimé dans le compte : ressources, données et utilisateurs restent en place.",
                PleaseConfirm: "Merci de nous prévenir une fois l'opération terminée ; une réponse à cet e-mail suffit.",
                Reference: "Référence : {3}",
                Questions: "Des questions ? Répondez simplement à cet e-mail ; il parviendra à {2} à l'adresse {4}.",
                Closing: "Cordialement,",
                Footer: "Ce message a été envoyé automatiquement pour le compte de {2}."),
            ["es"] = new(
                Subject: "Cuenta de AWS {1}: cómo salir de nuestra organización y recibir la factura directamente de AWS",
                Greeting: "Hola:",
                Intro: "Tal como nos pidió, le indicamos cómo retirar la cuenta de AWS {1} ({0}) de la organización de AWS a través de la cual la facturamos hoy. Lo hace usted mismo en la consola de AWS; solo lleva unos minutos.",
                PrerequisitesHeading: "Antes de empezar",
                PrerequisitesIntro: "AWS solo permite que una cuenta abandone una organización si puede funcionar como cuenta independiente. Compruebe primero que:",
                Prerequisites:
                [
                    "la cuenta tiene registrado un método de pago válido, por ejemplo una tarjeta de crédito (Billing and Cost Management → Preferencias de pago); sin él, la cuenta no puede abandonar la organización;",
                    "los datos de contacto de la cuenta están completos y su número de teléfono está verificado;",
                    "se ha aceptado el Contrato de cliente de AWS (AWS Customer Agreement) para la cuenta y se ha elegido un plan de soporte (Basic es gratuito).",
                ],
                PrerequisitesNote: "Si falta alguno de estos requisitos, la consola se lo pedirá al intentar abandonar la organización: complételo y vuelva a empezar.",
                StepsHeading: "Abandonar la organización",
                Steps:
                [
                    "Inicie sesión en la AWS Management Console en {5} con el usuario raíz (root) de la cuenta {1}.",
                    "Abra la página de AWS Organizations (escriba \u00ABOrganizations\u00BB en la barra de búsqueda de la parte superior). En ella se indica que la cuenta es miembro de una organización.",
                    "Elija \u00ABAbandonar la organización\u00BB (\u00ABLeave organization\u00BB en la consola en inglés).",
                    "Confirme con \u00ABAbandonar la organización\u00BB en el cuadro de diálogo que se abre.",
                ],
                AfterwardsHeading: "Qué ocurre después",
                Afterwards: "La cuenta abandona la organización de inmediato. A partir de ese momento, AWS la factura directamente con el método de pago registrado; {2} solo le facturará el uso hasta esa fecha. No se elimina nada de la cuenta: los recursos, los datos y los usuarios se mantienen.",
                PleaseConfirm: "Avísenos cuando haya terminado; basta con responder a este correo.",
                Reference: "Referencia: {3}",
                Questions: "¿Tiene preguntas? Responda a este correo; le llegará a {2} en {4}.",
                Closing: "Atentamente,",
                Footer: "Este mensaje se ha enviado automáticamente en nombre de {2}."),
        }.ToFrozenDictionary(StringComparer.Ordinal);
}
