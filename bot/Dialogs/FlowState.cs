using SesBot.Core.Domain;

namespace SesBot.Bot.Dialogs;

/// <summary>
/// What a removal dialog remembers between turns, stored as JSON in the database. <see cref="FlowId"/> identifies
/// this run of the dialog: cards from another run are outdated.
/// </summary>
public sealed record FlowState : IDialogState
{
    /// <summary>Bumped when the shape changes incompatibly; an older stored state restarts the dialog.</summary>
    public const int SchemaVersion = 1;

    public required string FlowId { get; init; }

    public required FlowKind Kind { get; init; }

    public required FlowStep Step { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public string DialogName => RemovalDialog.DialogName;

    [System.Text.Json.Serialization.JsonIgnore]
    public string StepName => Step.ToString();

    public string? SearchText { get; init; }

    public string? CustomerId { get; init; }

    public string? AccountId { get; init; }

    public RemovalOption? Option { get; init; }

    public TransferContactDraft? Contact { get; init; }

    /// <summary>Free-text details already typed into a form (reason, partner, email…), kept on errors.</summary>
    public Dictionary<string, string> Fields { get; init; } = [];

    public string? Field(string key) => Fields.TryGetValue(key, out var value) ? value : null;

    public FlowState WithFields(IEnumerable<KeyValuePair<string, string>> values)
    {
        var merged = new Dictionary<string, string>(Fields, StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            merged[key] = value;
        }

        return this with { Fields = merged };
    }
}
