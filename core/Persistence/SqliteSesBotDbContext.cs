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

    /// <summary>Whether saves of simple rows are written directly (tests turn it off to compare with EF Core's own).</summary>
    internal bool DirectSaves { get; set; } = true;

    /// <summary>Whether the last save was written directly rather than by EF Core's update pipeline.</summary>
    internal bool LastSaveWasDirect { get; private set; }

    /// <summary>A save of simple rows (a dialog turn's usual) is written directly: <see cref="SqliteDirectSave"/>.</summary>
    protected override Task<int> WriteTrackedAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var rows = DirectSaves ? SqliteDirectSave.Plan(this) : null;
        LastSaveWasDirect = rows is not null;
        return rows is not null
            ? SqliteDirectSave.SaveAsync(this, rows, acceptAllChangesOnSuccess, cancellationToken)
            : base.WriteTrackedAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // SQLite has no date-time type: store instants as UTC ticks so they compare and sort in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
