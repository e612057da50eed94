using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
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

    /// <summary>Whether the dialog's hot reads run as written by hand (tests turn it off to compare with EF Core's queries).</summary>
    internal bool ReadsDirectly { get; set; } = true;

    internal override SqliteDirectReads? DirectReads => ReadsDirectly ? _directReads ??= new SqliteDirectReads(this) : null;

    private SqliteDirectReads? _directReads;

    /// <summary>Whether a save interceptor is configured (<see cref="ISaveChangesInterceptor"/>): then EF Core saves.</summary>
    private bool HasSaveInterceptors => _hasSaveInterceptors ??= this.GetService<IInterceptors>().Aggregate<ISaveChangesInterceptor>() is not null;

    private bool? _hasSaveInterceptors;

    /// <summary>Whether the last save was written directly rather than by EF Core's update pipeline.</summary>
    internal bool LastSaveWasDirect { get; private set; }

    /// <summary>A save of simple rows (a dialog turn's usual) is written directly: <see cref="SqliteDirectSave"/>.</summary>
    protected override Task<int> WriteTrackedAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        // Only a save that is its own transaction: inside a caller's, EF Core would keep a savepoint to undo a failed
        // save without undoing the caller's work. And only without save interceptors, which EF Core's save calls.
        var rows = DirectSaves && Database.CurrentTransaction is null && Database.AutoTransactionBehavior != AutoTransactionBehavior.Never
                && !HasSaveInterceptors
            ? SqliteDirectSave.Plan(this)
            : null;
        LastSaveWasDirect = rows is not null;
        return rows is not null
            ? SqliteDirectSave.SaveAsync(this, rows, acceptAllChangesOnSuccess, () => base.WriteTrackedAsync(acceptAllChangesOnSuccess, cancellationToken), cancellationToken)
            : base.WriteTrackedAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // SQLite has no date-time type: store instants as UTC ticks so they compare and sort in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
