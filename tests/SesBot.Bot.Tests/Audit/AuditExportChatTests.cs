using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Bot.Pipeline;
using SesBot.Bot.Tests.Dialogs.Support;
using SesBot.Core.Persistence;

namespace SesBot.Bot.Tests.Audit;

/// <summary>
/// "export audit" typed in chat answers an admin with a signed link that the real bot (Kestrel on 127.0.0.1) serves
/// over HTTP until it expires; filters by reseller and UTC days; anyone else is refused.
/// </summary>
public sealed partial class AuditExportChatTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sesbot-audit-chat-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = AuditExportHost.ClockBeforeMidnight();
    private AuditExportHost _host = null!;

    public async Task InitializeAsync() => _host = await AuditExportHost.StartAsync(_folder, _clock);

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task ExportAudit_Admin_LinkDownloadsTheCsvOverHttpUntilItExpires()
    {
        var reply = await SayAsync(Person.Isaiah, "export audit");
        var url = LinkIn(reply);
        Assert.Contains("Events of every reseller, all time", Text(reply), StringComparison.Ordinal);
        Assert.StartsWith(_host.CreateClient().BaseAddress!.GetLeftPart(UriPartial.Authority) + "/exports/audit/", url.ToString(), StringComparison.Ordinal);
        using var client = _host.CreateClient();

        using (var response = await client.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var csv = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
            Assert.Contains("R-PAYER1", csv, StringComparison.Ordinal);
            Assert.Contains("R-FABR01", csv, StringComparison.Ordinal);
            Assert.Contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",", csv, StringComparison.Ordinal); // neutralised
        }

        _clock.Advance(TimeSpan.FromMinutes(15));
        using var expired = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("link_expired", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportAudit_ForAResellerAndDays_OnlyTheirEventsOfThoseDays()
    {
        var today = _clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var yesterday = _clock.GetUtcNow().UtcDateTime.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var client = _host.CreateClient();

        var northwind = await SayAsync(Person.Isaiah, $"export audit for northwind from {today} to {today}");
        Assert.Contains("Events of Northwind Cloud Partners", Text(northwind), StringComparison.Ordinal);
        var csv = await client.GetStringAsync(LinkIn(northwind));
        Assert.Contains("R-PAYER1", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("R-FABR01", csv, StringComparison.Ordinal);

        var before = await SayAsync(Person.Isaiah, $"export audit for Fabrikam IT Services to {yesterday}");
        var lines = (await client.GetStringAsync(LinkIn(before))).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines); // the header only

        Assert.Contains("no single reseller", Text(await SayAsync(Person.Isaiah, "export audit for Contoso")), StringComparison.Ordinal);
        Assert.Contains("didn't understand", Text(await SayAsync(Person.Isaiah, "export audit from yesterday")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportAudit_NotAnAdmin_NoLink()
    {
        foreach (var person in new[] { Person.Alex, Person.Megan })
        {
            var reply = await SayAsync(person, "export audit");
            Assert.Equal("Only SES admins can export the audit log.", Text(reply));
            Assert.DoesNotContain("/exports/audit/", Text(reply), StringComparison.Ordinal);
        }
    }

    /// <summary>One typed message through the bot's own turn pipeline, as the person in their personal chat.</summary>
    private async Task<Reply> SayAsync(Person person, string text)
    {
        var input = new TurnInput
        {
            Channel = "msteams",
            ConversationKey = person.ConversationKey,
            TenantKey = person.TenantKey,
            UserKey = person.UserKey,
            UserName = person.Name,
            ChannelUserId = "29:" + person.UserKey,
            Text = text,
        };
        var response = await _host.Services.GetRequiredService<TurnPipeline>().RunAsync(
            new TurnRequest { Channel = input.Channel, ConversationKey = input.ConversationKey, Kind = TurnKind.Dialog, Input = input, Route = NoRoute.Instance },
            CancellationToken.None);
        return Assert.Single(response.Result!.Replies);
    }

    private static string Text(Reply reply) => string.Join("\n", reply.Blocks.OfType<ParagraphBlock>().Select(p => p.Text));

    private static Uri LinkIn(Reply reply) =>
        new(Link().Match(Text(reply)) is { Success: true } m ? m.Value : throw new Xunit.Sdk.XunitException($"No link in:\n{Text(reply)}"));

    [GeneratedRegex(@"https?://\S+/exports/audit/\S+")]
    private static partial Regex Link();
}
