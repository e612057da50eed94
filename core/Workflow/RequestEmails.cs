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

        var key = UnlinkInstructionsOutbox.IdempotencyKeyFor(request.Id);
        var message = db.OutboxMessages.Local.FirstOrDefault(m => m.IdempotencyKey == key)
            ?? await db.OutboxMessages.AsNoTracking().FirstOrDefaultAsync(m => m.IdempotencyKey == key, cancellationToken);
        return message is null ? null : EmailDelivery.Of(message, request.EndCustomerEmail, request.EndCustomerLanguage ?? "en");
    }
}
