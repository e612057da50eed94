namespace SesBot.Core.Domain;

/// <summary>Everything SesBot knows about one removal option that does not depend on the account: one catalog entry.</summary>
/// <param name="Option">The option.</param>
/// <param name="Label">Its name on a button or a heading ("Transfer of ownership").</param>
/// <param name="RequestTitle">What a request made for it is called on request cards and lists.</param>
/// <param name="Description">What happens if it is chosen, in one line.</param>
/// <param name="Fields">The inputs it asks for, in order (none for a plain confirmation).</param>
/// <param name="NextSteps">What happens after the request is submitted.</param>
/// <param name="Handling">Whether SES does it at once, support works a ticket, or the end customer acts.</param>
/// <param name="Workflow">The table of transitions its requests follow.</param>
/// <param name="Provider">The cloud it is for; null when it is for any account (or for a customer).</param>
/// <param name="IsAboutCustomer">Whether it takes a whole customer away rather than one cloud account.</param>
/// <param name="IsUrgent">Whether support must act on it sooner (reminders and escalation come earlier).</param>
public sealed record RemovalOptionInfo(
    RemovalOption Option,
    string Label,
    string RequestTitle,
    string Description,
    IReadOnlyList<FormField> Fields,
    string NextSteps,
    OptionHandling Handling,
    RequestWorkflow Workflow,
    CloudProvider? Provider,
    bool IsAboutCustomer = false,
    bool IsUrgent = false)
{
    /// <summary>The request's title inside a sentence ("Request R-1 (transfer of ownership) is …").</summary>
    public string InSentence => char.ToLowerInvariant(RequestTitle[0]) + RequestTitle[1..];

    /// <summary>Whether it is confirmed by typing the account id back.</summary>
    public bool ConfirmsByTypingAccountId => Fields.Contains(FormFields.Confirmation);

    /// <summary>The field with this id, if the option asks for it.</summary>
    public FormField? Field(string id) => Fields.FirstOrDefault(f => f.Id == id);
}
