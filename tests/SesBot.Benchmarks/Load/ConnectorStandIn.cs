using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SesBot.Benchmarks.Load;

/// <summary>
/// The Bot Connector's side of the wire for the load benchmark: a Kestrel server on 127.0.0.1 that answers
/// <c>POST /v3/conversations/{id}/activities[/{id}]</c> with 201 and <c>PUT …/activities/{id}</c> with 200, each with
/// <c>{"id":"…"}</c>, and hands every received activity, stamped with its arrival time, to the conversation waiting
/// for it.
/// </summary>
internal sealed class ConnectorStandIn : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Channel<Delivery>> conversations = new(StringComparer.Ordinal);
    private WebApplication? app;
    private long sequence;

    private long unclaimed;

    public Uri ServiceUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Activities the bots sent for a conversation nobody waits on (should stay 0).</summary>
    public long Unclaimed => Interlocked.Read(ref unclaimed);

    public static async Task<ConnectorStandIn> StartAsync(int port)
    {
        var standIn = new ConnectorStandIn();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.MapPost("/v3/conversations/{conversationId}/activities", (string conversationId, HttpContext context) => standIn.ReceiveAsync(conversationId, context, StatusCodes.Status201Created));
        app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (string conversationId, HttpContext context) => standIn.ReceiveAsync(conversationId, context, StatusCodes.Status201Created));
        app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", (string conversationId, HttpContext context) => standIn.ReceiveAsync(conversationId, context, StatusCodes.Status200OK));
        app.MapGet("/v3/conversations/{conversationId}/members/{memberId}", (string memberId) => Results.Json(new { id = memberId, name = "Bench user" }));
        await app.StartAsync();
        standIn.app = app;
        standIn.ServiceUrl = new Uri($"http://127.0.0.1:{port}/");
        return standIn;
    }

    /// <summary>The queue of activities the bot sends to <paramref name="conversationId"/>.</summary>
    public ChannelReader<Delivery> Open(string conversationId) =>
        conversations.GetOrAdd(conversationId, _ => Channel.CreateUnbounded<Delivery>(new UnboundedChannelOptions())).Reader;

    public void Close(string conversationId) => conversations.TryRemove(conversationId, out _);

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private async Task<IResult> ReceiveAsync(string conversationId, HttpContext context, int status)
    {
        var activity = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var arrived = Stopwatch.GetTimestamp();
        if (activity is not JsonObject body)
        {
            return Results.BadRequest();
        }

        if (conversations.TryGetValue(conversationId, out var queue))
        {
            queue.Writer.TryWrite(new Delivery(arrived, body));
        }
        else
        {
            Interlocked.Increment(ref unclaimed);
        }

        var id = $"bench-{Interlocked.Increment(ref sequence)}";
        return Results.Json(new { id }, statusCode: status);
    }
}
