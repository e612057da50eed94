using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

using SesBot.Core.Conversations;
using SesBot.Core.Outbox;

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

    /// <summary>
    /// Whether a save may be written directly: only a save that is its own transaction (inside a caller's, EF Core would
    /// keep a savepoint to undo a failed save without undoing the caller's work), and only without save interceptors,
    /// which EF Core's save calls.
    /// </summary>
    private bool MayWriteDirectly => DirectSaves && Database.CurrentTransaction is null && Database.AutoTransactionBehavior != AutoTransactionBehavior.Never
        && !HasSaveInterceptors;

    /// <summary>Rows inserted untracked go into a direct save when one may run (EF Core's save gets them tracked).</summary>
    protected override bool WritesInsertsItself => MayWriteDirectly;

    private List<SqliteDirectSave.AttachedRow>? _attached;

    /// <summary>
    /// A simple row (see <see cref="SqliteDirectSave.AttachedRow"/>) is attached untracked while saves may be written
    /// directly; anything else is tracked at once.
    /// </summary>
    public override void AttachUntracked(object entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var type = EntityTypeOf(entity);
        if (_attached?.Any(r => r.Holds(entity)) == true)
        {
            return;
        }

        if (!DirectSaves || SqliteDirectSave.AttachedRow.Of(type, entity) is not { } row)
        {
            Attach(entity);
            return;
        }

        (_attached ??= []).Add(row);
    }

    internal override void TrackPendingRows()
    {
        base.TrackPendingRows();
        if (_attached is { } attached)
        {
            _attached = null;
            foreach (var row in attached)
            {
                row.Track(this);
            }
        }
    }

    protected override void ForgetUnitOfWork()
    {
        base.ForgetUnitOfWork();
        _attached = null;
    }

    /// <summary>A save of simple rows (a dialog turn's usual) is written directly: <see cref="SqliteDirectSave"/>.</summary>
    protected override Task<int> WriteTrackedAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var inserts = PendingInserts;
        var attached = _attached ?? [];
        var rows = MayWriteDirectly ? SqliteDirectSave.Plan(this, inserts) : null;
        List<(SqliteDirectSave.AttachedRow Row, UInt128 Columns)> changed = [];
        foreach (var row in attached)
        {
            switch (row.Changed())
            {
                case null:
                    rows = null; // a change EF Core must order
                    break;
                case { } columns when columns != 0:
                    changed.Add((row, columns));
                    break;
            }
        }

        if (!acceptAllChangesOnSuccess && (inserts.Count > 0 || attached.Count > 0))
        {
            rows = null; // rows left unaccepted are the change tracker's to keep: EF Core saves them, tracked
        }

        LastSaveWasDirect = rows is not null && (rows.Count > 0 || inserts.Count > 0 || changed.Count > 0);
        if (rows is not null && !LastSaveWasDirect)
        {
            return Task.FromResult(0); // nothing to write: what is attached untracked stays so
        }

        if (!LastSaveWasDirect)
        {
            TrackPendingRows();
            return base.WriteTrackedAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        return WriteDirectlyAsync(rows!, inserts, changed, acceptAllChangesOnSuccess, cancellationToken);
    }

    private async Task<int> WriteDirectlyAsync(
        List<EntityEntry> rows, IReadOnlyList<object> inserts, List<(SqliteDirectSave.AttachedRow Row, UInt128 Columns)> changed, bool acceptAllChangesOnSuccess,
        CancellationToken cancellationToken)
    {
        var viaEfCore = false;
        var saved = await SqliteDirectSave.SaveAsync(this, rows, inserts, changed, acceptAllChangesOnSuccess, () =>
        {
            viaEfCore = true;
            TrackPendingRows();
            return base.WriteTrackedAsync(acceptAllChangesOnSuccess, cancellationToken);
        }, cancellationToken);
        PendingInsertsWritten(); // by this save, or tracked and written by EF Core's
        if (!viaEfCore)
        {
            // Written and stored now: like a row EF Core's save leaves tracked as unchanged, a later change of it is
            // written by the next save.
            foreach (var entity in inserts)
            {
                (_attached ??= []).Add(SqliteDirectSave.AttachedRow.Of(EntityTypeOf(entity), entity)
                    ?? throw new InvalidOperationException("A row the direct save inserted cannot be carried on untracked.")); // the plan admits no such row
            }
        }

        return saved;
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        // Without AUTOINCREMENT, SQLite gives a new row the next key after the largest one instead of keeping a counter
        // in sqlite_sequence, which costs every commit that inserts such a row one more page written. Only for rows whose
        // key nothing refers to, so that a key used again after the largest row is removed harms nothing: a turn's
        // delivery record, a send attempt.
        modelBuilder.Entity<InboundDelivery>().Property(d => d.Id).Metadata.SetValueGenerationStrategy(SqliteValueGenerationStrategy.None);
        modelBuilder.Entity<OutboxAttempt>().Property(a => a.Id).Metadata.SetValueGenerationStrategy(SqliteValueGenerationStrategy.None);

        // A turn's invoke answer is kept deflated: as text it needed a page of its own on every commit (see the converter).
        modelBuilder.Entity<InboundDelivery>().Property(d => d.ResponseJson).HasConversion((ValueConverter)new DeflatedJsonConverter()).HasColumnType("BLOB");
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // SQLite has no date-time type: store instants as UTC ticks so they compare and sort in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
