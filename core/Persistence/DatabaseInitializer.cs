using Microsoft.EntityFrameworkCore;

namespace SesBot.Core.Persistence;

/// <summary>Brings the database to the current schema and, when asked, fills an empty one with the demo data.</summary>
public sealed class DatabaseInitializer(SesBotDbContext db, TimeProvider clock)
{
    public async Task InitializeAsync(bool migrate, bool seedDemoData, CancellationToken cancellationToken = default)
    {
        if (migrate)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (db.Database.IsSqlite())
        {
            // Readers beside the one writer, and no reader blocks a commit (the journal mode stays with the file).
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        }

        if (seedDemoData && !await db.Resellers.AnyAsync(cancellationToken))
        {
            DemoData.AddTo(db, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
