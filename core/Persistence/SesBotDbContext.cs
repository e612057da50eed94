using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using SesBot.Core.Conversations;
using SesBot.Core.Dialogs;
using SesBot.Core.Domain;
using SesBot.Core.Identity;
using SesBot.Core.Outbox;
using SesBot.Core.Support;

namespace SesBot.Core.Persistence;

/// <summary>
/// SesBot's database. Each provider has its own subclass so that each keeps its own migrations; everything else
/// asks for this type.
/// </summary>
public abstract class SesBotDbContext : DbContext
{
    private SqliteWriteGate? _writeGate;
    private bool _writeGateLooked;
    private List<OutboxMessage> _claimOnCommit = [];
    private DateTimeOffset _claimLeaseUntil;
    private int _addedOutboxMessages;
    private List<object>? _inserts;

    protected SesBotDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Reseller> Resellers => Set<Reseller>();

    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<CloudAccount> CloudAccounts => Set<CloudAccount>();

    public DbSet<BillingRecord> BillingRecords => Set<BillingRecord>();

    public DbSet<RemovalRequest> RemovalRequests => Set<RemovalRequest>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<InboundDelivery> InboundDeliveries => Set<InboundDelivery>();

    public DbSet<ConversationAddress> ConversationAddresses => Set<ConversationAddress>();

    public DbSet<ChannelUser> ChannelUsers => Set<ChannelUser>();

    public DbSet<DialogState> DialogStates => Set<DialogState>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<OutboxAttempt> OutboxAttempts => Set<OutboxAttempt>();

    public DbSet<SupportChannel> SupportChannels => Set<SupportChannel>();

    /// <summary>
    /// Whether the last save wrote new outbox messages left for the dispatcher to find (pending, not claimed with the
    /// commit), so that it has something to do.
    /// </summary>
    public bool AddsOutboxMessages { get; private set; }

    /// <summary>The messages the last save wrote already claimed for sending (see <see cref="ClaimOnCommit"/>).</summary>
    public IReadOnlyList<OutboxMessage> ClaimedOnCommit { get; private set; } = [];

    /// <summary>
    /// Whether the last save left one of the messages asked for in <see cref="ClaimOnCommit"/> pending, because its
    /// conversation already had an unsent message before it.
    /// </summary>
    public bool ClaimRefused { get; private set; }

    /// <summary>
    /// Asks the next save to write these new outbox messages already claimed for sending (the claim a dispatcher would
    /// otherwise take in a write of its own after the commit), so that they can be handed to the sender in memory at
    /// once. A message is claimed only when nothing unsent of its conversation (ordering key) comes before it; the check
    /// runs inside the save's write, so on SQLite no other writer can slip in between. Which were claimed is in
    /// <see cref="ClaimedOnCommit"/> after the save.
    /// </summary>
    public void ClaimOnCommit(IEnumerable<OutboxMessage> messages, DateTimeOffset leaseUntil)
    {
        ArgumentNullException.ThrowIfNull(messages);
        _claimOnCommit = [.. _claimOnCommit, .. messages];
        _claimLeaseUntil = leaseUntil;
    }

    /// <summary>
    /// Inserts a new row with the next save without tracking it: for the rows a turn writes once and neither changes nor
    /// reads back in the same unit of work (its delivery record, its replies' outbox messages). Where the provider writes
    /// such rows itself (SQLite, <see cref="SqliteDirectSave"/>) they go into the save's transaction without the change
    /// tracker's cost; otherwise, and whenever EF Core runs the save, they are added to the change tracker just before
    /// it, exactly as <see cref="DbContext.Add(object)"/> would. A key the store generates is on the entity after the
    /// save. Until then the row is this unit of work's alone: no query, <see cref="DbContext.Entry(object)"/> or
    /// change tracker sees it, and <see cref="Microsoft.EntityFrameworkCore.ChangeTracking.ChangeTracker.Clear"/> does not forget it (SesBot's services never clear
    /// a unit of work; a new one is a new context).
    /// </summary>
    public void Insert(object entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        _ = EntityTypeOf(entity);
        if (!IsPendingInsert(entity))
        {
            (_inserts ??= []).Add(entity); // a second Insert of it does nothing, as a second Add would not
        }
    }

