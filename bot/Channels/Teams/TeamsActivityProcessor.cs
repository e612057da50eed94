using System.Text.Json;
using SesBot.Bot.Channels.Teams.Connector;
using SesBot.Bot.Channels.Teams.Protocol;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Bot.Pipeline;
using SesBot.Bot.Dialogs;

namespace SesBot.Bot.Channels.Teams;

/// <summary>
/// The Teams side of a turn: maps an authenticated activity to a <see cref="TurnRequest"/>, hands it to the channel-
/// neutral <see cref="TurnPipeline"/>, and gives back the JSON the HTTP response carries (an invoke's answer), or null.
/// </summary>
public sealed class TeamsActivityProcessor(
    TurnPipeline pipeline,
    TeamsReplyRenderer renderer,
    IConnectorClient connector,
    UserDirectory users,
    ILogger<TeamsActivityProcessor> logger)
{
    public const string CardActionInvoke = "adaptiveCard/action";
    public const string SearchInvoke = "application/search";

    public async Task<TurnResponse> ProcessAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        switch (activity.Type)
        {
            case ActivityTypes.Invoke when activity.Name == SearchInvoke:
                return await SearchAsync(activity, cancellationToken);
            case ActivityTypes.Invoke when activity.Name != CardActionInvoke:
                return Answer(InvokeResponse.Error(501, "NotImplemented", "SesBot does not handle this kind of invoke."));
        }

        var request = await MapAsync(activity, cancellationToken);
        if (request is null)
        {
            return Answer(InvokeResponse.Error(400, "BadRequest", "The card action has no verb."));
        }

        return await pipeline.RunAsync(request, cancellationToken);
    }

    private async Task<TurnRequest?> MapAsync(Activity activity, CancellationToken cancellationToken)
    {
        var key = TeamsConversationStore.KeyOf(activity);
        var request = new TurnRequest
        {
            Channel = TeamsInboundMapper.ChannelName,
            ConversationKey = activity.Conversation?.Id ?? string.Empty,
            DeliveryId = string.IsNullOrEmpty(activity.Id) ? null : activity.Id,
            Kind = TurnKind.Event,
            Conversation = TeamsConversationStore.RecordOf(activity),
            Route = new TeamsReplyRoute(renderer, activity, key),
        };

        switch (activity.Type)
        {
            case ActivityTypes.Message:
                var message = TeamsInboundMapper.FromMessage(activity);
                return message is null ? request : request with { Kind = TurnKind.Dialog, Input = await WithEmailAsync(message, activity, cancellationToken) };
            case ActivityTypes.Invoke:
                var action = TeamsInboundMapper.FromCardAction(activity);
                return action is null ? null : request with { Kind = TurnKind.Dialog, Input = await WithEmailAsync(action, activity, cancellationToken) };
            case ActivityTypes.ConversationUpdate when activity.MembersAdded?.Any(m => m.Id is { } id && id == activity.Recipient?.Id) == true:
                return request with { Kind = TurnKind.Welcome, Input = TeamsInboundMapper.ForConversation(activity) };
            case ActivityTypes.InstallationUpdate when activity.Action?.StartsWith("remove", StringComparison.OrdinalIgnoreCase) == true:
                return request with { Conversation = null, ConversationRemoved = true, ConversationKey = key };
            case ActivityTypes.ConversationUpdate or ActivityTypes.InstallationUpdate:
                return request;
            default:
                // typing, messageReaction and types not yet invented: acknowledged, nothing to do or remember
                return request with { Conversation = null };
        }
    }

    /// <summary>Typeahead of a choice input bound to a dataset (<c>choices.data</c>): answered in the invoke response.</summary>
    private async Task<TurnResponse> SearchAsync(Activity activity, CancellationToken cancellationToken)
    {
        var query = TeamsInboundMapper.FromSearch(activity);
        if (query is null)
        {
            return Answer(InvokeResponse.Error(400, "BadRequest", "The search has no dataset."));
        }

        var results = await pipeline.SearchAsync(query.Value.Input, query.Value.Dataset, query.Value.Text, query.Value.Skip, query.Value.Top, cancellationToken);
        return Answer(new InvokeResponse(200, InvokeResponse.SearchResponseType, new
        {
            results = results.Select(c => new { title = c.Title, value = c.Value }).ToList(),
        }));
    }

    /// <summary>
    /// For a person SesBot doesn't know yet, asks Teams for their email (the members API), so someone SES registered
    /// by email is recognised on first contact. Done before the turn: no transaction waits on the Connector.
    /// </summary>
    private async Task<TurnInput> WithEmailAsync(TurnInput input, Activity activity, CancellationToken cancellationToken)
    {
        if (activity.From?.Id is not { Length: > 0 } memberId
            || activity.ServiceUrl is null || activity.Conversation?.Id is null
            || await users.IsKnownAsync(input, cancellationToken))
        {
            return input;
        }

        try
        {
            var member = await connector.GetMemberAsync(activity.ServiceUrl, activity.Conversation.Id, memberId, cancellationToken);
            return input with { Email = member.Email ?? member.UserPrincipalName };
        }
        catch (ConnectorException ex)
        {
            Log.MemberLookupFailed(logger, ex.StatusCode is { } code ? (int)code : 0);
            return input;
        }
    }

    private static TurnResponse Answer(InvokeResponse response) => new(JsonSerializer.Serialize(response, ProtocolJson.Options));
}
