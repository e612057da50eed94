using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace SesBot.Benchmarks.Load;

/// <summary>
/// One personal chat with a bot, played the way Teams plays it: message activities and <c>adaptiveCard/action</c>
/// invokes POSTed to the bot's <c>/api/messages</c>, replies collected from the Connector stand-in. Each turn is
/// timed from the send to the arrival of its answer: the Connector POST of a message's reply, the HTTP response of an
/// invoke.
/// </summary>
internal sealed class BotConversation(HttpClient http, Uri botEndpoint, ConnectorStandIn connector, string conversationId, TurnRecorder recorder)
{
    /// <summary>Alex Wilber, the Agents Playground's default user, a Northwind reseller user in SesBot's demo data.</summary>
    public const string UserAadObjectId = "00000000-0000-0000-0000-0000000000020";

    public static readonly TimeSpan TurnTimeout = TimeSpan.FromSeconds(15);

    private readonly ChannelReader<Delivery> replies = connector.Open(conversationId);

    /// <summary>Sends a typed message; returns the first activity the bot posted back.</summary>
    public async Task<JsonObject> MessageAsync(string text, CancellationToken cancellationToken)
    {
        Discard();
        var activity = Activity("message");
        activity["text"] = text;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TurnTimeout);
        var sent = Stopwatch.GetTimestamp();
        try
        {
            var post = http.PostAsJsonAsync(botEndpoint, activity, timeout.Token);
            var reply = replies.ReadAsync(timeout.Token).AsTask();
            if (await Task.WhenAny(post, reply) == post)
            {
                using var early = await post;
                EnsureSuccess(early, text);
            }

            var delivery = await reply;
            using (var response = await post)
            {
                EnsureSuccess(response, text);
            }

            recorder.Record(sent, delivery.ArrivedAt, message: true);
            return delivery.Activity;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FlowException($"no reply to \"{text}\" within {TurnTimeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException ex)
        {
            throw new FlowException($"\"{text}\": {ex.Message}", ex);
        }
        finally
        {
            // A read still pending after a failed POST must not take the next turn's reply.
            await timeout.CancelAsync();
        }
    }

    /// <summary>Clicks an <c>Action.Execute</c>: an <c>adaptiveCard/action</c> invoke; returns the invoke response body.</summary>
    public async Task<JsonObject> InvokeAsync(string verb, JsonObject data, CancellationToken cancellationToken)
    {
        Discard();
        var activity = Activity("invoke");
        activity["name"] = "adaptiveCard/action";
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TurnTimeout);
        var sent = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.PostAsJsonAsync(botEndpoint, activity, timeout.Token);
            EnsureSuccess(response, verb);
            var body = await response.Content.ReadFromJsonAsync<JsonObject>(timeout.Token);
            var answered = Stopwatch.GetTimestamp();
            if (body is null || (int?)body["statusCode"] != 200)
            {
                throw new FlowException($"{verb}: invoke answered {body?.ToJsonString() ?? "nothing"}");
            }

            recorder.Record(sent, answered);
            return body;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FlowException($"no invoke response to {verb} within {TurnTimeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException ex)
        {
            throw new FlowException($"{verb}: {ex.Message}", ex);
        }
    }

    /// <summary>After a failed turn: waits for stragglers and drops them, so the next flow starts clean.</summary>
    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        Discard();
    }

    public void Close() => connector.Close(conversationId);

    private static void EnsureSuccess(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new FlowException($"\"{what}\": HTTP {(int)response.StatusCode}");
        }
    }

    /// <summary>Anything the bot sent beyond the answer a turn waited for (a second reply, an update) is not an answer to the next turn.</summary>
    private void Discard()
    {
        while (replies.TryRead(out _))
        {
        }
    }

    private JsonObject Activity(string type) => new()
    {
        ["type"] = type,
        ["id"] = Guid.NewGuid().ToString("N"),
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["channelId"] = "msteams",
        ["serviceUrl"] = connector.ServiceUrl.ToString(),
        ["from"] = new JsonObject { ["id"] = "29:bench-alex", ["name"] = "Alex Wilber", ["aadObjectId"] = UserAadObjectId },
        ["recipient"] = new JsonObject { ["id"] = "28:bench-bot", ["name"] = "SesBot" },
        ["conversation"] = new JsonObject
        {
            ["id"] = conversationId,
            ["conversationType"] = "personal",
            ["tenantId"] = SesBot.Core.Persistence.DemoData.PlaygroundTenantId,
        },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = SesBot.Core.Persistence.DemoData.PlaygroundTenantId } },
        ["locale"] = "en-US",
    };
}
