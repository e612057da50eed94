using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SesBot.Bot.Cards;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Core.Domain;
using SesBot.Core.Execution;
using SesBot.Core.Gateways;
using SesBot.Core.Localization;
using SesBot.Core.Persistence;
using SesBot.Core.Workflow;

namespace SesBot.Bot.Support;

/// <summary>
/// The turn side of cloud work from the support channel. Nothing here calls a cloud provider: "check account" queues a
/// pre-flight read, "remove now" / "suspend" claims an execution (<see cref="CloudExecutions"/>); both are outbox rows
/// committed with the turn, carried out by the dispatcher, which posts the result into the conversation of the click.
/// "Save and check" of an Azure customer's tenant id (<c>CloudDesk.AzureTenant.cs</c>) works the same way.
/// </summary>
public sealed partial class CloudDesk(
    SesBotDbContext db, CloudExecutions executions, ResellerCatalog catalog, CloudPreflight preflight, TimeProvider clock, ILogger<CloudDesk> logger)
{
    private static readonly Strings S = Strings.For(typeof(CloudDesk));

    public async Task<Reply> CheckAsync(TurnInput input, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsSupport)
        {
            return Reply.Text(S["OnlySupport"]);
        }

        var requestId = input.Value(DataKeys.RequestId) ?? string.Empty;
        var request = await db.RemovalRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request?.CloudAccountId is null || CloudOperations.For(request.Kind) is null)
        {
            return Reply.Text(S.Format("NothingToCheck", requestId));
        }

        var target = await db.CloudAccounts.AsNoTracking().Where(a => a.Id == request.CloudAccountId).Select(a => a.ExternalId).FirstAsync(cancellationToken);
        db.OutboxMessages.Add(CloudExecutionOutbox.Preflight(ReplyTo(input, request.Id), Guid.NewGuid().ToString("N"), clock.GetUtcNow()));
        Log.PreflightAsked(logger, actor.Id, request.Id);

        // The answer replaces the clicked card (Teams, Action.Execute): the request's card stays, with the note on top.
        var queued = CloudCards.CheckQueued(request, target);
        var details = await catalog.FindRequestAsync(actor, request.Id, cancellationToken);
        if (details is null)
        {
            return queued;
        }

        var reseller = await db.Resellers.AsNoTracking().Where(r => r.Id == request.ResellerId).Select(r => r.Name).FirstOrDefaultAsync(cancellationToken);
        var card = SupportCards.NewRequest(details, reseller ?? request.ResellerId);
        return card with { Blocks = [.. queued.Blocks, .. card.Blocks], Summary = queued.Summary };
    }

    public async Task<Reply> ExecuteAsync(TurnInput input, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        var requestId = input.Value(DataKeys.RequestId) ?? string.Empty;
        int? version = int.TryParse(input.Value(DataKeys.Version), CultureInfo.InvariantCulture, out var v) ? v : null;
        var result = await executions.ClaimAsync(requestId, actor, version, ReplyTo(input, requestId), cancellationToken);
        Log.CloudChangeClicked(logger, actor.Id, requestId, result.Outcome.ToString(), result.Execution?.Id);
        return CloudCards.Claimed(result, requestId);
    }

    public async Task<Reply> ReleaseAsync(TurnInput input, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var requestId = input.Value(DataKeys.RequestId) ?? string.Empty;
        var result = await executions.ReleaseAsync(requestId, actor, cancellationToken);
        Log.CloudChangeClicked(logger, actor.Id, requestId, "Release", result.Execution?.Id);
        return CloudCards.Released(result);
    }

    private static PreflightAsk ReplyTo(TurnInput input, string requestId) =>
        new(requestId, input.Channel, input.ConversationKey, input.AddressKey);
}
