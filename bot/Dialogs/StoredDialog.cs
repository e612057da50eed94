namespace SesBot.Bot.Dialogs;

/// <summary>The dialog found for a person, or none; with a note when an old one was dropped (expired or unreadable).</summary>
public sealed record StoredDialog(IDialogState? State, string? Note);
