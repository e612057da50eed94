using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace SesBot.Bot.Channels.Teams.Auth;

/// <summary>
/// Tokens that passed validation recently, by their SHA-256 (the token itself is not kept), with the caller they
/// identify (the <c>appid</c> claim, else the <c>serviceurl</c> claim). The rate limiter runs before the endpoint
/// authenticates, so it partitions a request by its caller only when its token is known here to be valid: a forged
/// token cannot choose its partition, it is counted against its remote address.
/// </summary>
public sealed class AuthenticatedCallers
{
    internal const int MaxEntries = 10_000;

    private static readonly TimeSpan MaxLifetime = TimeSpan.FromHours(2);

    private readonly ConcurrentDictionary<string, (string Caller, DateTimeOffset Until)> _tokens = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;

    public AuthenticatedCallers(TimeProvider clock) => _clock = clock;

    /// <summary>The caller of a token that was validated and has not expired; null otherwise.</summary>
    public string? Find(string? token)
    {
        if (string.IsNullOrEmpty(token) || !_tokens.TryGetValue(Hash(token), out var entry))
        {
            return null;
        }

        return entry.Until > _clock.GetUtcNow() ? entry.Caller : null;
    }

    internal void Remember(string token, string caller, DateTimeOffset expires)
    {
        var now = _clock.GetUtcNow();
        if (_tokens.Count >= MaxEntries)
        {
            foreach (var (key, entry) in _tokens)
            {
                if (entry.Until <= now)
                {
                    _tokens.TryRemove(key, out _);
                }
            }

            if (_tokens.Count >= MaxEntries)
            {
                return; // full of live tokens: the newcomer is limited by its address, which is safe
            }
        }

        var until = expires < now + MaxLifetime ? expires : now + MaxLifetime;
        _tokens[Hash(token)] = (caller, until);
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
