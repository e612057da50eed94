using System.Globalization;
using System.Text;
using SesBot.Core.Domain;

namespace SesBot.Core.Audit;

/// <summary>
/// Writes audit entries as CSV for auditors and spreadsheets (RFC 4180): a header row, CRLF line ends, fields with a
/// comma, quote, CR or LF in double quotes with quotes doubled, UTF-8 with a byte order mark. A field that a
/// spreadsheet would run as a formula (first character <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, TAB or CR) is
/// neutralised with a leading single quote (see docs/audit-export.md).
/// </summary>
public static class AuditCsvWriter
{
    public const string LineEnd = "\r\n";

    /// <summary>The columns, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "Time (UTC)", "Event id", "Request", "Request kind", "Reseller id", "Reseller", "Customer id", "Customer",
        "Provider", "Account", "Event", "From status", "To status", "Actor", "Actor role", "Actor id", "Note", "Details",
    ];

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Writes the header and every entry to the stream (left open); returns how many entries were written.</summary>
    public static async Task<int> WriteAsync(IAsyncEnumerable<AuditEntry> entries, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteAsync(Encoding.UTF8.Preamble.ToArray(), cancellationToken);
        var count = 0;
        await using (var writer = new StreamWriter(output, Utf8, bufferSize: 16 * 1024, leaveOpen: true))
        {
            var line = new StringBuilder(512);
            AppendRow(line, Columns);
            await writer.WriteAsync(line, cancellationToken);
            await foreach (var entry in entries.WithCancellation(cancellationToken))
            {
                line.Clear();
                AppendRow(line, Fields(entry));
                await writer.WriteAsync(line, cancellationToken);
                count++;
            }

            await writer.FlushAsync(cancellationToken);
        }

        return count;
    }

    /// <summary>One entry's fields, in the order of <see cref="Columns"/>.</summary>
    public static IReadOnlyList<string?> Fields(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return
        [
            entry.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            entry.EventId.ToString(CultureInfo.InvariantCulture),
            entry.RequestId,
            entry.RequestKind?.ToString(),
            entry.ResellerId,
            entry.ResellerName,
            entry.CustomerId,
            entry.CustomerName,
            entry.Provider switch { CloudProvider.Aws => "AWS", CloudProvider.Azure => "Azure", _ => null },
            entry.AccountExternalId,
            entry.Action,
            entry.FromStatus?.ToString(),
            entry.ToStatus?.ToString(),
            entry.ActorName,
            entry.ActorRole.ToString(),
            entry.ActorId,
            entry.Note,
            entry.Details,
        ];
    }

    /// <summary>A field as it goes into the file: neutralised if a spreadsheet would run it, then quoted if needed.</summary>
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var text = IsFormulaStart(value[0]) ? "'" + value : value;
        return text.AsSpan().IndexOfAny(",\"\r\n") < 0
            ? text
            : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>The characters a spreadsheet treats as the start of a formula (OWASP's CSV injection list).</summary>
    public static bool IsFormulaStart(char first) => first is '=' or '+' or '-' or '@' or '\t' or '\r';

    private static void AppendRow(StringBuilder line, IReadOnlyList<string?> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                line.Append(',');
            }

            line.Append(Escape(fields[i]));
        }

        line.Append(LineEnd);
    }
}
