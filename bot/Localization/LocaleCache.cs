using System.Collections.Concurrent;

namespace SesBot.Bot.Localization;

/// <summary>
/// The locale each person's mapping holds, as this process last read or wrote it, so a turn reads or writes the
/// mapping only when the locale changed (or once per person after a start).
/// </summary>
public sealed class LocaleCache
{
    private const int Capacity = 20_000;

    private readonly ConcurrentDictionary<(string Channel, string Tenant, string User), string?> _locales = new();

    public bool TryGet(string channel, string tenant, string user, out string? locale) =>
        _locales.TryGetValue((channel, tenant, user), out locale);

    public void Set(string channel, string tenant, string user, string? locale)
    {
        if (_locales.Count >= Capacity)
        {
            _locales.Clear();
        }

        _locales[(channel, tenant, user)] = locale;
    }
}
