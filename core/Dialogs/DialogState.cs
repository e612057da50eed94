namespace SesBot.Core.Dialogs;

/// <summary>
/// The stored state of one person's dialog in one conversation. The dialog's own data is JSON with a schema
/// version; a state that cannot be read is discarded and the dialog restarts politely.
/// </summary>
public sealed class DialogState
{
    public DialogState(string channel, string conversationKey, string userKey, DateTimeOffset updatedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(userKey);
        Channel = channel;
        ConversationKey = conversationKey;
        UserKey = userKey;
        UpdatedAt = updatedAt;
        DialogName = Step = string.Empty;
        DataJson = "{}";
    }

    public long Id { get; private set; }

    public string Channel { get; private set; }

    public string ConversationKey { get; private set; }

    public string UserKey { get; private set; }

    public string DialogName { get; private set; }

    public string Step { get; private set; }

    public int SchemaVersion { get; private set; }

    public string DataJson { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency token.</summary>
    public int Version { get; private set; }

    public void Save(string dialogName, string step, int schemaVersion, string dataJson, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dialogName);
        ArgumentException.ThrowIfNullOrWhiteSpace(step);
        ArgumentException.ThrowIfNullOrWhiteSpace(dataJson);
        DialogName = dialogName;
        Step = step;
        SchemaVersion = schemaVersion;
        DataJson = dataJson;
        UpdatedAt = at;
        Version++;
    }

    /// <summary>No dialog in progress (the row stays, so the next one updates it).</summary>
    public void Clear()
    {
        Step = string.Empty;
        DataJson = "{}";
    }
}
