using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SesBot.Core.Domain;
using SesBot.Core.Email;
using SesBot.Core.Outbox;
using SesBot.Core.Persistence;
using SesBot.Core.Workflow;

namespace SesBot.Bot.Pipeline.Outbox;

/// <summary>
/// Sends the unlink-instructions email of a request (outbox kind <see cref="UnlinkInstructionsOutbox.Kind"/>): composed
/// from the request as it is now, the reseller's name as the sender's name, replies to the requester when their email
/// is known (else to <c>Smtp:From</c>). Once the email is sent the request becomes "instructions sent" (by the system,
/// in a small transaction of its own). A request cancelled before the email went out is not emailed.
/// Transient send failures are retried by the outbox; permanent ones are recorded on the outbox message.
/// </summary>
public sealed class UnlinkInstructionsEmailHandler(
    IServiceScopeFactory scopes,
    IEmailSender sender,
    UnlinkInstructionsEmail composer,
    IOptions<SmtpOptions> smtp,
    TimeProvider clock,
    ILogger<UnlinkInstructionsEmailHandler> logger) : IOutboxHandler
{
    private const int MarkAttempts = 3;

    public string Kind => UnlinkInstructionsOutbox.Kind;

    /// <summary>An email whose send was interrupted may have arrived: a person decides rather than sending it twice.</summary>
    public bool IsIdempotent(OutboxMessage message) => false;

    public async Task<OutboxOutcome> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!OutboxPayload.TryRead(message, UnlinkInstructionsOutbox.RequestIdOf, out var requestId, out var unreadable))
        {
            return unreadable;
        }

        // Nothing has gone out until the sender is called: a failure before it is safe to retry.
        MimeKit.MimeMessage email;
        try
        {
            var prepared = await PrepareAsync(message, requestId, cancellationToken);
            if (prepared.Outcome is { } early)
            {
                return early;
            }

            email = prepared.Email!;
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
        {
            return OutboxOutcome.Retry($"The request could not be read: {ex.Message}");
        }

        var result = await sender.SendAsync(email, cancellationToken);
        if (!result.IsSent)
        {
            Log.UnlinkInstructionsNotSent(logger, requestId, result.Status, result.Reason, result.Detail);
            var transient = result.Status == EmailSendStatus.TransientFailure;
            var reason = $"{Reason(result.Reason, transient)}: {result.Detail}";
            return transient ? OutboxOutcome.Retry(reason) : OutboxOutcome.Failed(reason);
        }

        Log.UnlinkInstructionsSent(logger, requestId, result.MessageId);
        await MarkSentAsync(requestId);
        return OutboxOutcome.Sent(JsonSerializer.Serialize(new { messageId = result.MessageId, detail = result.Detail }));
    }

    /// <summary>The email for the request as it is now, or the outcome when there is nothing to send.</summary>
    private async Task<(OutboxOutcome? Outcome, MimeKit.MimeMessage? Email)> PrepareAsync(OutboxMessage message, string requestId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
        var request = await db.RemovalRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null)
        {
            return (OutboxOutcome.Failed($"Request {requestId} no longer exists."), null);
        }

        if (request.Status != RequestStatus.Submitted)
        {
            Log.UnlinkInstructionsSkipped(logger, requestId, request.Status);
            return (request.Status == RequestStatus.InstructionsSent
                ? OutboxOutcome.Sent()
                : OutboxOutcome.Failed($"Not sent: the request was {request.Status.ToString().ToLowerInvariant()} before the email went out."), null);
        }

        var model = await ModelAsync(db, request, cancellationToken);
        if (model is null)
        {
            return (OutboxOutcome.Failed($"Request {requestId} lacks what the email needs (an AWS account, the end customer's email)."), null);
        }

        try
        {
            return (null, composer.Compose(model, message.IdempotencyKey));
        }
        catch (ArgumentException ex)
        {
            return (OutboxOutcome.Failed($"The email could not be written: {ex.Message}"), null);
        }
    }

    private async Task<UnlinkInstructionsEmailModel?> ModelAsync(SesBotDbContext db, RemovalRequest request, CancellationToken cancellationToken)
    {
        if (request.EndCustomerEmail is null || request.CloudAccountId is null)
        {
            return null;
        }

        var account = await db.CloudAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == request.CloudAccountId, cancellationToken);
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == request.CustomerId, cancellationToken);
        var reseller = await db.Resellers.AsNoTracking().FirstOrDefaultAsync(r => r.Id == request.ResellerId, cancellationToken);
        if (account is null || customer is null || reseller is null)
        {
            return null;
        }

        var requesterEmail = await db.ChannelUsers.AsNoTracking()
            .Where(u => u.Channel + ":" + u.TenantKey + ":" + u.UserKey == request.RequestedById)
            .Select(u => u.Email)
            .FirstOrDefaultAsync(cancellationToken);
        var replyTo = EndCustomerEmail.IsValid(requesterEmail) ? requesterEmail!.Trim() : smtp.Value.FromAddress;
        var language = UnlinkInstructionsEmail.Languages.Contains(request.EndCustomerLanguage ?? string.Empty) ? request.EndCustomerLanguage! : "en";
        return new UnlinkInstructionsEmailModel(reseller.Name, replyTo, request.EndCustomerEmail, customer.Name, account.ExternalId, language, request.Id);
    }

    /// <summary>
    /// The request becomes "instructions sent", by the system. A concurrent change (the requester cancelling at that
    /// moment) is read again; a request that is no longer waiting for its email stays as it is.
    /// </summary>
    private async Task MarkSentAsync(string requestId)
    {
        for (var attempt = 1; attempt <= MarkAttempts; attempt++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
                var request = await db.RemovalRequests.FirstOrDefaultAsync(r => r.Id == requestId, CancellationToken.None);
                if (request is null || !request.CanApply(RequestTrigger.SendInstructions, Actor.System))
                {
                    return;
                }

                request.Apply(RequestTrigger.SendInstructions, Actor.System, clock, UnlinkInstructionsOutbox.SentNote(request.EndCustomerEmail!, request.EndCustomerLanguage));
                await db.SaveChangesAsync(CancellationToken.None);
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < MarkAttempts)
            {
                Log.UnlinkInstructionsMarkConflict(logger, requestId);
            }
            catch (Exception ex) when (ex is DbException or DbUpdateException or InvalidOperationException)
            {
                // The email is out: the outbox records it as sent whatever happens here, and the card says so.
                Log.UnlinkInstructionsMarkFailed(logger, ex, requestId);
                return;
            }
        }
    }

    private static string Reason(EmailFailureReason reason, bool transient) => reason switch
    {
        EmailFailureReason.RecipientRejected or EmailFailureReason.SenderRejected or EmailFailureReason.MessageRejected or EmailFailureReason.ServerBusy
            when transient => "the mail server asked to try again later",
        EmailFailureReason.RecipientRejected => "the recipient's address was refused",
        EmailFailureReason.SenderRejected => "the sending address was refused",
        EmailFailureReason.MessageRejected => "the mail server refused the message",
        EmailFailureReason.AuthenticationFailed => "SesBot could not sign in to the mail server",
        EmailFailureReason.TlsFailure => "a secure connection to the mail server failed",
        EmailFailureReason.ConnectionFailed => "no connection to the mail server",
        EmailFailureReason.Timeout => "the mail server did not answer in time",
        EmailFailureReason.ServerBusy => "the mail server is busy",
        EmailFailureReason.StorageFailed => "the email could not be stored",
        _ => "the mail server did not take it",
    };
}
