using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace SesBot.Bot;

/// <summary>
/// Whether a channel request without a token may be served: only in <see cref="LocalMode"/>, and only while every
/// address the server really listens on (<see cref="IServerAddressesFeature"/>, read once the server has started) is
/// loopback. Fails closed: no addresses known yet, a wildcard, a host name other than <c>localhost</c>, or a Unix
/// socket or named pipe (a reverse proxy's usual way in) all refuse. The reason is logged once.
/// </summary>
public sealed class LocalModeGuard
{
    private const int Unknown = 0;
    private const int Allowed = 1;
    private const int Refused = 2;

    private readonly LocalMode _mode;
    private readonly Func<ICollection<string>?> _addresses;
    private readonly ILogger _logger;
    private int _state;

    public LocalModeGuard(LocalMode mode, IServiceProvider services, ILogger<LocalModeGuard> logger)
        : this(mode, () => services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses, logger)
    {
    }

    internal LocalModeGuard(LocalMode mode, Func<ICollection<string>?> addresses, ILogger<LocalModeGuard> logger)
    {
        ArgumentNullException.ThrowIfNull(mode);
        _mode = mode;
        _addresses = addresses;
        _logger = logger;
    }

    /// <summary>True when a request without a token may be accepted (from a loopback peer; the caller checks that).</summary>
    public bool AllowsAnonymous
    {
        get
        {
            if (!_mode.IsLocal)
            {
                return false;
            }

            var state = Volatile.Read(ref _state);
            if (state != Unknown)
            {
                return state == Allowed;
            }

            var addresses = _addresses()?.ToList();
            if (addresses is null || addresses.Count == 0)
            {
                // Not started yet (or not a real server): refuse, and look again next time.
                return false;
            }

            var outside = addresses.FirstOrDefault(a => !IsLoopback(a));
            if (outside is null)
            {
                Volatile.Write(ref _state, Allowed);
                return true;
            }

            if (Interlocked.CompareExchange(ref _state, Refused, Unknown) == Unknown)
            {
                Log.LocalModeNotLoopback(_logger, outside);
            }

            return false;
        }
    }

    /// <summary>Whether a server address (as Kestrel reports it) can be reached from this host only.</summary>
    internal static bool IsLoopback(string address)
    {
        BindingAddress binding;
        try
        {
            binding = BindingAddress.Parse(address);
        }
        catch (FormatException)
        {
            return false;
        }

        if (binding.IsUnixPipe || binding.IsNamedPipe)
        {
            return false;
        }

        var host = binding.Host.Trim('[', ']');
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (System.Net.IPAddress.TryParse(host, out var ip) && System.Net.IPAddress.IsLoopback(ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip));
    }
}
