using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SesBot.Core.Tests.Persistence;

/// <summary>A command a context sent to read: its SQL text and its parameters.</summary>
internal sealed record RecordedCommand(string Text, IReadOnlyList<(string Name, object? Value)> Parameters);

/// <summary>Records every reading command a context sends, in order.</summary>
internal sealed class CommandRecorder : DbCommandInterceptor
{
    public List<RecordedCommand> Commands { get; } = [];

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Commands.Add(new RecordedCommand(
            command.CommandText,
            [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value))]));
        return ValueTask.FromResult(result);
    }

    /// <summary>SQLite's plan for the SQL with these parameters (<c>EXPLAIN QUERY PLAN</c>): its lines' details, in order.</summary>
    public static async Task<List<string>> PlanAsync(SqliteConnection connection, string sql, IEnumerable<(string Name, object? Value)> parameters)
    {
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var (name, value) in parameters)
        {
            explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(3)); // id, parent, notused, detail
        }

        return lines;
    }
}
