using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SesBot.Bot.Cards;
using SesBot.Bot.Localization;
using SesBot.Bot.Pipeline.Outbox;
using SesBot.Core.Execution;
using SesBot.Core.Localization;
using SesBot.Core.Outbox;
using SesBot.Core.Persistence;

namespace SesBot.Bot.Support;

/// <summary>
/// Carries out an execution (outbox kind <see cref="CloudExecutionOutbox.ExecuteKind"/>) with <see cref="CloudExecutor"/>,
/// then queues the result card into the conversation of the click and, once done, the reseller's notice. Running it
/// again is harmless (the execution record makes sure the provider is called at most once; a second run reconciles),
/// so an interrupted delivery is simply run again.
/// </summary>
public sealed class CloudExecutionHandler(IServiceScopeFactory scopes, OutboxSignal signal, ILogger<CloudExecutionHandler> logger) : IOutboxHandler
{
    public string Kind => CloudExecutionOutbox.ExecuteKind;

    public bool IsIdempotent(OutboxMessage message) => true;

    public async Task<OutboxOutcome> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!OutboxPayload.TryRead(message, CloudExecutionOutbox.ExecutionIdOf, out var executionId, out var unreadable))
        {
            return unreadable;
        }

        ExecutionReport? report;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            report = await scope.ServiceProvider.GetRequiredService<CloudExecutor>().RunAsync(executionId, cancellationToken);
        }
        catch (Exception ex) when (ex is DbException or DbUpdateException && !cancellationToken.IsCancellationRequested)
        {
            return OutboxOutcome.Retry($"Execution {executionId}: the database failed ({ex.Message}); the next run reconciles.");
        }

        if (report is null)
        {
            return OutboxOutcome.Failed($"Execution {executionId} does not exist.");
        }

        if (report.NothingDone || (!report.EndedNow && report.Execution.Status != CloudExecutionStatus.Unknown))
        {
            return OutboxOutcome.Sent(JsonSerializer.Serialize(new { executionId, status = report.Execution.Status.ToString(), note = "nothing to do" }));
        }

        await NotifyAsync(report, message.IdempotencyKey);
        return OutboxOutcome.Sent(JsonSerializer.Serialize(new { executionId, status = report.Execution.Status.ToString(), simulated = report.Execution.Simulated }));
    }

    private async Task NotifyAsync(ExecutionReport report, string trigger)
    {
        var execution = report.Execution;
        await using var scope = scopes.CreateAsyncScope();
        var results = scope.ServiceProvider.GetRequiredService<CloudResults>();
        var recipients = 0;
        if (await results.ToConversationAsync(execution.ReplyChannel, execution.ReplyAddressKey, execution.ReplyConversationKey,
                SupportedCultures.In(SupportedCultures.Default, () => CloudCards.Result(report)), $"cloud.result:{execution.Id}:{trigger}", CancellationToken.None))
        {
            recipients++;
        }
        else
        {
            Log.CloudResultUndeliverable(logger, execution.Id, "the conversation of the click is not known");
        }

        if (execution.Status == CloudExecutionStatus.Succeeded && report.Details is { } details
            && await results.ToPersonAsync(details.Request.RequestedById, SupportedCultures.In(
                await PersonCulture.OfAsync(scope.ServiceProvider.GetRequiredService<SesBotDbContext>(), details.Request.RequestedById, CancellationToken.None),
                () => CloudCards.ResellerNotice(report)), $"cloud.reseller:{execution.Id}", CancellationToken.None))
        {
            recipients++;
        }

        // The request moved (completed, or failed): its support card is updated in place in the thread and the reseller's
        // status card where it was filed, like after any move a person makes on the card.
        if (report.Details is { } moved)
        {
            await scope.ServiceProvider.GetRequiredService<RequestUpdates>().QueueAsync(moved, notice: null, threadReply: null, CancellationToken.None);
        }

        try
        {
            await results.SaveAsync();
        }
        catch (DbUpdateException)
        {
            // Already queued by an earlier run of the same message (the idempotency keys are unique).
            return;
        }

        signal.Notify();
        Log.CloudResultQueued(logger, execution.Id, execution.Status.ToString(), execution.Simulated, recipients);
    }
}
