using System.Text.Json;
using SesBot.Core.Domain;
using SesBot.Core.Outbox;

namespace SesBot.Core.Email;

/// <summary>
/// The outbox message that emails an unlink-instructions request's steps to the end customer. It is written in the
/// same transaction as the request; the dispatcher's handler composes and sends the email afterwards, and only then
/// does the request become "instructions sent". One message per request (the idempotency key is the request id).
/// </summary>
public static class UnlinkInstructionsOutbox
{
    public const string Kind = "email.unlink-instructions";

    /// <summary>How the note of the "instructions sent" move starts; the history card reads the address after it.</summary>
    public const string SentNotePrefix = "Emailed to ";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The note SesBot leaves when the email went out: "Emailed to it@example.com in German".</summary>
    public static string SentNote(string email, string? language) =>
        $"{SentNotePrefix}{email} in {UnlinkInstructionsEmail.LanguageName(language ?? "en")}";

    public static string IdempotencyKeyFor(string requestId) => $"{Kind}:{requestId}";

    /// <summary>Messages of one request go one after the other, and never wait behind a chat's messages.</summary>
    public static string OrderingKeyFor(string requestId) => $"request:{requestId}";

    public static OutboxMessage Create(RemovalRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Kind != RemovalOption.AwsSelfUnlink || request.EndCustomerEmail is null)
        {
            throw new DomainException($"Request {request.Id} is not an unlink-instructions request with an end customer's email.");
        }

        var payload = JsonSerializer.Serialize(new UnlinkInstructionsPayload(request.Id), Json);
        return new OutboxMessage(Kind, IdempotencyKeyFor(request.Id), OrderingKeyFor(request.Id), payload, now);
    }

    /// <summary>
    /// Another attempt after <paramref name="failedMessageId"/> failed for good, asked for by a person. Its key names the
    /// failed message, so asking twice for the same failure queues one attempt.
    /// </summary>
    public static OutboxMessage Retry(RemovalRequest request, long failedMessageId, DateTimeOffset now)
    {
        var first = Create(request, now);
        return new OutboxMessage(Kind, RetryKeyFor(request.Id, failedMessageId), first.OrderingKey, first.PayloadJson, now);
    }

    public static string RetryKeyFor(string requestId, long failedMessageId) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Kind}:{requestId}:retry-after:{failedMessageId}");

    /// <summary>The request id a message carries.</summary>
    /// <exception cref="JsonException">The payload is not one this kind writes.</exception>
    public static string RequestIdOf(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var payload = JsonSerializer.Deserialize<UnlinkInstructionsPayload>(message.PayloadJson, Json);
        return string.IsNullOrWhiteSpace(payload?.RequestId)
            ? throw new JsonException($"Outbox message {message.Id} names no request.")
            : payload.RequestId;
    }

    private sealed record UnlinkInstructionsPayload(string RequestId);
}
