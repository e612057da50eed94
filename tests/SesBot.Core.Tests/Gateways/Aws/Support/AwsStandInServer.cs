using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SesBot.Core.Tests.Gateways.Aws.Support;

/// <summary>
/// A real Kestrel server on 127.0.0.1 standing in for an AWS service: it checks every request's SigV4 signature
/// (<see cref="SigV4Verifier"/>, answering 403 <c>InvalidSignatureException</c> when it fails), records it, and lets
/// the test answer it.
/// </summary>
internal sealed class AwsStandInServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _count;

    private AwsStandInServer(WebApplication app) => _app = app;

    public ConcurrentQueue<AwsStandInRequest> Requests { get; } = new();

    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<AwsStandInRequest> For(string operation) => Requests.Where(r => r.Operation == operation).ToList();

    public static async Task<AwsStandInServer> StartAsync(
        string service, Func<AwsStandInRequest, HttpContext, Task> handler, params StandInCredentials[] accepted)
    {
        var keys = accepted.ToDictionary(c => c.AccessKeyId, StringComparer.Ordinal);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new AwsStandInServer(app);
        app.Run(async context =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            var body = buffer.ToArray();
            var problem = SigV4Verifier.Verify(context.Request, body, service, keys);
            var text = Encoding.UTF8.GetString(body);
            var target = context.Request.Headers["X-Amz-Target"].ToString();
            if (target.Length == 0 && context.Request.HasFormContentType)
            {
                target = System.Web.HttpUtility.ParseQueryString(text)["Action"] ?? string.Empty;
            }

            var recorded = new AwsStandInRequest(
                Interlocked.Increment(ref server._count),
                context.Request.Method,
                context.Request.Path.Value ?? "/",
                context.Request.ContentType,
                target.Length == 0 ? null : target,
                text,
                context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal),
                problem);
            server.Requests.Enqueue(recorded);
            if (problem is not null)
            {
                await Json(context, 403, $$"""{"__type":"InvalidSignatureException","message":"{{problem}}"}""");
                return;
            }

            await handler(recorded, context);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.Url = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal) + "/");
        return server;
    }

    public static Task Json(HttpContext context, int status, string json, string? errorTypeHeader = null)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/x-amz-json-1.1";
        if (errorTypeHeader is not null)
        {
            context.Response.Headers["X-Amzn-ErrorType"] = errorTypeHeader;
        }

        return context.Response.WriteAsync(json);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
