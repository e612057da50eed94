using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SesBot.Bot.Tests.Channels.Teams.Connector;

/// <summary>
/// A real Kestrel server on 127.0.0.1 (an ephemeral port) that records every request and lets the test script the
/// answer per request: the handler gets the recorded request (with its 1-based number) and writes the response.
/// </summary>
internal sealed class LocalHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _count;

    private LocalHttpServer(WebApplication app) => _app = app;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>The base address with no trailing slash, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Url => BaseUri.GetLeftPart(UriPartial.Authority);

    public IReadOnlyList<RecordedRequest> RequestsTo(string rawTargetPrefix) =>
        Requests.Where(r => r.RawTarget.StartsWith(rawTargetPrefix, StringComparison.Ordinal)).ToList();

    /// <summary>Waits until at least <paramref name="count"/> requests to the prefix arrived (replies come from the bot's outbox, after its HTTP answer).</summary>
    public async Task<IReadOnlyList<RecordedRequest>> WaitForRequestsAsync(string rawTargetPrefix, int count = 1, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var found = RequestsTo(rawTargetPrefix);
            if (found.Count >= count || DateTime.UtcNow > until)
            {
                return found;
            }

            await Task.Delay(20);
        }
    }

    public static async Task<LocalHttpServer> StartAsync(Func<HttpContext, RecordedRequest, Task> handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new LocalHttpServer(app);
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            var recorded = new RecordedRequest(
                Interlocked.Increment(ref server._count),
                context.Request.Method,
                context.Features.Get<IHttpRequestFeature>()!.RawTarget,
                context.Request.Headers.Authorization.Count == 0 ? null : context.Request.Headers.Authorization.ToString(),
                context.Request.ContentType,
                body,
                DateTimeOffset.UtcNow);
            server.Requests.Enqueue(recorded);
            await handler(context, recorded);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseUri = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
        return server;
    }

    public static Task Json(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(json);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
