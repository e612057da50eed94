using Microsoft.Data.Sqlite;

namespace SesBot.Bot.Tests.Support;

/// <summary>
/// The bot's SQLite file as a test sees it from outside the process: read-only queries (the bot may be running), and
/// writes only while the bot is stopped (to seed data the demo set lacks). No pooling: nothing stays open afterwards.
/// </summary>
internal static class SqliteFile
{
    /// <summary>Every row of the query, column name → value (<see langword="null"/> for SQL NULL).</summary>
    public static async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> ReadAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // the tests' own constant queries
        command.CommandText = sql;
#pragma warning restore CA2100
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<IReadOnlyDictionary<string, object?>>();
        while (await reader.ReadAsync())
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Runs statements in one transaction; the bot must not be running.</summary>
    public static async Task WriteAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = (SqliteTransaction)transaction;
#pragma warning disable CA2100 // the tests' own constant statements
        command.CommandText = sql;
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }
}
