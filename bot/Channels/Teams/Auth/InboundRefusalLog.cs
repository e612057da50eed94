using System.Collections.Concurrent;
using System.Net;

namespace SesBot.Bot.Channels.Teams.Auth;

/// <summary>
/// Logs refused inbound requests without letting a flood of them flood the log: at most one warning per remote address
/// per <see cref="Window"/>, carrying the number of refusals from that address that were not logged since the last one.
/// </summary>
public sealed class InboundRefusalLog
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>Addresses remembered at most; beyond it the stale ones are forgotten first.</summary>
    internal const int MaxTrackedAddresses = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;

    public InboundRefusalLog(TimeProvider clock, ILogger<InboundRefusalLog> logger)
    {
        _clock = clock;
        _logger = logger;
    }

    /// <summary>Records one refusal; logs it unless another from the same address was logged within the window.</summary>
    public void Write(int statusCode, string reason, IPAddress? remoteAddress)
    {
        var now = _clock.GetUtcNow();
        if (_entries.Count >= MaxTrackedAddresses)
        {
            Forget(now);
        }

        var entry = _entries.GetOrAdd(remoteAddress?.ToString() ?? "unknown", _ => new Entry());
        int suppressed;
        lock (entry)
        {
            if (entry.LoggedAt is { } last && now - last < Window)
            {
                entry.Suppressed++;
                return;
            }

            suppressed = entry.Suppressed;
            entry.Suppressed = 0;
            entry.LoggedAt = now;
        }

        Log.InboundRefused(_logger, statusCode, reason, remoteAddress, suppressed);
    }

    private void Forget(DateTimeOffset now)
    {
        foreach (var (key, entry) in _entries)
        {
            if (entry.LoggedAt is not { } last || now - last >= Window)
            {
                _entries.TryRemove(key, out _);
            }
        }

        if (_entries.Count >= MaxTrackedAddresses)
        {
            _entries.Clear();
        }
    }

    private sealed class Entry
    {
        public DateTimeOffset? LoggedAt { get; set; }

        public int Suppressed { get; set; }
    }
}
