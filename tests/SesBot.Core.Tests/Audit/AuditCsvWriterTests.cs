using System.Text;
using SesBot.Core.Audit;
using SesBot.Core.Domain;
using SesBot.Core.Tests.Support;

namespace SesBot.Core.Tests.Audit;

/// <summary>RFC 4180 output, the byte order mark, and fields a spreadsheet would run as formulas.</summary>
public sealed class AuditCsvWriterTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("line\r\nbreak", "\"line\r\nbreak\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    [InlineData("carriage\rreturn", "\"carriage\rreturn\"")]
    [InlineData("", "")]
    [InlineData(null, "")]
    [InlineData("R-ABC123", "R-ABC123")]
    [InlineData("Re-check; customer-owned", "Re-check; customer-owned")]
    public void Escape_OrdinaryFields_QuotedOnlyWhenNeeded(string? value, string expected)
    {
        Assert.Equal(expected, AuditCsvWriter.Escape(value));
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1:A9)", "'@SUM(A1:A9)")]
    [InlineData("\t=1+1", "'\t=1+1")]
    [InlineData("\r=1+1", "\"'\r=1+1\"")]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"x\")", "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"")]

    // Text that only looks like a negative number is neutralised too: the rule is by first character, and the
    // reader still sees the whole text after the quote.
    [InlineData("-5 days before month end, as agreed", "\"'-5 days before month end, as agreed\"")]
    public void Escape_FormulaStarts_AreNeutralisedWithAQuote(string value, string expected)
    {
        Assert.Equal(expected, AuditCsvWriter.Escape(value));
    }

    [Fact]
    public async Task Write_Entries_Rfc4180WithBomHeaderAndCrlf()
    {
        var entry = new AuditEntry
        {
            EventId = 42,
            At = new DateTimeOffset(2027, 3, 1, 10, 15, 30, 123, TimeSpan.FromHours(2)),
            Action = "Reject",
            ActorId = "msteams:t:u",
            ActorName = "Megan Bowen",
            ActorRole = Role.SupportAgent,
            EntityType = nameof(RemovalRequest),
            EntityId = "R-AAA111",
            RequestId = "R-AAA111",
            RequestKind = RemovalOption.AwsRemoveFromPayer,
            ResellerId = "r-1",
            ResellerName = "Northwind",
            CustomerId = "c-1",
            CustomerName = "Contoso, \"Ltd\"",
            AccountId = "a-1",
            Provider = CloudProvider.Aws,
            AccountExternalId = "123456789012",
            FromStatus = RequestStatus.Submitted,
            ToStatus = RequestStatus.Rejected,
            Note = "=1+1\r\nsecond line",
            Details = "Submitted -> Rejected: =1+1\r\nsecond line",
        };
        using var output = new MemoryStream();

        var count = await AuditCsvWriter.WriteAsync(ToAsync([entry]), output);

        var bytes = output.ToArray();
        Assert.Equal(1, count);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.StartsWith("Time (UTC),Event id,Request,Request kind,Reseller id,Reseller,Customer id,Customer,Provider,Account,Event,From status,To status,Actor,Actor role,Actor id,Note,Details\r\n", text, StringComparison.Ordinal);
        var records = Rfc4180.Parse(text);
        Assert.Equal(2, records.Count);
        Assert.All(records, r => Assert.Equal(AuditCsvWriter.Columns.Count, r.Count));
        Assert.Equal(
            ["2027-03-01T08:15:30.123Z", "42", "R-AAA111", "AwsRemoveFromPayer", "r-1", "Northwind", "c-1", "Contoso, \"Ltd\"", "AWS", "123456789012",
             "Reject", "Submitted", "Rejected", "Megan Bowen", "SupportAgent", "msteams:t:u", "'=1+1\r\nsecond line", "Submitted -> Rejected: =1+1\r\nsecond line"],
            records[1]);
    }

    [Fact]
    public async Task Write_SeededLog_EveryRowParsesAndNoFieldStartsAFormula()
    {
        await using var database = await AuditLogSeed.CreateAsync();
        await using var db = database.CreateContext();
        using var output = new MemoryStream();

        var count = await AuditCsvWriter.WriteAsync(new AuditLogQuery(db).ReadAsync(TestData.Admin, AuditFilter.Everything), output);

        var records = Rfc4180.Parse(Encoding.UTF8.GetString(output.ToArray()).TrimStart('\uFEFF'));
        Assert.Equal(count + 1, records.Count);
        Assert.Equal(AuditLogSeed.NorthwindEvents + AuditLogSeed.FabrikamEvents + AuditLogSeed.UnscopedEvents, count);
        Assert.All(records.SelectMany(r => r), f => Assert.False(f.Length > 0 && AuditCsvWriter.IsFormulaStart(f[0]), f));
        var rejected = Assert.Single(records, r => r[10] == "Reject");
        Assert.Equal("'" + AuditLogSeed.RejectNote, rejected[16]);
        Assert.Equal("Contoso, \"Ltd\"", rejected[7]);
    }

    private static async IAsyncEnumerable<AuditEntry> ToAsync(IEnumerable<AuditEntry> entries)
    {
        foreach (var entry in entries)
        {
            await Task.Yield();
            yield return entry;
        }
    }
}
