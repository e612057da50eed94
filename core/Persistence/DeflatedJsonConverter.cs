using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SesBot.Core.Persistence;

/// <summary>
/// Keeps a large JSON text in SQLite deflated (the zlib format: a two-byte header starting 0x78, the deflate stream,
/// an Adler-32 check). A Teams invoke answer kept with its delivery record is 4–6 KB of card JSON, more than a 4 KB page
/// holds: written as text, every turn's commit wrote an overflow page of its own and, as the file grew by it, the
/// database header page as well. Deflated (about 1 KB), the record fits among its neighbours on one page.
/// <para>
/// A stored value that does not start with the zlib header is read as UTF-8 text: JSON never starts with <c>x</c>, and
/// rows written before the column held deflated values (text) read as they were written. PostgreSQL compresses large
/// values itself (TOAST) and keeps the text.
/// </para>
/// </summary>
public sealed class DeflatedJsonConverter : ValueConverter<string, byte[]>
{
    /// <summary>The first byte of every zlib stream with deflate's 32 KB window (what <see cref="ZLibStream"/> writes).</summary>
    private const byte ZlibHeader = 0x78;

    public DeflatedJsonConverter()
        : base(json => Deflate(json), stored => Inflate(stored))
    {
    }

    public static byte[] Deflate(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var text = Encoding.UTF8.GetBytes(json);
        using var buffer = new MemoryStream(capacity: (text.Length / 4) + 64);
        using (var zlib = new ZLibStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            zlib.Write(text);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// A zlib header: deflate with a 32 KB window (0x78), and the two header bytes a multiple of 31, as RFC 1950 has
    /// them. Text never passes: JSON starts with neither <c>x</c> nor anything else this could match.
    /// </summary>
    private static bool IsZlib(byte[] stored) =>
        stored.Length >= 2 && stored[0] == ZlibHeader && ((stored[0] << 8) | stored[1]) % 31 == 0;

    public static string Inflate(byte[] stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (!IsZlib(stored))
        {
            return Encoding.UTF8.GetString(stored);
        }

        using var zlib = new ZLibStream(new MemoryStream(stored, writable: false), CompressionMode.Decompress);
        using var text = new MemoryStream(capacity: stored.Length * 6);
        zlib.CopyTo(text);
        return Encoding.UTF8.GetString(text.GetBuffer(), 0, (int)text.Length);
    }
}
