namespace SesBot.Benchmarks.Load;

/// <summary>
/// Counts SQL statements, writes and commits from EF Core's console log (command category at Information,
/// transaction category at Debug) and from the bot's direct-save transactions (<see cref="DirectSaveCategory"/>, at
/// Debug): a commit is a committed transaction, or a write (INSERT, UPDATE, DELETE) that ran outside one and so
/// committed on its own. Fed the server's output lines in order.
/// </summary>
internal sealed class SqlLogCounter
{
    /// <summary>The bot's direct saves run SQLite's BEGIN and COMMIT themselves and log them here, at Debug (events 1–3).</summary>
    public const string DirectSaveCategory = "SesBot.Core.Persistence.SqliteDirectSave";

    private readonly Lock gate = new();
    private bool inTransaction;
    private int linesToSql;
    private long statements;
    private long writes;
    private long commits;

    public (long Statements, long Writes, long Commits) Snapshot()
    {
        lock (gate)
        {
            return (statements, writes, commits);
        }
    }

    public void Observe(string line)
    {
        lock (gate)
        {
            if (linesToSql > 0 && --linesToSql == 0)
            {
                // The line after "Executed DbCommand (…) [Parameters=…]" starts the SQL text.
                var sql = line.TrimStart();
                if (sql.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase)
                    || sql.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
                    || sql.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase))
                {
                    writes++;
                    if (!inTransaction)
                    {
                        commits++;
                    }
                }

                return;
            }

            if (line.Contains("Microsoft.EntityFrameworkCore.Database.Command[20101]", StringComparison.Ordinal))
            {
                statements++;
                linesToSql = 2;
            }
            else if (line.Contains("Microsoft.EntityFrameworkCore.Database.Transaction[20200]", StringComparison.Ordinal)
                || line.Contains(DirectSaveCategory + "[1]", StringComparison.Ordinal))
            {
                inTransaction = true; // began
            }
            else if (line.Contains("Microsoft.EntityFrameworkCore.Database.Transaction[20202]", StringComparison.Ordinal)
                || line.Contains(DirectSaveCategory + "[2]", StringComparison.Ordinal))
            {
                inTransaction = false; // committed
                commits++;
            }
            else if (line.Contains("Microsoft.EntityFrameworkCore.Database.Transaction[20203]", StringComparison.Ordinal)
                || line.Contains(DirectSaveCategory + "[3]", StringComparison.Ordinal))
            {
                inTransaction = false; // rolled back
            }
        }
    }
}
