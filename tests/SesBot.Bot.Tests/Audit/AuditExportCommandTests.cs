using Microsoft.Extensions.Time.Testing;
using SesBot.Bot.Cli;
using SesBot.Core.Audit;
using SesBot.Core.Persistence;

namespace SesBot.Bot.Tests.Audit;

/// <summary>The <c>audit export</c> command on the bot's own services and database: the same CSV as the download link.</summary>
public sealed class AuditExportCommandTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sesbot-audit-cli-" + Guid.NewGuid().ToString("N"));
    private AuditExportHost _host = null!;

    public async Task InitializeAsync() => _host = await AuditExportHost.StartAsync(_folder, AuditExportHost.ClockBeforeMidnight());

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData(DemoData.NorthwindResellerId)]
    [InlineData("fabrikam it services")]
    public async Task Run_SameFilterAsALink_WritesTheSameBytes(string? reseller)
    {
        var resellerId = reseller switch
        {
            null => null,
            "fabrikam it services" => DemoData.FabrikamResellerId,
            _ => reseller,
        };
        var day = _host.Clock.GetUtcNow().UtcDateTime.Date;
        var from = new DateTimeOffset(day.AddDays(-1), TimeSpan.Zero);
        var to = new DateTimeOffset(day.AddDays(1), TimeSpan.Zero);
        var admin = await _host.ActorAsync(AuditExportHost.AdminActorId);
        var link = _host.Links.Create(admin, new AuditFilter(resellerId, from, to), TimeSpan.FromMinutes(5))!;
        using var client = _host.CreateClient();
        var downloaded = await client.GetByteArrayAsync(link.Url);
        var file = Path.Combine(_folder, "export.csv");
        string[] args = ["audit", "export", "--from", Day(from), "--to", Day(to), "--out", file];
        if (reseller is not null)
        {
            args = [.. args, "--reseller", reseller];
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await AuditExportCommand.RunAsync(args, _host.Services, output, error);

        Assert.Equal(AuditExportCommand.Written, exit);
        Assert.Equal(downloaded, await File.ReadAllBytesAsync(file));
        var rows = downloaded.Count(b => b == (byte)'\n') - 1;
        Assert.True(rows > 0);
        Assert.StartsWith($"Wrote {rows} audit events to {file}", output.ToString(), StringComparison.Ordinal);
        Assert.Empty(error.ToString());
    }

    [Fact]
    public async Task Run_DaysBeforeAnyEvent_WritesOnlyTheHeader()
    {
        var file = Path.Combine(_folder, "empty.csv");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await AuditExportCommand.RunAsync(["audit", "export", "--from", "2001-01-01", "--to", "2001-02-01", "--out", file], _host.Services, output, error);

        Assert.Equal(AuditExportCommand.Written, exit);
        var text = await File.ReadAllTextAsync(file);
        Assert.Equal(string.Join(',', AuditCsvWriter.Columns) + "\r\n", text.TrimStart('\uFEFF'));
    }

    [Theory]
    [InlineData("audit", "export")]
    [InlineData("audit", "export", "--out")]
    [InlineData("audit", "export", "--out", "x.csv", "--from", "01/02/2026")]
    [InlineData("audit", "export", "--out", "x.csv", "--from", "2026-02-01", "--to", "2026-02-01")]
    [InlineData("audit", "export", "--out", "x.csv", "--since", "2026-02-01")]
    [InlineData("audit", "export", "--out", "x.csv", "--reseller", "No Such Reseller")]
    [InlineData("audit", "import", "--out", "x.csv")]
    public async Task Run_WrongCommandLine_ExplainsAndWritesNothing(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var cwd = Directory.GetCurrentDirectory();

        var exit = await AuditExportCommand.RunAsync(args, _host.Services, output, error);

        Assert.Equal(AuditExportCommand.BadUsage, exit);
        Assert.NotEmpty(error.ToString()); // refusals and what to do go to stderr, as the check commands' do
        Assert.Empty(output.ToString());
        Assert.False(File.Exists(Path.Combine(cwd, "x.csv")));
    }

    [Fact]
    public async Task Run_OutputFolderMissing_FailsWithTheReason()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await AuditExportCommand.RunAsync(["audit", "export", "--out", Path.Combine(_folder, "no", "such", "dir.csv")], _host.Services, output, error);

        Assert.Equal(AuditExportCommand.Failed, exit);
        Assert.StartsWith("The export failed:", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(output.ToString());
    }

    [Fact]
    public void Matches_OnlyAuditExport()
    {
        Assert.True(AuditExportCommand.Matches(["audit", "export", "--out", "x.csv"]));
        Assert.False(AuditExportCommand.Matches(["--urls", "http://127.0.0.1:5000"]));
        Assert.False(AuditExportCommand.Matches(["aws", "check"]));
    }

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
