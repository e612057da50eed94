using Microsoft.EntityFrameworkCore;

namespace SesBot.Core.Persistence;

/// <summary>Brings the database to the current schema and, when asked, fills an empty one with the demo data.</summary>
public sealed class DatabaseInitializer(SesBotDbContext db, TimeProvider clock)
{
    public async Task InitializeAsync(bool migrate, bool seedDemoData, CancellationToken cancellationToken = default)
    {
        // Migrating also takes the migrations lock and compares the model with the snapshot, which costs a noticeable part
        // of a cold start; a database that already has every migration skips it (the tests check the snapshot).
        if (migrate && (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
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
