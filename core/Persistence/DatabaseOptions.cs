using System.ComponentModel.DataAnnotations;

namespace SesBot.Core.Persistence;

/// <summary>The <c>Database</c> configuration section. The connection string itself is <c>ConnectionStrings:SesBot</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>The embedded default, a file under ./data created on first run.</summary>
    public const string DefaultSqliteConnectionString = "Data Source=data/sesbot.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations at start-up.</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>Seed the demo data into an empty database. Null: only in local mode (decided by the host).</summary>
    public bool? SeedDemoData { get; set; }

    [Range(1, 600)]
    public int CommandTimeoutSeconds { get; set; } = 30;
}
