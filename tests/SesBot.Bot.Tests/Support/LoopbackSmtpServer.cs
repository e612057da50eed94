using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SesBot.Bot.Tests.Support;

/// <summary>
/// A small real SMTP server on 127.0.0.1 (plain text, no TLS, no auth) that answers RCPT TO with the reply a test sets:
/// accept (250, the message is kept), a temporary refusal (451) or a permanent one (550). Enough of RFC 5321 for
/// MailKit: greeting, EHLO/HELO, MAIL, RCPT, DATA with dot-unstuffing, RSET, NOOP, QUIT.
/// </summary>
public sealed class LoopbackSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public LoopbackSmtpServer()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    /// <summary>The reply to RCPT TO: "250 OK", "451 4.3.0 Try again later", "550 5.1.1 No such user"…</summary>
    public string RecipientReply { get; set; } = "250 2.1.5 OK";

    /// <summary>Every message accepted, as the raw DATA (dot-unstuffed).</summary>
    public ConcurrentQueue<string> Received { get; } = new();

    /// <summary>How many RCPT TO commands came (accepted or not).</summary>
    public int RecipientAttempts => _recipientAttempts;

    private int _recipientAttempts;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(async () =>
            {
                try
                {
                    await ServeAsync(client);
                }
                catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
                {
                    // The client hung up or the server stops.
                }
            });
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 loopback.test ESMTP ready");
            var recipientAccepted = false;
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = (line.Length >= 4 ? line[..4] : line).ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-loopback.test");
                        await writer.WriteLineAsync("250 8BITMIME");
                        break;
                    case "HELO":
                    case "NOOP":
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "MAIL":
                    case "RSET":
                        recipientAccepted = false;
                        await writer.WriteLineAsync("250 2.1.0 OK");
                        break;
                    case "RCPT":
                        Interlocked.Increment(ref _recipientAttempts);
                        var reply = RecipientReply;
                        recipientAccepted = reply.StartsWith('2');
                        await writer.WriteLineAsync(reply);
                        break;
                    case "DATA" when recipientAccepted:
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(_stop.Token) is { } body && body != ".")
                        {
                            data.Append(body.StartsWith("..", StringComparison.Ordinal) ? body[1..] : body).Append("\r\n");
                        }

                        Received.Enqueue(data.ToString());
                        await writer.WriteLineAsync("250 2.0.0 Queued as loopback-" + Received.Count);
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("554 5.5.1 No valid recipients");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 2.0.0 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 5.5.2 Command not recognized");
                        break;
                }
            }
        }
    }
}
