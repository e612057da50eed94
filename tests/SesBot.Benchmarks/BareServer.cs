using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SesBot.Benchmarks;

/// <summary>
/// The floor of the load benchmark: a minimal ASP.NET Core app that reads the activity JSON and posts one small reply
/// to its serviceUrl before answering, with no state, no database and no dialog. Loopback only.
/// </summary>
internal static class BareServer
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.ClearProviders();
        using var connector = new HttpClient(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = int.MaxValue });

        var app = builder.Build();
        app.MapPost("/api/messages", async (HttpContext context) =>
        {
            var activity = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            var serviceUrl = (string?)activity?["serviceUrl"];
            var conversationId = (string?)activity?["conversation"]?["id"];
            if (serviceUrl is null || conversationId is null)
            {
                return Results.BadRequest();
            }

            var reply = new JsonObject
            {
                ["type"] = "message",
                ["text"] = "ok",
                ["replyToId"] = (string?)activity!["id"],
                ["conversation"] = new JsonObject { ["id"] = conversationId },
                ["from"] = activity["recipient"]?.DeepClone(),
                ["recipient"] = activity["from"]?.DeepClone(),
            };
            var uri = new Uri(new Uri(serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/"), $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities");
            using var response = await connector.PostAsJsonAsync(uri, reply, context.RequestAborted);
            return response.IsSuccessStatusCode ? Results.Ok() : Results.StatusCode(502);
        });
        await app.RunAsync();
        return 0;
    }
}
