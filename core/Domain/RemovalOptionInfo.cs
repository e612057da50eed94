using SesBot.Core.Localization;

namespace SesBot.Core.Domain;

/// <summary>
/// Everything SesBot knows about one removal option that does not depend on the account: one catalog entry. Its words
/// are read from the resources (Resources/Domain/RemovalOptionInfo.resx, keys <c>Option.Label</c> and so on) in the
/// turn's language.
/// </summary>
/// <param name="Option">The option.</param>
/// <param name="Fields">The inputs it asks for, in order (none for a plain confirmation).</param>
/// <param name="Handling">Whether SES does it at once, support works a ticket, or the end customer acts.</param>
/// <param name="Workflow">The table of transitions its requests follow.</param>
/// <param name="Provider">The cloud it is for; null when it is for any account (or for a customer).</param>
/// <param name="IsAboutCustomer">Whether it takes a whole customer away rather than one cloud account.</param>
/// <param name="IsUrgent">Whether support must act on it sooner (reminders and escalation come earlier).</param>
public sealed record RemovalOptionInfo(
    RemovalOption Option,
    IReadOnlyList<FormField> Fields,
    OptionHandling Handling,
    RequestWorkflow Workflow,
    CloudProvider? Provider,
    bool IsAboutCustomer = false,
    bool IsUrgent = false)
{
    private static readonly Strings S = Strings.For(typeof(RemovalOptionInfo));

    /// <summary>Its name on a button or a heading ("Transfer of ownership").</summary>
    public string Label => S[Option + ".Label"];

    /// <summary>What a request made for it is called on request cards and lists.</summary>
    public string RequestTitle => S[Option + ".RequestTitle"];

    /// <summary>What happens if it is chosen, in one line.</summary>
    public string Description => S[Option + ".Description"];

    /// <summary>What happens after the request is submitted.</summary>
    public string NextSteps => S[Option + ".NextSteps"];

    /// <summary>The request's title inside a sentence ("Request R-1 (transfer of ownership) is …").</summary>
    public string InSentence => S[Option + ".InSentence"];

    /// <summary>Whether it is confirmed by typing the account id back.</summary>
    public bool ConfirmsByTypingAccountId => Fields.Contains(FormFields.Confirmation);

    /// <summary>The field with this id, if the option asks for it.</summary>
    public FormField? Field(string id) => Fields.FirstOrDefault(f => f.Id == id);
}
