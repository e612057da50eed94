using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SesBot.Core.Conversations;
using SesBot.Core.Persistence;

namespace SesBot.Core.Tests.Persistence;

/// <summary>
/// On SQLite a delivery record keeps its invoke answer deflated: the record of a turn fits on one page with its
/// neighbours instead of taking an overflow page (and the header page) on every commit. Read back, the answer is the
/// text that was given, answers kept as text before the change still read, and going back to the migration before
/// forgets the deflated ones rather than handing them to code that would read them as text.
/// </summary>
public sealed class DeflatedInvokeAnswersTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 5, 22, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken Ct = CancellationToken.None;

    /// <summary>An invoke answer the size of the account list card (about 5 KB), with text that is not ASCII.</summary>
    private static readonly string CardAnswer = "{\"statusCode\":200,\"type\":\"application/vnd.microsoft.card.adaptive\",\"value\":{\"type\":\"AdaptiveCard\",\"body\":["
        + string.Join(',', Enumerable.Range(0, 60).Select(i => $"{{\"type\":\"TextBlock\",\"text\":\"AWS 30000000{i:D4} · Müller & Söhne workload {i}\",\"wrap\":true}}"))
        + "]}}";

    [Fact]
    public async Task Answer_StoredDeflatedOnOnePage_ReadBackAsGiven()
    {
        Assert.True(Encoding.UTF8.GetByteCount(CardAnswer) > 4096, "the answer must be larger than a page for this test to mean anything");
        await using var file = await MigratedSqliteFile.CreateAsync("deflated");
        var pagesBefore = (await file.RowsAsync("PRAGMA page_count"))[0][0];
        await using (var scope = file.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
            var turn = Ledger(scope, db).Record("msteams", "conv-1", "a-1"); // untracked, as a turn writes it
            turn.ResponseJson = CardAnswer;
            db.InboundDeliveries.Add(new InboundDelivery("msteams", "conv-1", "a-2", At) { ResponseJson = CardAnswer }); // tracked: the same mapping
            await db.SaveChangesAsync(Ct);
        }

        var stored = await file.RowsAsync("SELECT typeof(ResponseJson), length(ResponseJson) FROM InboundDeliveries ORDER BY DeliveryKey");
        Assert.All(stored, row =>
        {
            Assert.Equal("blob", row[0]);
            Assert.InRange((long)row[1]!, 1, Encoding.UTF8.GetByteCount(CardAnswer) / 3);
        });
        Assert.Equal(2, stored.Count);

        // Both records went onto the table's one page: the file did not grow (as text, each took an overflow page).
        Assert.Equal(pagesBefore, (await file.RowsAsync("PRAGMA page_count"))[0][0]);

        await using var read = file.Services.CreateAsyncScope();
        var ledger = Ledger(read, read.ServiceProvider.GetRequiredService<SesBotDbContext>());
        Assert.Equal(CardAnswer, (await ledger.FindAsync("msteams", "conv-1", "a-1", Ct))?.ResponseJson);
        Assert.Equal(CardAnswer, (await ledger.FindAsync("msteams", "conv-1", "a-2", Ct))?.ResponseJson);
    }

    [Fact]
    public async Task Migration_AnswersKeptAsText_StillRead()
    {
        await using var file = await MigratedSqliteFile.CreateAsync("deflated-migration", "20261205143350_DeliveriesInKeyOrder"); // the one before
        await file.ExecuteAsync(
            "INSERT INTO InboundDeliveries (Id, Channel, ConversationKey, DeliveryKey, ReceivedAt, ResponseJson) VALUES (4, 'msteams', 'conv-1', 'old', $at, $answer), (5, 'msteams', 'conv-1', 'none', $at, NULL)",
            ("$answer", CardAnswer),
            ("$at", new DateTimeOffsetToBinaryConverter().ConvertToProvider(At)));

        await using var scope = file.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
        await db.Database.MigrateAsync(Ct);
        var ledger = Ledger(scope, db);
        Assert.Equal(CardAnswer, (await ledger.FindAsync("msteams", "conv-1", "old", Ct))?.ResponseJson);
        var none = await ledger.FindAsync("msteams", "conv-1", "none", Ct);
        Assert.NotNull(none);
        Assert.Null(none.ResponseJson);
        Assert.Equal([["text", 4L], ["null", 5L]], await file.RowsAsync("SELECT typeof(ResponseJson), Id FROM InboundDeliveries ORDER BY Id"));
    }

    [Fact]
    public async Task MigrationBack_ForgetsDeflatedAnswers_KeepsText()
    {
        await using var file = await MigratedSqliteFile.CreateAsync("deflated-down");
        await using (var scope = file.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SesBotDbContext>();
            db.Insert(new InboundDelivery("msteams", "conv-1", "new", At) { ResponseJson = CardAnswer });
            await db.SaveChangesAsync(Ct);
        }

        await file.ExecuteAsync("INSERT INTO InboundDeliveries (Channel, ConversationKey, DeliveryKey, ReceivedAt, ResponseJson) VALUES ('msteams', 'conv-1', 'old', 1, '{\"kept\":true}')");

        await using (var scope = file.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SesBotDbContext>().GetService<IMigrator>().MigrateAsync("20261205143350_DeliveriesInKeyOrder", Ct);
        }

        // The code of before reads the column as text: a deflated answer would reach Teams as garbage, so it is gone.
        Assert.Equal(
            [["new", null], ["old", "{\"kept\":true}"]],
            await file.RowsAsync("SELECT DeliveryKey, ResponseJson FROM InboundDeliveries ORDER BY DeliveryKey"));
        Assert.Contains("\"ResponseJson\" TEXT", (string)(await file.RowsAsync("SELECT sql FROM sqlite_master WHERE name = 'InboundDeliveries'"))[0][0]!, StringComparison.Ordinal);
    }

    [Fact]
    public void Converter_DeflatesToZlib_AndReadsTextAsText()
    {
        var deflated = DeflatedJsonConverter.Deflate(CardAnswer);
        Assert.Equal(0x78, deflated[0]); // the zlib header: what marks a deflated value
        Assert.Equal(CardAnswer, Encoding.UTF8.GetString(ZLibDecompress(deflated))); // a standard zlib stream, readable by any inflater
        Assert.Equal(CardAnswer, DeflatedJsonConverter.Inflate(deflated));
        Assert.Equal("{\"a\":\"é\"}", DeflatedJsonConverter.Inflate(Encoding.UTF8.GetBytes("{\"a\":\"é\"}")));
        Assert.Equal(string.Empty, DeflatedJsonConverter.Inflate([]));
        Assert.Equal("xyz", DeflatedJsonConverter.Inflate("xyz"u8.ToArray())); // an x alone is not a zlib header: its check bits do not match
    }

    [Fact]
    public void Converter_DamagedStream_Throws()
    {
        var deflated = DeflatedJsonConverter.Deflate(CardAnswer);
        deflated[^1] ^= 0xFF; // the Adler-32 check no longer matches
        Assert.ThrowsAny<InvalidDataException>(() => DeflatedJsonConverter.Inflate(deflated));
    }

    private static DeliveryLedger Ledger(AsyncServiceScope scope, SesBotDbContext db) =>
        new(db, new FakeTimeProvider(At), new DatabaseWrites(scope.ServiceProvider));

    private static byte[] ZLibDecompress(byte[] data)
    {
        using var zlib = new ZLibStream(new MemoryStream(data), CompressionMode.Decompress);
        using var output = new MemoryStream();
        zlib.CopyTo(output);
        return output.ToArray();
    }
}
