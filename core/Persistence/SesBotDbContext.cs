using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
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

    /// <summary>Whether the last save wrote new outbox messages (so the dispatcher has something to do).</summary>
    public bool AddsOutboxMessages { get; private set; }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var flushed = PrepareAudit();
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false; // PrepareAudit detected them once; saving need not again
        try
        {
            var result = WriteGate is { } gate
                ? gate.Write(() => base.SaveChanges(acceptAllChangesOnSuccess))
                : base.SaveChanges(acceptAllChangesOnSuccess);
            flushed.ForEach(r => r.ClearPendingAudit());
            return result;
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var flushed = PrepareAudit();
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false; // PrepareAudit detected them once; saving need not again
        try
        {
            var result = WriteGate is { } gate
                ? await gate.WriteAsync(ct => base.SaveChangesAsync(acceptAllChangesOnSuccess, ct), cancellationToken)
                : await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            flushed.ForEach(r => r.ClearPendingAudit());
            return result;
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
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

    /// <summary>The audit log is append-only, and every request transition lands in it in the same transaction.</summary>
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
            var outbox = false;
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
                        outbox = true;
                        break;
                }
            }

            foreach (var request in requests)
            {
                AuditEvents.AddRange(request.PendingAudit);
            }

            AddsOutboxMessages = outbox;
            return requests;
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }
}
