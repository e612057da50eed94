using Microsoft.EntityFrameworkCore;

namespace SesBot.Core.Persistence;

/// <summary>SesBot on PostgreSQL.</summary>
public sealed class PostgresSesBotDbContext : SesBotDbContext
{
    public PostgresSesBotDbContext(DbContextOptions<PostgresSesBotDbContext> options)
        : base(options)
    {
    }
}
