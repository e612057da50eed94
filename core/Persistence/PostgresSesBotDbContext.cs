using Microsoft.EntityFrameworkCore;

namespace SesBot.Core.Persistence;

/// <summary>SesBot on PostgreSQL.</summary>
public sealed class PostgresSesBotDbContext : SesBotDbContext
{
    public PostgresSesBotDbContext(DbContextOptions<PostgresSesBotDbContext> options)
        : base(options)
    {
    }

    /// <summary>Transaction-scoped advisory locks, one per conversation, taken in one order (by hash) so that two commits cannot deadlock.</summary>
    protected override async Task LockOrderingKeysAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var array = keys.ToArray();
        await Database.ExecuteSqlAsync(
            $"SELECT pg_advisory_xact_lock(h) FROM (SELECT DISTINCT hashtextextended(k, 0) AS h FROM unnest({array}) AS k ORDER BY h) AS l",
            cancellationToken);
    }
}
