using Microsoft.EntityFrameworkCore;
using SesBot.Core.Domain;
using SesBot.Core.Email;
using SesBot.Core.Outbox;
using SesBot.Core.Persistence;

namespace SesBot.Core.Workflow;

/// <summary>Finds the email a request sent (or is sending) through the outbox, for its status card.</summary>
internal static class RequestEmails
{
    public static async Task<EmailDelivery?> FindAsync(SesBotDbContext db, RemovalRequest request, CancellationToken cancellationToken)
    {
        if (request.Kind != RemovalOption.AwsSelfUnlink || request.EndCustomerEmail is null)
        {
            return null;
        }

        // The first message, then each one a person asked for after the one before failed (its key names that one):
        // the latest tells. Every look-up goes by the unique idempotency key.
        var message = await FindByKeyAsync(db, UnlinkInstructionsOutbox.IdempotencyKeyFor(request.Id), cancellationToken);
        if (message is null)
        {
            return null;
        }

        var retries = 0;
        while (message.Id != 0 && await FindByKeyAsync(db, UnlinkInstructionsOutbox.RetryKeyFor(request.Id, message.Id), cancellationToken) is { } later)
        {
            message = later;
            retries++;
        }

        return EmailDelivery.Of(message, request.EndCustomerEmail, request.EndCustomerLanguage ?? "en") with { Retries = retries };
    }

    /// <summary>The message with this key, including one this unit of work has just added.</summary>
    private static async Task<OutboxMessage?> FindByKeyAsync(SesBotDbContext db, string key, CancellationToken cancellationToken) =>
        db.OutboxMessages.Local.FirstOrDefault(m => m.IdempotencyKey == key)
        ?? await db.OutboxMessages.AsNoTracking().FirstOrDefaultAsync(m => m.IdempotencyKey == key, cancellationToken);
}
