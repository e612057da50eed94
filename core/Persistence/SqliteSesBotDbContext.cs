using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SesBot.Core.Persistence;

/// <summary>SesBot on SQLite, the embedded default.</summary>
public sealed class SqliteSesBotDbContext : SesBotDbContext
{
    public SqliteSesBotDbContext(DbContextOptions<SqliteSesBotDbContext> options)
        : base(options)
    {
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // SQLite has no date-time type: store instants as UTC ticks so they compare and sort in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
