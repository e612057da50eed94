using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SesBot.Bot.Channels.Teams.Connector;
using SesBot.Bot.Channels.Teams.Protocol;

namespace SesBot.Bot.Tests.Channels.Teams.Connector;

/// <summary>A hostile or broken serviceUrl cannot make the bot buffer megabytes: success answers are read up to a cap.</summary>
public sealed class ConnectorResponseLimitTests : IAsyncLifetime
{
    private const int Limit = 256 * 1024;

    private readonly RecordingLoggerProvider _logs = new();
    private LocalHttpServer _server = null!;
    private ServiceProvider _services = null!;
    private Func<HttpContext, Task> _answer = c => LocalHttpServer.Json(c, 201, """{"id":"a-1"}""");

    private IConnectorClient Client => _services.GetRequiredService<IConnectorClient>();

    private string ServiceUrl => _server.Url + "/_connector/";

    public async Task InitializeAsync()
    {
        _server = await LocalHttpServer.StartAsync((c, r) =>
            ConnectorTestHost.IsTokenRequest(r) ? ConnectorTestHost.TokenResponse(c, "bot-token") : _answer(c));
        _services = ConnectorTestHost.Build(ConnectorTestHost.Credentials(_server.Url), logs: _logs);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public void Default_Is256KB() => Assert.Equal(Limit, new ConnectorOptions().MaxResponseBodyBytes);

    [Fact]
    public async Task SendToConversationAsync_AnswerWithContentLengthOverTheCap_ConnectorExceptionResponseTooLarge()
    {
        _answer = c => LocalHttpServer.Json(c, 201, BigJson(Limit + 1));

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => Client.SendToConversationAsync(ServiceUrl, "a:1", Message()));

        Assert.Equal(ConnectorClient.ResponseTooLarge, ex.ErrorCode);
        Assert.Equal("SendToConversation", ex.Operation);
        Assert.Contains(_logs.Entries, e => e.EventId == 2303);
    }

    [Fact]
    public async Task SendToConversationAsync_ChunkedAnswerOverTheCap_StopsReadingAndThrows()
    {
        var sent = 0;
        _answer = async c =>
        {
            // No Content-Length: the body streams in chunks, 4 MB in all unless the client hangs up.
            c.Response.StatusCode = 201;
            c.Response.ContentType = "application/json";
            var chunk = Encoding.ASCII.GetBytes(new string(' ', 64 * 1024));
            try
            {
                await c.Response.WriteAsync("{\"id\":\"", c.RequestAborted);
                for (var i = 0; i < 64; i++)
                {
                    await c.Response.Body.WriteAsync(chunk, c.RequestAborted);
                    await c.Response.Body.FlushAsync(c.RequestAborted);
                    Interlocked.Add(ref sent, chunk.Length);
                }

                await c.Response.WriteAsync("\"}", c.RequestAborted);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
            {
                // the client hung up, as it should
            }
        };

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => Client.SendToConversationAsync(ServiceUrl, "a:1", Message()));

        Assert.Equal(ConnectorClient.ResponseTooLarge, ex.ErrorCode);
    }

    [Fact]
    public async Task SendToConversationAsync_AnswerJustUnderTheCap_IsRead()
    {
        _answer = c => LocalHttpServer.Json(c, 201, BigJson(Limit - 1024));

        var response = await Client.SendToConversationAsync(ServiceUrl, "a:1", Message());

        Assert.StartsWith("xxxx", response.Id, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendToConversationAsync_AnswerIsNotJson_ConnectorExceptionNotJsonException()
    {
        _answer = c => LocalHttpServer.Json(c, 201, "<html>not json</html>");

        var ex = await Assert.ThrowsAsync<ConnectorException>(() => Client.SendToConversationAsync(ServiceUrl, "a:1", Message()));

        Assert.Equal(ConnectorClient.ResponseNotJson, ex.ErrorCode);
    }

    private static Activity Message() => new() { Type = ActivityTypes.Message, Text = "hello" };

    /// <summary>A ResourceResponse of exactly <paramref name="bytes"/> bytes.</summary>
    private static string BigJson(int bytes) => "{\"id\":\"" + new string('x', bytes - 9) + "\"}";
}
