namespace SesBot.Bot.Channels.Teams.Auth;

/// <summary>
/// What a request accepted without a token (local mode) must also look like, so that neither a web page in a browser
/// on this host nor a reverse proxy in front of the bot can drive it: no <c>Forwarded</c>, <c>X-Forwarded-*</c>,
/// <c>X-Real-IP</c>, <c>Via</c> or <c>Origin</c> header, and an activity whose <c>serviceUrl</c> is a loopback http(s)
/// URL (the replies would otherwise go to whoever the request names).
/// </summary>
public static class LocalModeRequestRules
{
    private static readonly string[] ProxyOrBrowserHeaders = ["Forwarded", "X-Real-IP", "Via", "Origin"];

    /// <summary>Before the body is read: the name of a header that gives the request away, or null.</summary>
    public static string? ForbiddenHeader(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var name in request.Headers.Keys)
        {
            if (name.StartsWith("X-Forwarded-", StringComparison.OrdinalIgnoreCase)
                || ProxyOrBrowserHeaders.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>After parsing: whether replies to <paramref name="serviceUrl"/> stay on this host.</summary>
    public static bool IsLoopbackServiceUrl(string? serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && string.IsNullOrEmpty(uri.UserInfo)
        && uri.IsLoopback;

    /// <summary>The refusal for an anonymous request before its body is read, or null; <paramref name="reason"/> is for the log.</summary>
    public static InboundRefusal? CheckRequest(HttpRequest request, out string? reason)
    {
        var header = ForbiddenHeader(request);
        reason = header is null ? null : $"Local mode: the request carries a {header} header (proxy or browser)";
        return header is null ? null : InboundRefusal.LocalModeProxied;
    }

    /// <summary>The refusal for an anonymous activity whose serviceUrl is not loopback, or null.</summary>
    public static InboundRefusal? CheckServiceUrl(string? serviceUrl, out string? reason)
    {
        var ok = IsLoopbackServiceUrl(serviceUrl);
        reason = ok ? null : "Local mode: the activity's serviceUrl is not a loopback http(s) URL";
        return ok ? null : InboundRefusal.LocalModeServiceUrl;
    }
}
