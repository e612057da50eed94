using System.Collections.Concurrent;
using SesBot.Core.Domain;

namespace SesBot.Bot.Dialogs;

/// <summary>
/// Who is who, remembered for a short while so a turn does not read the person's mapping again each time (it is read
/// at most every <see cref="Lifetime"/> per person). A change of someone's role or reseller therefore takes effect
/// within that time; changes made through this process take effect at once (<see cref="Forget"/>).
/// </summary>
public sealed class ActorCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private const int Capacity = 20_000;

    private readonly ConcurrentDictionary<(string Channel, string Tenant, string User), (Actor Actor, DateTimeOffset Until)> _actors = new();

    public bool TryGet(string channel, string tenant, string user, out Actor? actor)
    {
        if (_actors.TryGetValue((channel, tenant, user), out var entry) && entry.Until > clock.GetUtcNow())
        {
            actor = entry.Actor;
            return true;
        }

        actor = null;
        return false;
    }

    public void Set(string channel, string tenant, string user, Actor actor)
    {
        if (_actors.Count >= Capacity)
        {
            _actors.Clear();
        }

        _actors[(channel, tenant, user)] = (actor, clock.GetUtcNow() + Lifetime);
    }

    public void Forget(string channel, string tenant, string user) => _actors.TryRemove((channel, tenant, user), out _);
}