    /// <summary>The entity type of a row handed to <see cref="Insert"/> or <see cref="AttachUntracked"/>; refuses anything else.</summary>
    protected IEntityType EntityTypeOf(object entity) =>
        Model.FindEntityType(entity.GetType()) ?? throw new ArgumentException($"{entity.GetType().Name} is not an entity type of this model.", nameof(entity));

    /// <summary>The rows waiting to be inserted (<see cref="Insert"/>), for a provider that writes them itself.</summary>
    internal IReadOnlyList<object> PendingInserts => (IReadOnlyList<object>?)_inserts ?? [];

    /// <summary>
    /// Attaches an existing row without the change tracker: its values now are taken as the stored ones. Where the
    /// provider writes saves itself (SQLite), the next save writes the columns changed since, guarded by the row's
    /// concurrency tokens as they were here, exactly as EF Core would for a tracked row; otherwise, and whenever EF Core
    /// runs the save, the row is tracked with these values as its original ones. For a row only its unit of work
    /// changes and nothing else of it reads (the dialog state a turn carries on): a tracking query of the same row would
    /// give a second instance, which EF Core refuses to track beside it.
    /// </summary>
    public virtual void AttachUntracked(object entity) => Attach(entity);

    /// <summary>Hands the rows waiting to be inserted (and, per provider, those attached untracked) to the change tracker: EF Core writes this save.</summary>
    internal virtual void TrackPendingRows()
    {
        if (_inserts is not { } inserts)
        {
            return;
        }

        _inserts = null;
        foreach (var entity in inserts)
        {
            Add(entity);
        }
    }

    /// <summary>The rows waiting to be inserted were written (by the provider, in the save just committed).</summary>
    internal void PendingInsertsWritten() => _inserts = null;

    /// <summary>Whether the next save writes the rows waiting to be inserted itself, without the change tracker.</summary>
    protected virtual bool WritesInsertsItself => false;

