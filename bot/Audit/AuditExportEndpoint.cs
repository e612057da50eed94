using System.Diagnostics;
using System.Globalization;
using Microsoft.Net.Http.Headers;
using SesBot.Core.Audit;
using SesBot.Core.Persistence;

namespace SesBot.Bot.Audit;

/// <summary>
/// <c>GET /exports/audit/{token}</c>: streams the audit CSV a signed link stands for. 404 for a token SesBot did not
/// sign, 410 for an expired one, 403 when the person it was made for is no longer an admin.
/// </summary>
internal static class AuditExportEndpoint
{
    public const string Route = AuditExportLinks.RoutePrefix + "{token}";
    public const string CsvContentType = "text/csv; charset=utf-8";

    private const int SpoolBufferSize = 64 * 1024;

    public static async Task HandleAsync(
        string token,
        HttpContext http,
        AuditExportLinks links,
        SesBotDbContext db,
        AuditLogQuery query,
        TimeProvider clock,
        ILogger<AuditExportLinks> logger)
    {
        var response = http.Response;
        response.Headers.CacheControl = "no-store";
        response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        var check = links.Check(token);
        switch (check.Status)
        {
            case AuditLinkStatus.Invalid:
                Log.AuditExportInvalidLink(logger);
                response.StatusCode = StatusCodes.Status404NotFound;
                return;
            case AuditLinkStatus.Expired:
                var expiredAt = check.Ticket!.ExpiresAt;
                Log.AuditExportExpiredLink(logger, check.Ticket.ActorId, expiredAt);
                await Results.Json(
                        new ExportProblem("link_expired", $"This download link expired at {Iso(expiredAt)}. Ask SesBot for a new one (\"export audit\")."),
                        statusCode: StatusCodes.Status410Gone)
                    .ExecuteAsync(http);
                return;
            default:
                break;
        }

        var ticket = check.Ticket!;
        var admin = await ExportAdmins.CurrentAdminAsync(db, ticket.ActorId, http.RequestAborted);
        if (admin is null)
        {
            Log.AuditExportNotAdmin(logger, ticket.ActorId);
            await Results.Json(
                    new ExportProblem("not_allowed", "Only SES admins may download the audit log, and the person this link was made for no longer is one."),
                    statusCode: StatusCodes.Status403Forbidden)
                .ExecuteAsync(http);
            return;
        }

        // The CSV goes to a temporary file first, then to the client: SQLite (rollback journal) blocks every writer while
        // a read is open, so the database read must not wait on a slow download. Memory stays flat either way.
        var started = Stopwatch.GetTimestamp();
        await using var spool = CreateSpool();
        var rows = await AuditCsvWriter.WriteAsync(query.ReadAsync(admin, ticket.Filter, http.RequestAborted), spool, http.RequestAborted);
        var read = Stopwatch.GetElapsedTime(started);
        spool.Position = 0;

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = CsvContentType;
        response.ContentLength = spool.Length;
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
        {
            FileName = FileName(clock.GetUtcNow()),
        }.ToString();
        await spool.CopyToAsync(response.Body, SpoolBufferSize, http.RequestAborted);
        Log.AuditExportDownloaded(logger, admin.Id, rows, read.TotalMilliseconds, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>A temporary file only this process's user can read, deleted when closed.</summary>
    private static FileStream CreateSpool()
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
            BufferSize = SpoolBufferSize,
            Options = FileOptions.Asynchronous | FileOptions.DeleteOnClose,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(Path.Combine(Path.GetTempPath(), $"sesbot-audit-{Guid.NewGuid():N}.csv"), options);
    }

    /// <summary>The file name a download is saved under: the day it was exported.</summary>
    public static string FileName(DateTimeOffset exportedAt) =>
        $"sesbot-audit-{exportedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.csv";

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The short JSON body of a refused download.</summary>
    internal sealed record ExportProblem(string Error, string Message);
}
