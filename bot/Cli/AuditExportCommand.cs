using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SesBot.Core.Audit;
using SesBot.Core.Domain;
using SesBot.Core.Persistence;

namespace SesBot.Bot.Cli;

/// <summary>
/// <c>audit export [--reseller &lt;id or name&gt;] [--from yyyy-MM-dd] [--to yyyy-MM-dd] --out file.csv</c>: writes the
/// audit log (every reseller's, as an admin sees it) to a CSV file, the same CSV as the download link. Dates are UTC
/// days; <c>--to</c> is exclusive (events before midnight UTC at the start of that day).
/// </summary>
public static class AuditExportCommand
{
    public const string Usage = "Usage: audit export [--reseller <id or name>] [--from yyyy-MM-dd] [--to yyyy-MM-dd] --out file.csv";

    /// <summary>Exit codes: 0 written, 1 the export failed, 2 the command line is wrong.</summary>
    public const int Written = 0;
    public const int Failed = 1;
    public const int BadUsage = 2;

    /// <summary>Whoever runs the command on the server: they see what an admin sees.</summary>
    public static Actor Operator { get; } = new("cli", "Command line", Role.Admin);

    /// <summary>Whether the command line asks for this command.</summary>
    public static bool Matches(IReadOnlyList<string> args) =>
        args is ["audit", "export", ..];

    /// <summary>Runs the export: what it wrote goes to <paramref name="output"/>; a refusal or a failure, and what to do, to <paramref name="error"/>.</summary>
    public static async Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!Matches(args))
        {
            await error.WriteLineAsync(Usage);
            return BadUsage;
        }

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 2; i < args.Length; i += 2)
        {
            if (args[i] is not ("--reseller" or "--from" or "--to" or "--out") || i + 1 >= args.Length || !options.TryAdd(args[i], args[i + 1]))
            {
                await error.WriteLineAsync($"Unexpected or incomplete option \"{args[i]}\".");
                await error.WriteLineAsync(Usage);
                return BadUsage;
            }
        }

        if (!options.TryGetValue("--out", out var file) || string.IsNullOrWhiteSpace(file))
        {
            await error.WriteLineAsync("Say where to write the CSV with --out file.csv.");
            await error.WriteLineAsync(Usage);
            return BadUsage;
        }

        if (!TryDay(options, "--from", out var from) || !TryDay(options, "--to", out var to))
        {
            await error.WriteLineAsync("Dates are UTC days written yyyy-MM-dd, e.g. --from 2026-11-01 --to 2026-12-01.");
            return BadUsage;
        }

        if (from is not null && to is not null && to <= from)
        {
            await error.WriteLineAsync("--to is the first day not exported, so it must come after --from.");
            return BadUsage;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
        try
        {
            string? resellerId = null;
            if (options.TryGetValue("--reseller", out var reseller))
            {
                resellerId = await FindResellerAsync(db, reseller, cancellationToken);
                if (resellerId is null)
                {
                    await error.WriteLineAsync($"There is no reseller with the id or name \"{reseller}\".");
                    return BadUsage;
                }
            }

            var filter = new AuditFilter(resellerId, from, to);
            var query = scope.ServiceProvider.GetRequiredService<AuditLogQuery>();
            var path = Path.GetFullPath(file);
            var started = Stopwatch.GetTimestamp();
            int rows;
            await using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
            {
                rows = await AuditCsvWriter.WriteAsync(query.ReadAsync(Operator, filter, cancellationToken), stream, cancellationToken);
            }

            var elapsed = Stopwatch.GetElapsedTime(started);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Wrote {rows} audit events to {path} in {elapsed.TotalSeconds:0.0} s."));
            return Written;
        }
        catch (Exception ex) when (ex is DbException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"The export failed: {ex.Message}");
            return Failed;
        }
    }

    private static bool TryDay(Dictionary<string, string> options, string name, out DateTimeOffset? day)
    {
        day = null;
        if (!options.TryGetValue(name, out var text))
        {
            return true;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        day = new DateTimeOffset(parsed.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return true;
    }

    /// <summary>A reseller by its id, else by its name (case-insensitive, whole name).</summary>
    private static async Task<string?> FindResellerAsync(SesBotDbContext db, string idOrName, CancellationToken cancellationToken)
    {
        var text = idOrName.Trim();
        var byId = await db.Resellers.AsNoTracking().Where(r => r.Id == text).Select(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        if (byId is not null)
        {
            return byId;
        }

        var names = await db.Resellers.AsNoTracking().Select(r => new { r.Id, r.Name }).ToListAsync(cancellationToken);
        return names.Find(r => string.Equals(r.Name, text, StringComparison.OrdinalIgnoreCase))?.Id;
    }
}
