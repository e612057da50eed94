using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SesBot.Bot.Tests.Support;

/// <summary>
/// The real Microsoft 365 Agents Playground (npm <c>@microsoft/m365agentsplayground</c>) on 127.0.0.1, driven through the
/// HTTP routes its own web client uses; what the bot posts is read from its websocket stream.
/// </summary>
internal sealed class Playground : IAsyncDisposable
{
    private readonly ChildProcess _process;
    private readonly HttpClient _http;
    private readonly ClientWebSocket _socket = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<JsonObject> _events = new();
    private readonly string _workDirectory;
    private Task? _reader;

    private Playground(ChildProcess process, int port, string workDirectory)
    {
        _process = process;
        Port = port;
        _workDirectory = workDirectory;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public int Port { get; }

    public JsonObject Config { get; private set; } = [];

    public string PersonalChatId => Config["personalChat"]!["id"]!.GetValue<string>();

    public string GroupChatId => Config["groupChats"]![0]!["id"]!.GetValue<string>();

    public string TeamId => Config["teams"]![0]!["id"]!.GetValue<string>();

    public string TeamGeneralChannelId => Config["teams"]![0]!["channels"]![0]!["id"]!.GetValue<string>();

    public string BotId => Config["bot"]!["id"]!.GetValue<string>();

    public string BotName => Config["bot"]!["name"]!.GetValue<string>();

    public string CurrentUserId => Config["currentUser"]!["id"]!.GetValue<string>();

    /// <summary>
    /// The Playground's user with this display name (the current user or one of its configured users, who are all
    /// members of its team): id, name, aadObjectId, ... Its id may be passed as <c>from</c> to
    /// <see cref="ExecuteAsync"/> where they are a member.
    /// </summary>
    public JsonObject User(string name)
    {
        var people = (Config["users"] as JsonArray ?? []).Append(Config["currentUser"]);
        return people.OfType<JsonObject>().FirstOrDefault(u => u["name"]?.GetValue<string>() == name)
            ?? throw new InvalidOperationException($"The Playground has no user named {name}: {Config.ToJsonString()}");
    }

    /// <summary>The id of <see cref="User"/>.</summary>
    public string UserId(string name) => User(name)["id"]!.GetValue<string>();

    public string Output => _process.Output;

    public static async Task<Playground> StartAsync(string botEndpoint)
    {
        var cli = Path.Combine(RepoPaths.NodeModules, "@microsoft", "m365agentsplayground", "cli.js");
        if (!File.Exists(cli))
        {
            throw new InvalidOperationException($"The Agents Playground is not installed ({cli}); run scripts/install-test-deps.sh.");
        }

        var port = FreePort.Next();
        var work = Directory.CreateTempSubdirectory("sesbot-playground-").FullName;
        var process = ChildProcess.Start(
            "node",
            [cli, "--app-endpoint", botEndpoint, "--channel-id", "msteams", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
             "--service-url", $"http://127.0.0.1:{port}/_connector", "--disable-telemetry"],
            work,
            new Dictionary<string, string?>
            {
                ["TEAMSAPPTESTER_BROWSER"] = "none",
                ["NODE_OPTIONS"] = $"--require {Path.Combine(RepoPaths.Root, "tests", "node", "loopback-only.js")}",
                ["M365_AGENTS_PLAYGROUND_LOGFILE"] = Path.Combine(work, "playground.log"),
            });
        var playground = new Playground(process, port, work);
        await process.WaitUntilAsync(
            async () => (await playground._http.GetAsync(new Uri("/_internal/v1/config", UriKind.Relative))).IsSuccessStatusCode,
            TimeSpan.FromSeconds(60),
            "Agents Playground");
        await playground.RefreshConfigAsync();
        await playground.ConnectStreamAsync();
        return playground;
    }

    /// <summary>Installs the app into a conversation (personal chat id, group chat id or team id).</summary>
    public async Task InstallAsync(string conversationId)
    {
        using var response = await _http.PostAsync(new Uri($"/_debug/conversation/{Uri.EscapeDataString(conversationId)}/installation", UriKind.Relative), null);
        response.EnsureSuccessStatusCode();

        // Installing into the personal chat starts a new personal conversation: read the ids again.
        await RefreshConfigAsync();
    }

    /// <summary>Types a message as the current user; with <paramref name="mentionBot"/> it starts with an @mention of the bot.</summary>
    public async Task<JsonObject> SendMessageAsync(string conversationId, string text, bool mentionBot = false)
    {
        var mention = $"<at>{BotName}</at>";
        var body = new JsonObject
        {
            ["from"] = new JsonObject { ["id"] = CurrentUserId },
            ["text"] = mentionBot ? $"{mention} {text}" : text,
            ["textFormat"] = "plain",
        };
        if (mentionBot)
        {
            body["mentions"] = new JsonArray(new JsonObject
            {
                ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
                ["text"] = mention,
            });
        }

        using var response = await _http.PostAsJsonAsync(new Uri($"/_conversation/v1/conversations/{Uri.EscapeDataString(conversationId)}/messages", UriKind.Relative), body);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>
    /// Clicks an Action.Execute button as the current user (or as <paramref name="fromUserId"/>, a member of the
    /// conversation): sends the adaptiveCard/action invoke and returns the bot's invoke response.
    /// </summary>
    public async Task<JsonObject> ExecuteAsync(string conversationId, string replyToId, string verb, JsonObject data, string? fromUserId = null)
    {
        var body = new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["from"] = new JsonObject { ["id"] = fromUserId ?? CurrentUserId },
            ["replyToId"] = replyToId,
            ["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
                ["trigger"] = "manual",
            },
        };
        using var response = await _http.PostAsJsonAsync(new Uri("/_conversation/v1/invoke", UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"invoke answered {(int)response.StatusCode}: {text}");
        }

        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Clicks an Action.Submit button (the fallback of Action.Execute): Teams posts a message whose value is the data.</summary>
    public async Task SubmitAsync(string conversationId, string replyToId, JsonObject value)
    {
        var body = new JsonObject
        {
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["from"] = new JsonObject { ["id"] = CurrentUserId },
            ["replyToId"] = replyToId,
            ["value"] = value,
        };
        using var response = await _http.PostAsJsonAsync(new Uri("/_conversation/v1/submit", UriKind.Relative), body);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>
    /// The Playground's "Mock an Activity" template for a conversation (its web client's custom activity): id, time,
    /// serviceUrl, conversation, recipient, and the current user as <c>from</c>, to be completed by the caller.
    /// </summary>
    public async Task<JsonObject> CustomActivityTemplateAsync(string conversationId)
    {
        var template = await _http.GetFromJsonAsync<JsonObject>(
            new Uri($"/_internal/v1/customActivities/template?conversationId={Uri.EscapeDataString(conversationId)}", UriKind.Relative));
        return template!;
    }

    /// <summary>
    /// Sends a custom activity ("Mock an Activity" in its web client): the Playground forwards it to the bot as it is and
    /// answers at once, without the bot's answer. The only way the Playground lets a message come from someone other than
    /// its current user: its message route always sends the current user as <c>from</c>.
    /// </summary>
    public async Task SendCustomActivityAsync(JsonObject activity)
    {
        using var response = await _http.PostAsJsonAsync(new Uri("/_internal/v1/customActivities", UriKind.Relative), activity);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>How many stream events were seen so far: pass it as <c>since</c> to wait only for newer ones.</summary>
    public int Mark => _events.Count;

    /// <summary>
    /// Waits for the bot to post (or update) a message matching the predicate in a conversation, among the events
    /// after <paramref name="since"/>. Returns the stream event (action, actionConversationId, message).
    /// </summary>
    public async Task<JsonObject> WaitForBotMessageAsync(
        int since, string conversationId, Func<JsonObject, bool> match, string action = "createMessage", TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < deadline)
        {
            foreach (var e in _events.Skip(since))
            {
                if (e["action"]?.GetValue<string>() == action
                    && e["actionConversationId"]?.GetValue<string>() == conversationId
                    && e["message"] is JsonObject message
                    && message["from"]?["id"]?.GetValue<string>() == BotId
                    && match(message))
                {
                    return e;
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException(
            $"No matching '{action}' from the bot. Seen:\n{string.Join("\n", _events.Select(e => e.ToJsonString()))}\nPlayground:\n{Output}");
    }

    public IReadOnlyList<JsonObject> Events => [.. _events];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_reader is not null)
        {
            try
            {
                await _reader.WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception ex) when (ex is OperationCanceledException or TimeoutException or WebSocketException)
            {
            }
        }

        _socket.Dispose();
        _http.Dispose();
        await _process.DisposeAsync();
        _stop.Dispose();
        try
        {
            Directory.Delete(_workDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task RefreshConfigAsync()
    {
        var config = await _http.GetFromJsonAsync<JsonObject>(new Uri("/_internal/v1/config", UriKind.Relative));
        Config = config!["config"]!.AsObject();
    }

    private async Task ConnectStreamAsync()
    {
        await _socket.ConnectAsync(new Uri($"ws://127.0.0.1:{Port}/_ws_conversation/v1/conversations/stream"), _stop.Token);
        _reader = Task.Run(ReadStreamAsync);
    }

    private async Task ReadStreamAsync()
    {
        var buffer = new byte[64 * 1024];
        var message = new MemoryStream();
        while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
        {
            var result = await _socket.ReceiveAsync(buffer, _stop.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            message.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage)
            {
                continue;
            }

            try
            {
                if (JsonNode.Parse(Encoding.UTF8.GetString(message.ToArray())) is JsonObject e)
                {
                    _events.Enqueue(e);
                }
            }
            catch (JsonException)
            {
            }

            message.SetLength(0);
        }
    }
}
