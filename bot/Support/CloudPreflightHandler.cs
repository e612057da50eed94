using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SesBot.Bot.Cards;
using SesBot.Bot.Pipeline.Outbox;
using SesBot.Core.Execution;
using SesBot.Core.Localization;
using SesBot.Core.Outbox;

namespace SesBot.Bot.Support;

/// <summary>
/// Reads a request's account through the gateway port (outbox kind <see cref="CloudExecutionOutbox.PreflightKind"/>)
/// and posts the pre-flight card into the conversation that asked. Reads only, so running it twice is harmless.
/// </summary>
public sealed class CloudPreflightHandler(IServiceScopeFactory scopes, OutboxSignal signal, ILogger<CloudPreflightHandler> logger) : IOutboxHandler
{
    public string Kind => CloudExecutionOutbox.PreflightKind;

    public bool IsIdempotent(OutboxMessage message) => true;

    public async Task<OutboxOutcome> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!OutboxPayload.TryRead(message, CloudExecutionOutbox.PreflightOf, out var ask, out var unreadable))
        {
            return unreadable;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var report = await scope.ServiceProvider.GetRequiredService<CloudPreflight>().CheckAsync(ask.RequestId, cancellationToken);
            if (report is null)
            {
                return OutboxOutcome.Failed($"Request {ask.RequestId} has no account SesBot can check.");
            }

            var results = scope.ServiceProvider.GetRequiredService<CloudResults>();
            if (!await results.ToConversationAsync(ask.ReplyChannel, ask.ReplyAddressKey, ask.ReplyConversationKey,
                    SupportedCultures.In(SupportedCultures.Default, () => CloudCards.Preflight(report)), $"cloud.preflight-card:{message.IdempotencyKey}", cancellationToken))
            {
                Log.CloudResultUndeliverable(logger, ask.RequestId, "the conversation that asked is not known");
                return OutboxOutcome.Failed("The conversation that asked for the check is not known.");
            }

            await results.SaveAsync();
            signal.Notify();
            return OutboxOutcome.Sent(JsonSerializer.Serialize(new { requestId = ask.RequestId, blocked = report.HasBlocker, simulated = report.Simulated }));
        }
        catch (Exception ex) when (ex is DbException or DbUpdateException && !cancellationToken.IsCancellationRequested)
        {
            return OutboxOutcome.Retry($"The check could not be stored: {ex.Message}");
        }
    }
}