    private bool IsPendingInsert(object entity)
    {
        foreach (var pending in PendingInserts)
        {
            if (ReferenceEquals(pending, entity))
            {
                return true;
            }
        }

        return false;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        TrackPendingRows();
        var flushed = PrepareAudit();
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false; // PrepareAudit detected them once; saving need not again
        try
        {
            var result = WriteGate is { } gate
                ? gate.Write(() => ClaimThenSave(acceptAllChangesOnSuccess))
                : ClaimThenSave(acceptAllChangesOnSuccess);
            flushed.ForEach(r => r.ClearPendingAudit());
            return result;
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>The hot reads written by hand for this provider (<see cref="SqliteDirectReads"/>), or null: then the EF Core queries run.</summary>
    internal virtual SqliteDirectReads? DirectReads => null;

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (!WritesInsertsItself)
        {
            TrackPendingRows();
        }

        var flushed = PrepareAudit();
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false; // PrepareAudit detected them once; saving need not again
        try
        {
            var result = WriteGate is { } gate
                ? await gate.WriteAsync(ct => ClaimThenSaveAsync(acceptAllChangesOnSuccess, ct), cancellationToken)
                : await ClaimThenSaveAsync(acceptAllChangesOnSuccess, cancellationToken);
            flushed.ForEach(r => r.ClearPendingAudit());
            return result;
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    private async Task<int> ClaimThenSaveAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var candidates = ClaimCandidates();
        if (candidates.Count > 0 && WriteGate is null && Database.CurrentTransaction is null)
        {
            // No write gate (PostgreSQL): the check and the write run in one transaction holding the conversations' locks.
            await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
            var saved = await CheckClaimThenSaveAsync(candidates, acceptAllChangesOnSuccess: false, cancellationToken);
            try
            {
                await transaction.CommitAsync(cancellationToken);
            }
            catch
            {
                Unclaim();
                throw;
            }

            if (acceptAllChangesOnSuccess)
            {
                ChangeTracker.AcceptAllChanges();
            }

            return saved;
        }

        return await CheckClaimThenSaveAsync(candidates, acceptAllChangesOnSuccess, cancellationToken);
    }

    private async Task<int> CheckClaimThenSaveAsync(List<OutboxMessage> candidates, bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        HashSet<string> busy = [];
        var keys = candidates.Select(m => m.OrderingKey).Distinct(StringComparer.Ordinal).ToList();
        if (keys.Count > 0)
        {
            await LockOrderingKeysAsync(keys, cancellationToken);

            // A turn's replies go to its own conversation: the common case has a compiled query of its own.
            busy = keys.Count == 1
                ? await HasUnsentAsync(keys[0], cancellationToken) ? [keys[0]] : []
                : [.. await UnsentQuery(keys).ToListAsync(cancellationToken)];
            busy.UnionWith(AddedUnclaimed(candidates));
        }

        Claim(candidates, busy);
        try
        {
            return await WriteTrackedAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch
        {
            Unclaim();
            throw;
        }
    }

    /// <summary>Writes what is tracked, claims set. A provider may write a save of simple rows itself.</summary>
    protected virtual Task<int> WriteTrackedAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
        => base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

    /// <summary>
    /// Where no write gate serializes the writes (PostgreSQL), holds these conversations' locks until the current
    /// transaction ends, so that another commit cannot check them between this one's check and its write.
    /// </summary>
    protected virtual Task LockOrderingKeysAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken) => Task.CompletedTask;

    private int ClaimThenSave(bool acceptAllChangesOnSuccess)
    {
        var candidates = ClaimCandidates();
        HashSet<string> busy = [];
        if (candidates.Count > 0)
        {
            var keys = candidates.Select(m => m.OrderingKey).Distinct(StringComparer.Ordinal).ToList();
            busy = [.. UnsentQuery(keys).ToList(), .. AddedUnclaimed(candidates)];
        }

        Claim(candidates, busy);
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        catch
        {
            Unclaim();
            throw;
        }
    }

    private Task<bool> HasUnsentAsync(string key, CancellationToken cancellationToken) => DirectReads is { } reads
        ? reads.HasUnsentAsync(key, cancellationToken)
        : HasUnsentQuery.For(this)(this, key, cancellationToken);

    private static readonly CompiledPerModel<Func<SesBotDbContext, string, CancellationToken, Task<bool>>> HasUnsentQuery = new(() =>
        EF.CompileAsyncQuery((SesBotDbContext context, string key, CancellationToken _) => context.OutboxMessages
            .Any(m => m.OrderingKey == key && (m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Sending))));

    /// <summary>The conversations among <paramref name="keys"/> that have a message not yet sent (pending or being sent).</summary>
    private IQueryable<string> UnsentQuery(List<string> keys) => OutboxMessages.AsNoTracking()
        .Where(m => keys.Contains(m.OrderingKey) && (m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Sending))
        .Select(m => m.OrderingKey)
        .Distinct();

    /// <summary>
    /// The conversations this save also writes a message to that is not to be claimed (a notice, a card update the
    /// turn's own work wrote): it may come first, and it is the dispatcher's to send, so nothing of theirs is claimed.
    /// </summary>
    private IEnumerable<string> AddedUnclaimed(List<OutboxMessage> candidates) => ChangeTracker.Entries<OutboxMessage>()
        .Where(e => e.State == EntityState.Added)
        .Select(e => e.Entity)
        .Concat(PendingInserts.OfType<OutboxMessage>())
        .Where(m => !candidates.Contains(m))
        .Select(m => m.OrderingKey);

    /// <summary>The messages asked to be claimed that this save inserts (anything else asked for is ignored).</summary>
    private List<OutboxMessage> ClaimCandidates()
    {
        ClaimedOnCommit = [];
        ClaimRefused = false;
        if (_claimOnCommit.Count == 0)
        {
            return [];
        }

        var candidates = _claimOnCommit.Where(m => (IsPendingInsert(m) || Entry(m).State == EntityState.Added) && m.Status == OutboxStatus.Pending).ToList();
        _claimOnCommit = [];
        return candidates;
    }

    private void Claim(List<OutboxMessage> candidates, HashSet<string> busy)
    {
        if (candidates.Count == 0)
        {
            return;
        }

        List<OutboxMessage> claimed = [];
        foreach (var message in candidates)
        {
            if (busy.Contains(message.OrderingKey))
            {
                ClaimRefused = true;
                continue;
            }

            message.Claimed(_claimLeaseUntil);
            claimed.Add(message);
        }

        ClaimedOnCommit = claimed;
        AddsOutboxMessages = _addedOutboxMessages > claimed.Count;
    }

    /// <summary>The context goes back to the pool (or away): what the last unit of work asked for and saved is not the next one's.</summary>
    public override void Dispose()
    {
        ForgetUnitOfWork();
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    public override async ValueTask DisposeAsync()
    {
        ForgetUnitOfWork();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Forgets what the last unit of work asked for and saved (the context goes back to the pool, or away).</summary>
    protected virtual void ForgetUnitOfWork()
    {
        _claimOnCommit = [];
        ClaimedOnCommit = [];
        ClaimRefused = false;
        AddsOutboxMessages = false;
        _addedOutboxMessages = 0;
        _inserts = null;
    }

    /// <summary>A save that failed wrote nothing: its claims are given back, as if they had never been asked for.</summary>
    private void Unclaim()
    {
        foreach (var message in ClaimedOnCommit)
        {
            message.Release();
        }

        ClaimedOnCommit = [];
    }

    /// <summary>The one-writer gate of a SQLite database (registered with the options), or null.</summary>
    private SqliteWriteGate? WriteGate
    {
        get
        {
            if (!_writeGateLooked)
            {
                _writeGate = this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<SqliteWriteGate>().FirstOrDefault();
                _writeGateLooked = true;
            }

            return _writeGate;
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SesBotDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<CloudProvider>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<AccountOrigin>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<AccountState>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<RemovalOption>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<RequestStatus>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<Role>().HaveConversion<string>().HaveMaxLength(16);
    }

    /// <summary>
    /// One pass over what is tracked (changes are detected once, here): refuses changes to the append-only audit log,
    /// adds the audit rows requests collected, and notes whether outbox messages are about to be written.
    /// </summary>
    private List<RemovalRequest> PrepareAudit()
    {
        ChangeTracker.DetectChanges();
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            List<RemovalRequest> requests = [];
            var outbox = 0;
            foreach (var entry in ChangeTracker.Entries())
            {
                switch (entry.Entity)
                {
                    case AuditEvent when entry.State is EntityState.Modified or EntityState.Deleted:
                        throw new DomainException("The audit log is append-only: an audit event cannot be changed or deleted.");
                    case RemovalRequest { PendingAudit.Count: > 0 } request:
                        requests.Add(request);
                        break;
                    case OutboxMessage when entry.State == EntityState.Added:
                        outbox++;
                        break;
                }
            }

            foreach (var request in requests)
            {
                AuditEvents.AddRange(request.PendingAudit);
            }

            foreach (var pending in PendingInserts)
            {
                outbox += pending is OutboxMessage ? 1 : 0;
            }

            _addedOutboxMessages = outbox;
            AddsOutboxMessages = outbox > 0;
            return requests;
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }
}
