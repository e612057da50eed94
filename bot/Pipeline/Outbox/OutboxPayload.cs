using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using SesBot.Core.Outbox;

namespace SesBot.Bot.Pipeline.Outbox;

/// <summary>Reads what an outbox message carries; a payload that cannot be read is a failure no retry can mend.</summary>
public static class OutboxPayload
{
    public static bool TryRead<T>(
        OutboxMessage message, Func<OutboxMessage, T> read, [NotNullWhen(true)] out T? payload, [NotNullWhen(false)] out OutboxOutcome? unreadable)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(read);
        try
        {
            payload = read(message)!;
            unreadable = null;
            return true;
        }
        catch (JsonException ex)
        {
            payload = default;
            unreadable = OutboxOutcome.Failed($"The message could not be read: {ex.Message}");
            return false;
        }
    }
}
