using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SesBot.Bot.Cards;
using SesBot.Bot.Pipeline.Outbox;
using SesBot.Core.Execution;
using SesBot.Core.Localization;
using SesBot.Core.Outbox;
using SesBot.Core.Persistence;

namespace SesBot.Bot.Support;

/// <summary>
/// Checks a tenant id support entered (outbox kind <see cref="CloudExecutionOutbox.AzureTenantKind"/>): reads the
/// request's subscription from Partner Center under it (<see cref="CloudPreflight.CheckAzureTenantAsync"/>) and commits,
/// in one transaction, the tenant id on the customer with its audit line (only when the subscription was found) and
/// the clicked card's replacement. Running it again is harmless: a read, the same tenant (no second audit line), and
/// the card's key already taken.
/// </summary>
public sealed class AzureTenantHandler(IServiceScopeFactory scopes, OutboxSignal signal, ILogger<AzureTenantHandler> logger) : IOutboxHandler
{
    public string Kind => CloudExecutionOutbox.AzureTenantKind;

    public bool IsIdempotent(OutboxMessage message) => true;

    public async Task<OutboxOutcome> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!OutboxPayload.TryRead(message, CloudExecutionOutbox.AzureTenantOf, out var ask, out var unreadable))
        {
            return unreadable;
        }

        var cardKey = $"cloud.azure-tenant-card:{message.IdempotencyKey}";
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var check = await scope.ServiceProvider.GetRequiredService<CloudPreflight>().CheckAzureTenantAsync(ask, cancellationToken);
            if (check is null)
            {
                return OutboxOutcome.Failed($"Request {ask.RequestId} is not an Azure suspension SesBot can check, or {ask.TenantId} is not a tenant id.");
            }

            Log.AzureTenantChecked(logger, ask.RequestId, check.TenantId, check.Outcome.ToString(), check.Report.Simulated);
            var card = SupportedCultures.In(SupportedCultures.Default, () => CloudCards.AzureTenantChecked(check));
            var results = scope.ServiceProvider.GetRequiredService<CloudResults>();
            var delivered = (ask.CardKey is { } clicked
                    && await results.UpdateCardAsync(ask.ReplyChannel, ask.ReplyAddressKey, ask.ReplyConversationKey, clicked, card, cardKey, cancellationToken))
                || await results.ToConversationAsync(ask.ReplyChannel, ask.ReplyAddressKey, ask.ReplyConversationKey, card, cardKey, cancellationToken);
            if (!delivered)
            {
                // What Partner Center confirmed is kept all the same: the next check of the account shows it.
                Log.AzureTenantAnswerUndeliverable(logger, ask.RequestId, check.TenantId);
            }

            try
            {
                await results.SaveAsync();
            }
            catch (DbUpdateException)
            {
                if (!await AnsweredAsync(cardKey))
                {
                    throw;
                }

                return OutboxOutcome.Sent(JsonSerializer.Serialize(new { requestId = ask.RequestId, note = "answered by an earlier run" }));
            }

            signal.Notify();
            return OutboxOutcome.Sent(JsonSerializer.Serialize(new { requestId = ask.RequestId, tenant = check.TenantId, outcome = check.Outcome.ToString(), delivered }));
        }
        catch (Exception ex) when (ex is DbException or DbUpdateException && !cancellationToken.IsCancellationRequested)
        {
            return OutboxOutcome.Retry($"The check could not be stored: {ex.Message}");
        }
    }

    /// <summary>Whether an earlier run of the same message already committed its card (and with it the tenant id).</summary>
    private async Task<bool> AnsweredAsync(string cardKey)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SesBotDbContext>().OutboxMessages.AsNoTracking()
            .AnyAsync(m => m.IdempotencyKey == cardKey, CancellationToken.None);
    }
}
