using System.Net;
using System.Text;
using System.Text.Json;
using SesBot.Bot.Channels.Teams.Protocol;

namespace SesBot.Bot.Channels.Teams.Connector;

/// <summary>Turning a Connector error answer into the exception the caller can act on.</summary>
public sealed partial class ConnectorClient
{
    public const string MessageWritesBlocked = "MessageWritesBlocked";

    public const string MessageSizeTooBig = "MessageSizeTooBig";

    /// <summary>Teams' numeric <c>errorCode</c> that comes with MessageWritesBlocked.</summary>
    private const int MessageWritesBlockedErrorCode = 209;

    private async Task<ConnectorException> ToExceptionAsync(string operation, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var correlationId = response.Headers.TryGetValues(CorrelationHeader, out var values) ? values.FirstOrDefault() : null;
        var raw = await ReadBoundedAsync(response.Content, _options.MaxErrorBodyBytes, cancellationToken);
        var error = TryParse(raw);
        var code = error?.Error?.Code ?? error?.Error?.SubCode;

        var blocked = response.StatusCode == HttpStatusCode.Forbidden
            && (raw.Contains(MessageWritesBlocked, StringComparison.Ordinal)
                || code == "ConversationBlockedByUser"
                || (error?.ErrorCode is { ValueKind: JsonValueKind.Number } n && n.TryGetInt32(out var number) && number == MessageWritesBlockedErrorCode));
        if (blocked)
        {
            var failure = new ConnectorFailure(operation, response.StatusCode, code is null or "" ? MessageWritesBlocked : code, correlationId);
            Log.ConnectorConversationBlocked(_logger, operation, failure.ErrorCode, correlationId);
            return new ConversationBlockedException(failure);
        }

        Log.ConnectorFailed(_logger, operation, (int)response.StatusCode, code, correlationId);
        if (response.StatusCode == HttpStatusCode.RequestEntityTooLarge || code == MessageSizeTooBig)
        {
            return new MessageTooLargeException(new ConnectorFailure(operation, response.StatusCode, code ?? MessageSizeTooBig, correlationId));
        }

        return new ConnectorException(new ConnectorFailure(operation, response.StatusCode, code, correlationId));
    }

    private static ErrorResponse? TryParse(string raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ErrorResponse>(raw, ProtocolJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<string> ReadBoundedAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[maxBytes];
        var total = 0;
        int read;
        while (total < maxBytes && (read = await stream.ReadAsync(buffer.AsMemory(total, maxBytes - total), cancellationToken)) > 0)
        {
            total += read;
        }

        return Encoding.UTF8.GetString(buffer, 0, total);
    }
}
