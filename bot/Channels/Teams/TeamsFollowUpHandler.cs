using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SesBot.Bot.Channels.Teams.Connector;
using SesBot.Bot.Channels.Teams.Protocol;
using SesBot.Bot.Pipeline.Outbox;
using SesBot.Core.Outbox;
using SesBot.Core.Persistence;

namespace SesBot.Bot.Channels.Teams;

/// <summary>
/// Delivers <see cref="TeamsFollowUpMessage"/>s: finds where the earlier message went (the Connector's answer kept on
/// its outbox row), then updates it in place (PUT, idempotent) or posts into its thread. While the earlier message is
/// not sent yet this one waits (retry); when it never will be, this one fails with that reason.
/// </summary>
public sealed class TeamsFollowUpHandler(IConnectorClient connector, IServiceScopeFactory scopes, ILogger<TeamsFollowUpHandler> logger) : IOutboxHandler
{
    public string Kind => TeamsFollowUpMessage.Kind;

    public bool IsIdempotent(OutboxMessage message) => Read<TeamsFollowUpMessage>(message?.PayloadJson)?.Operation == TeamsOutboundOperation.Update;

    public async Task<OutboxOutcome> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var payload = Read<TeamsFollowUpMessage>(message.PayloadJson);
        if (payload is null)
        {
            return OutboxOutcome.Failed("The message could not be read.");
        }

        OutboxMessage? target;
        await using (var scope = scopes.CreateAsyncScope())
        {
            target = await scope.ServiceProvider.GetRequiredService<SesBotDbContext>().OutboxMessages.AsNoTracking()
                .FirstOrDefaultAsync(m => m.IdempotencyKey == payload.TargetKey, cancellationToken);
        }

        switch (target?.Status)
        {
            case null:
                return OutboxOutcome.Failed($"The message it follows ({payload.TargetKey}) does not exist.");
            case OutboxStatus.Pending or OutboxStatus.Sending:
                return OutboxOutcome.Retry($"The message it follows ({payload.TargetKey}) is not sent yet.");
            case not OutboxStatus.Sent:
                return OutboxOutcome.Failed($"The message it follows ({payload.TargetKey}) was never posted: {target.LastError}");
        }

        var place = Where(target);
        if (place is null)
        {
            return OutboxOutcome.Failed($"Where the message {payload.TargetKey} went is not known.");
        }

        var (serviceUrl, conversationId, activityId) = place.Value;
        Log.FollowUpDelivering(logger, message.IdempotencyKey, payload.Operation.ToString(), conversationId);
        return await ConnectorOutcome.OfAsync(
            () => payload.Operation == TeamsOutboundOperation.Update
                ? connector.UpdateActivityAsync(serviceUrl, conversationId, activityId, payload.Activity, cancellationToken)
                : connector.SendToConversationAsync(serviceUrl, conversationId, payload.Activity, cancellationToken),
            idempotent: payload.Operation == TeamsOutboundOperation.Update,
            blocked: () => Task.FromResult("SesBot may no longer write into that conversation (removed or blocked)."));
    }

    /// <summary>The service URL, conversation and activity of what an outbox message posted, from its payload and result.</summary>
    private static (string ServiceUrl, string ConversationId, string ActivityId)? Where(OutboxMessage sent)
    {
        if (sent.Kind == TeamsChannelThreadMessage.Kind)
        {
            var thread = Read<TeamsChannelThreadMessage>(sent.PayloadJson);
            var result = Read<ConversationResourceResponse>(sent.ResultJson);
            return thread is null || result?.Id is not { Length: > 0 } id || result.ActivityId is not { Length: > 0 } activityId
                ? null
                : (string.IsNullOrEmpty(result.ServiceUrl) ? thread.ServiceUrl : result.ServiceUrl, id, activityId);
        }

        if (sent.Kind == TeamsOutboundMessage.Kind)
        {
            var activity = Read<TeamsOutboundMessage>(sent.PayloadJson);
            var result = Read<ResourceResponse>(sent.ResultJson);
            var activityId = activity?.Operation == TeamsOutboundOperation.Update ? activity.ActivityId : result?.Id;
            return activity is null || string.IsNullOrEmpty(activityId) ? null : (activity.ServiceUrl, activity.ConversationId, activityId);
        }

        return null;
    }

    private static T? Read<T>(string? json)
        where T : class
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(json, ProtocolJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
