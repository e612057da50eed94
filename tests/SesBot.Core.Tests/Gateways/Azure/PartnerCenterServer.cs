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

namespace SesBot.Core.Tests.Gateways.Azure;

/// <summary>
/// Kestrel on 127.0.0.1 (an ephemeral port) playing Partner Center: it records each request as it arrived (method, raw
/// target, headers, body) and hands it to the test's script, which writes the answer or drops the connection.
/// </summary>
internal sealed class PartnerCenterServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _count;

    private PartnerCenterServer(WebApplication app) => _app = app;

    public ConcurrentQueue<PartnerCenterRequest> Requests { get; } = new();

    public string Url { get; private set; } = string.Empty;

    public static async Task<PartnerCenterServer> StartAsync(Func<HttpContext, PartnerCenterRequest, Task> script)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new PartnerCenterServer(app);
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            var request = new PartnerCenterRequest(
                Interlocked.Increment(ref server._count),
                context.Request.Method,
                context.Features.Get<IHttpRequestFeature>()!.RawTarget,
                headers,
                body);
            server.Requests.Enqueue(request);
            await script(context, request);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.Url = new Uri(address).GetLeftPart(UriPartial.Authority);
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
