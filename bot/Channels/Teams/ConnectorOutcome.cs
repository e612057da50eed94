using System.Net;
using System.Text.Json;
using SesBot.Bot.Channels.Teams.Connector;
using SesBot.Bot.Channels.Teams.Protocol;
using SesBot.Bot.Pipeline.Outbox;

namespace SesBot.Bot.Channels.Teams;

/// <summary>
/// What one Bot Connector call of an outbox message came to, the same way for every Teams outbox handler: sent (with
/// the Connector's answer), retry (the Connector said "not now", or no connection was made), failed (refused for good,
/// or the conversation is blocked), or unknown (a non-idempotent call went out and no answer came).
/// </summary>
internal static class ConnectorOutcome
{
    /// <param name="call">The Connector call; its answer is kept as the message's result.</param>
    /// <param name="idempotent">Whether sending twice is harmless (a PUT): then no answer means "try again".</param>
    /// <param name="blocked">What to do and say when Teams answers that SesBot may no longer write there.</param>
    public static async Task<OutboxOutcome> OfAsync<T>(Func<Task<T>> call, bool idempotent, Func<Task<string>> blocked)
    {
        try
        {
            return OutboxOutcome.Sent(JsonSerializer.Serialize(await call(), ProtocolJson.Options));
        }
        catch (ConversationBlockedException)
        {
            return OutboxOutcome.Failed(await blocked());
        }
        catch (MessageTooLargeException ex)
        {
            return OutboxOutcome.Failed(ex.Message);
        }
        catch (ConnectorException ex) when (ex.IsOutcomeUnknown)
        {
            return idempotent ? OutboxOutcome.Retry(ex.Message) : OutboxOutcome.Unknown(ex.Message);
        }
        catch (ConnectorException ex) when (IsTransient(ex.StatusCode))
        {
            return OutboxOutcome.Retry(ex.Message);
        }
        catch (ConnectorException ex)
        {
            return OutboxOutcome.Failed(ex.Message);
        }
        catch (BotTokenException ex)
        {
            return OutboxOutcome.Retry(ex.Message);
        }
    }

    /// <summary>No answer at all (the connection was never made) and the answers that say "not now" are worth another try.</summary>
    private static bool IsTransient(HttpStatusCode? status) => status is null
        or HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed or HttpStatusCode.Unauthorized
        or HttpStatusCode.RequestTimeout or >= HttpStatusCode.InternalServerError;
}
