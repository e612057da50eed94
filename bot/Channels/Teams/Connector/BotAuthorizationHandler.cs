using System.Net.Http.Headers;

namespace SesBot.Bot.Channels.Teams.Connector;

/// <summary>
/// Puts the bot's bearer token on each attempt (inside the retry loop, so a long wait never sends a stale token).
/// No token in local mode. A token never travels over plain HTTP except to a loopback address.
/// </summary>
internal sealed class BotAuthorizationHandler(IBotTokenProvider tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await tokens.GetTokenAsync(cancellationToken);
        if (token is null)
        {
            request.Headers.Authorization = null;
        }
        else
        {
            var uri = request.RequestUri;
            if (uri is null || (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback))
            {
                throw new ConnectorException($"Refusing to send the bot token over plain HTTP to {uri?.Host}; the serviceUrl must be https.");
            }

            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
