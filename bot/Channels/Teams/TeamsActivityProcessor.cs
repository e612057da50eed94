using SesBot.Bot.Channels.Teams.Connector;
using SesBot.Bot.Channels.Teams.Protocol;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Core.Conversations;

namespace SesBot.Bot.Channels.Teams;

/// <summary>
/// Handles one authenticated Teams activity: records it once, keeps the conversation reference, runs the turn and
/// sends the replies. Returns the invoke response for invokes (written in the HTTP response), null otherwise.
/// </summary>
public sealed class TeamsActivityProcessor(
    ITurnHandler turns,
    TeamsConversationStore conversations,
    DeliveryLedger ledger,
    IConnectorClient connector,
    TeamsReplyRenderer renderer,
    UserDirectory users,
    ILogger<TeamsActivityProcessor> logger)
{
    public const string CardActionInvoke = "adaptiveCard/action";
    public const string SearchInvoke = "application/search";

    public async Task<InvokeResponse?> ProcessAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!string.IsNullOrEmpty(activity.Id)
            && !await ledger.TryRecordAsync(TeamsInboundMapper.ChannelName, activity.Id, cancellationToken))
        {
            Log.TeamsRedelivery(logger, activity.Id);
            return activity.Type == ActivityTypes.Invoke ? InvokeResponse.Message("That action was already handled.") : null;
        }

        try
        {
            return activity.Type switch
            {
                ActivityTypes.Message => await OnMessageAsync(activity, cancellationToken),
                ActivityTypes.Invoke when activity.Name == CardActionInvoke => await OnCardActionAsync(activity, cancellationToken),
                ActivityTypes.Invoke when activity.Name == SearchInvoke => await OnSearchAsync(activity, cancellationToken),
                ActivityTypes.Invoke => InvokeResponse.Error(501, "NotImplemented", $"SesBot does not handle the invoke '{activity.Name}'."),
                ActivityTypes.ConversationUpdate => await OnConversationUpdateAsync(activity, cancellationToken),
                ActivityTypes.InstallationUpdate => await OnInstallationUpdateAsync(activity, cancellationToken),
                _ => null, // typing, messageReaction and types not yet invented: acknowledged, nothing to do
            };
        }
        catch (ConversationBlockedException)
        {
            // The user blocked or uninstalled SesBot: remember it and stop writing there.
            Log.ConversationBlocked(logger, activity.Conversation?.Id ?? string.Empty);
            await conversations.MarkBlockedAsync(activity.Conversation?.Id ?? string.Empty, cancellationToken);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var reference = activity.Id ?? Guid.NewGuid().ToString("N");
            Log.TurnFailed(logger, ex, reference);
            var apology = $"Sorry, something went wrong on my side. Please try again; if it keeps happening, give support this reference: {reference}.";
            if (activity.Type == ActivityTypes.Invoke)
            {
                return InvokeResponse.Error(500, "InternalError", apology);
            }

            await TrySendAsync(activity, Reply.Text(apology), cancellationToken);
            return null;
        }
    }

    private async Task<InvokeResponse?> OnMessageAsync(Activity activity, CancellationToken cancellationToken)
    {
        await conversations.RememberAsync(activity, cancellationToken);
        var input = TeamsInboundMapper.FromMessage(activity);
        if (input is null)
        {
            return null;
        }

        var result = await turns.HandleAsync(await WithEmailAsync(input, activity, cancellationToken), cancellationToken);
        var replies = result.Replies.ToList();

        // An Action.Submit cannot answer with a card, but the card it came from can be updated in place.
        if (input.IsAction && activity.ReplyToId is { Length: > 0 } cardId && replies.Count > 0 && !replies[0].IsPlainText)
        {
            await connector.UpdateActivityAsync(activity.ServiceUrl!, activity.Conversation!.Id!, cardId, renderer.ToActivity(replies[0]), cancellationToken);
            replies.RemoveAt(0);
        }

        foreach (var reply in replies)
        {
            await SendAsync(activity, reply, cancellationToken);
        }

        return null;
    }

    private async Task<InvokeResponse?> OnCardActionAsync(Activity activity, CancellationToken cancellationToken)
    {
        await conversations.RememberAsync(activity, cancellationToken);
        var input = TeamsInboundMapper.FromCardAction(activity);
        if (input is null)
        {
            return InvokeResponse.Error(400, "BadRequest", "The card action has no verb.");
        }

        var result = await turns.HandleAsync(await WithEmailAsync(input, activity, cancellationToken), cancellationToken);
        if (result.Replies.Count == 0)
        {
            return InvokeResponse.Message("Done.");
        }

        // The first reply replaces the clicked card; any others follow as new messages.
        foreach (var reply in result.Replies.Skip(1))
        {
            await SendAsync(activity, reply, cancellationToken);
        }

        return InvokeResponse.Card(renderer.ToCard(result.Replies[0]));
    }

    /// <summary>Typeahead of a choice input bound to a dataset (<c>choices.data</c>): answered in the invoke response.</summary>
    private async Task<InvokeResponse?> OnSearchAsync(Activity activity, CancellationToken cancellationToken)
    {
        var query = TeamsInboundMapper.FromSearch(activity);
        if (query is null)
        {
            return InvokeResponse.Error(400, "BadRequest", "The search has no dataset.");
        }

        var results = await turns.SearchAsync(query.Value.Input, query.Value.Dataset, query.Value.Text, query.Value.Skip, query.Value.Top, cancellationToken);
        return new InvokeResponse(200, InvokeResponse.SearchResponseType, new
        {
            results = results.Select(c => new { title = c.Title, value = c.Value }).ToList(),
        });
    }

    private async Task<InvokeResponse?> OnConversationUpdateAsync(Activity activity, CancellationToken cancellationToken)
    {
        await conversations.RememberAsync(activity, cancellationToken);
        var botAdded = activity.MembersAdded?.Any(m => m.Id is { } id && id == activity.Recipient?.Id) == true;
        if (botAdded)
        {
            await WelcomeAsync(activity, cancellationToken);
        }

        return null;
    }

    private async Task<InvokeResponse?> OnInstallationUpdateAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Action?.StartsWith("remove", StringComparison.OrdinalIgnoreCase) == true)
        {
            await conversations.MarkBlockedAsync(activity.Conversation?.Id ?? string.Empty, cancellationToken);
            return null;
        }

        // The welcome is sent once, for the conversationUpdate that accompanies the installation.
        await conversations.RememberAsync(activity, cancellationToken);
        return null;
    }

    /// <summary>
    /// For a person SesBot doesn't know yet, asks Teams for their email (the members API), so someone SES registered
    /// by email is recognised on first contact.
    /// </summary>
    private async Task<TurnInput> WithEmailAsync(TurnInput input, Activity activity, CancellationToken cancellationToken)
    {
        if (activity.From?.Id is not { Length: > 0 } memberId || await users.IsKnownAsync(input, cancellationToken))
        {
            return input;
        }

        try
        {
            var member = await connector.GetMemberAsync(activity.ServiceUrl!, activity.Conversation!.Id!, memberId, cancellationToken);
            return input with { Email = member.Email ?? member.UserPrincipalName };
        }
        catch (ConnectorException ex)
        {
            Log.MemberLookupFailed(logger, ex.StatusCode is { } code ? (int)code : 0);
            return input;
        }
    }

    private async Task WelcomeAsync(Activity activity, CancellationToken cancellationToken)
    {
        var input = TeamsInboundMapper.ForConversation(activity);
        var result = await turns.WelcomeAsync(input, cancellationToken);
        foreach (var reply in result.Replies)
        {
            await connector.SendToConversationAsync(activity.ServiceUrl!, activity.Conversation!.Id!, renderer.ToActivity(reply), cancellationToken);
        }
    }

    /// <summary>In a channel the answer goes into the thread of the message; elsewhere into the conversation.</summary>
    private async Task SendAsync(Activity activity, Reply reply, CancellationToken cancellationToken)
    {
        var outbound = renderer.ToActivity(reply);
        if (TeamsInboundMapper.ScopeOf(activity) == ConversationScope.TeamChannel && !string.IsNullOrEmpty(activity.Id))
        {
            await connector.ReplyToActivityAsync(activity.ServiceUrl!, activity.Conversation!.Id!, activity.Id, outbound, cancellationToken);
        }
        else
        {
            await connector.SendToConversationAsync(activity.ServiceUrl!, activity.Conversation!.Id!, outbound, cancellationToken);
        }
    }

    private async Task TrySendAsync(Activity activity, Reply reply, CancellationToken cancellationToken)
    {
        try
        {
            if (activity.ServiceUrl is not null && activity.Conversation?.Id is not null)
            {
                await SendAsync(activity, reply, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.ApologyFailed(logger, ex);
        }
    }
}
