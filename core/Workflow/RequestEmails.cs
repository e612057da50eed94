using Microsoft.EntityFrameworkCore;
using SesBot.Core.Domain;
using SesBot.Core.Email;
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

        // The first message, and one more for each time a person asked to send it again: the latest one tells.
        var key = UnlinkInstructionsOutbox.IdempotencyKeyFor(request.Id);
        var ordering = UnlinkInstructionsOutbox.OrderingKeyFor(request.Id);
        var sent = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.OrderingKey == ordering && m.Kind == UnlinkInstructionsOutbox.Kind)
            .OrderBy(m => m.Id)
            .ToListAsync(cancellationToken);
        var added = db.OutboxMessages.Local.Where(m => m.Kind == UnlinkInstructionsOutbox.Kind && m.OrderingKey == ordering && m.Id == 0).ToList();
        var message = added.LastOrDefault() ?? sent.LastOrDefault();
        if (message is null)
        {
            return null;
        }

        var retries = sent.Concat(added).Count(m => m.IdempotencyKey != key);
        return EmailDelivery.Of(message, request.EndCustomerEmail, request.EndCustomerLanguage ?? "en") with { Retries = retries };
    }
}
