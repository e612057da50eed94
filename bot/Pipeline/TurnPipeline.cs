using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Bot.Pipeline.Outbox;
using SesBot.Core.Conversations;
using SesBot.Core.Outbox;
using SesBot.Core.Persistence;

namespace SesBot.Bot.Pipeline;

/// <summary>
/// The one path every inbound delivery takes, whatever the channel: dedupe → who is talking → the dialog host → one
/// commit → dispatch. Everything a turn changes (the delivery record, the conversation's address, the dialog state,
/// requests and their audit rows, and an outbox message for every reply not answered inline) is written in one
/// transaction, or nothing is. When that commit conflicts with another turn (the same delivery twice, two people on
/// one account, a double click), the turn runs again on what the other one committed, so its answer is right.
/// The inbound request is answered as soon as the commit is done; the outbox dispatcher sends the replies. While the
/// dispatcher runs, the replies are claimed for sending in that same commit and handed to it in memory.
/// </summary>
public sealed class TurnPipeline(
    IServiceScopeFactory scopes,
    OutboxSignal outbox,
    OutboxHandoff handoff,
    IOptions<OutboxOptions> outboxOptions,
    TimeProvider clock,
    ILogger<TurnPipeline> logger)
{
    /// <summary>How often a turn is run at most when its commits keep losing races, before it is reported as failed.</summary>
    public const int MaxAttempts = 8;

    public async Task<TurnResponse> RunAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var (response, wroteOutbox, claimed) = await AttemptAsync(request, cancellationToken);
                await HandOverAsync(claimed);
                if (wroteOutbox)
                {
                    outbox.Notify();
                }

                return response;
            }
            catch (DbUpdateException ex)
            {
                if (request.DeliveryId is { } id && await FindHandledAsync(request, id, cancellationToken) is { } handled)
                {
                    Log.TurnRedelivered(logger, request.Channel, id);
                    return new TurnResponse(handled.ResponseJson, Redelivered: true);
                }

                if (attempt >= MaxAttempts)
                {
                    return await FailAsync(request, ex, cancellationToken);
                }

                Log.TurnConflict(logger, attempt, ex.InnerException?.Message ?? ex.Message);

                // Turns that collided tend to collide again at once: spread them out a little, more with each try.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 1 + (attempt * 15))), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return await FailAsync(request, ex, cancellationToken);
            }
        }
    }

    /// <summary>Typeahead (read only, nothing recorded): the dialogs answer in the response.</summary>
    public async Task<IReadOnlyList<ReplyChoice>> SearchAsync(TurnInput input, string dataset, string? text, int skip, int take, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ITurnHandler>().SearchAsync(input, dataset, text, skip, take, cancellationToken);
    }

    private async Task<(TurnResponse Response, bool WroteOutbox, IReadOnlyList<OutboxMessage> Claimed)> AttemptAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<SesBotDbContext>();
        var transaction = services.GetRequiredService<TurnTransaction>();

        // One connection for the whole turn: its reads and its commit, rather than a pooled open and close per query.
        // On SQLite it is one of the few long-lived turn connections, with a warm page cache and compiled statements.
        if (services.GetService<SqliteTurnConnections>() is { } sqlite)
        {
            await using var lease = await sqlite.AttachAsync(db, cancellationToken);
            return await RunTurnAsync(request, services, db, transaction, cancellationToken);
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await RunTurnAsync(request, services, db, transaction, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<(TurnResponse Response, bool WroteOutbox, IReadOnlyList<OutboxMessage> Claimed)> RunTurnAsync(
        TurnRequest request, IServiceProvider services, SesBotDbContext db, TurnTransaction transaction, CancellationToken cancellationToken)
    {
        // Dedupe: the record is part of this turn's commit, so it exists exactly when the turn took effect.
        var delivery = request.DeliveryId is { } id
            ? services.GetRequiredService<DeliveryLedger>().Record(request.Channel, request.ConversationKey, id)
            : null;

        var conversations = services.GetRequiredService<ConversationBook>();
        if (request.ConversationRemoved)
        {
            await conversations.MarkBlockedAsync(request.Channel, request.ConversationKey, cancellationToken);
        }
        else if (request.Conversation is { } conversation)
        {
            await conversations.RememberAsync(conversation, cancellationToken);
        }

        TurnResult? result = null;
        if (request.Kind != TurnKind.Event && request.Input is { } input)
        {
            var handler = services.GetRequiredService<ITurnHandler>();
            result = request.Kind == TurnKind.Welcome
                ? await handler.WelcomeAsync(input, cancellationToken)
                : await handler.HandleAsync(input, cancellationToken);
        }

        var replies = result?.Replies ?? [];

        var inline = request.Route.Inline(replies);
        if (delivery is not null)
        {
            delivery.ResponseJson = inline;
        }

        var prefix = $"{request.Channel}:{request.ConversationKey}:{request.DeliveryId ?? Guid.NewGuid().ToString("N")}";
        var now = clock.GetUtcNow();
        var outbound = request.Route.Outbound(replies, prefix, now).ToList();
        foreach (var message in outbound)
        {
            db.Insert(message); // written once, never read back by this turn: no change tracking needed
        }

        if (outbound.Count > 0 && handoff.Accepting)
        {
            db.ClaimOnCommit(outbound, now + outboxOptions.Value.Lease);
        }

        await db.SaveChangesAsync(cancellationToken);
        transaction.Committed();
        if (db.ClaimRefused)
        {
            handoff.NoteBacklog();
        }

        return (new TurnResponse(inline) { Result = result }, db.AddsOutboxMessages, db.ClaimedOnCommit);
    }

    /// <summary>The replies claimed with the commit go to the dispatcher; if it stopped meanwhile, the claims are given back.</summary>
    private async Task HandOverAsync(IReadOnlyList<OutboxMessage> claimed)
    {
        if (claimed.Count == 0 || handoff.Offer(claimed))
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().GiveBackAsync([.. claimed], CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.OutboxLoopFailed(logger, ex);
        }
    }

    private async Task<InboundDelivery?> FindHandledAsync(TurnRequest request, string deliveryId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DeliveryLedger>()
            .FindAsync(request.Channel, request.ConversationKey, deliveryId, cancellationToken);
    }

    /// <summary>
    /// The error boundary: nothing of the turn was kept (so a redelivery tries again), and the person gets a short
    /// apology with a reference for support.
    /// </summary>
    private async Task<TurnResponse> FailAsync(TurnRequest request, Exception exception, CancellationToken cancellationToken)
    {
        var reference = request.ApologyReference;
        Log.TurnFailed(logger, exception, reference);
        IReadOnlyList<Reply> apology = [TurnErrors.Apology(reference, request.Input?.Locale)];
        var inline = request.Route.InlineApology(apology[0]);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
            var prefix = $"{request.Channel}:{request.ConversationKey}:{reference}:apology:{Guid.NewGuid():N}";
            var messages = request.Route.Outbound(apology, prefix, clock.GetUtcNow()).ToList();
            if (messages.Count > 0)
            {
                db.OutboxMessages.AddRange(messages);
                await db.SaveChangesAsync(cancellationToken);
                outbox.Notify();
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.ApologyFailed(logger, ex);
        }

        return new TurnResponse(inline, Failed: true) { Result = TurnResult.Complete([.. apology]) };
    }
}
