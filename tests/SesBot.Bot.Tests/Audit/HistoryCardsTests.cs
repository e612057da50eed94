using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SesBot.Bot.Audit;
using SesBot.Bot.Cards;
using SesBot.Bot.Channels.Teams;
using SesBot.Bot.Channels.Teams.AdaptiveCards;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Bot.Tests.Support;
using SesBot.Core.Audit;
using SesBot.Core.Domain;

namespace SesBot.Bot.Tests.Audit;

/// <summary>An account's history told in sentences, from the real database through <see cref="AccountHistory"/>.</summary>
public sealed class HistoryCardsTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sesbot-history-" + Guid.NewGuid().ToString("N"));
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

    [Fact]
    public async Task Timeline_ResellersOwnAccount_TellsWhatPeopleDid()
    {
        var timeline = await FindAsync(AuditExportHost.ResellerActorId, "3456-7890-1234");
        Assert.NotNull(timeline);

        var reply = HistoryCards.Timeline(timeline);

        Assert.Equal("History of AWS 345678901234", Assert.IsType<HeadingBlock>(reply.Blocks[0]).Text);
        var events = Assert.IsType<FactsBlock>(reply.Blocks[^1]).Facts;
        Assert.Equal(
            ["Alex Wilber asked to remove the account from the payer organization (R-PAYER1).", "Megan Bowen accepted the request (R-PAYER1)."],
            events.Select(f => f.Value));
        Assert.All(events, f => Assert.EndsWith(" UTC", f.Label, StringComparison.Ordinal));
        Assert.DoesNotContain("AwsRemoveFromPayer", Everything(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timeline_RejectedWithANote_QuotesTheNote()
    {
        var timeline = await FindAsync(AuditExportHost.ResellerActorId, "0b7e4d2c-1f3a-4b5c-8d9e-a1b2c3d4e5f6");

        var events = Assert.IsType<FactsBlock>(HistoryCards.Timeline(timeline!).Blocks[^1]).Facts;

        Assert.Equal("Alex Wilber asked to suspend the subscription (R-SUSP01).", events[0].Value);
        Assert.Equal("Megan Bowen rejected the request: \"=HYPERLINK(\"http://evil.example\",\"x\")\" (R-SUSP01).", events[1].Value);
    }

    [Fact]
    public async Task Timeline_AnotherResellersAccount_IsNotFound()
    {
        Assert.Null(await FindAsync("msteams:00000000-0000-0000-0000-0000000000001:00000000-0000-0000-0000-0000000000022", "345678901234"));
        Assert.Equal("I can't find an account \"345678901234\" among yours. Type an AWS account number (12 digits) or an Azure subscription id.",
            HistoryCards.NotFound(" 345678901234 ").Summary);
    }

    [Fact]
    public async Task Replies_RenderedForTeams_AreValidAdaptiveCards()
    {
        var timeline = await FindAsync(AuditExportHost.ResellerActorId, "0b7e4d2c-1f3a-4b5c-8d9e-a1b2c3d4e5f6");
        var link = new AuditExportLink(new Uri("http://127.0.0.1:3978/exports/audit/token"), DateTimeOffset.UnixEpoch);
        var renderer = new TeamsReplyRenderer();

        var results = await AdaptiveCardsRenderer.ValidateManyAsync(
        [
            new KeyValuePair<string, AdaptiveCard>("timeline", renderer.ToCard(HistoryCards.Timeline(timeline!))),
            new KeyValuePair<string, AdaptiveCard>("export", renderer.ToCard(HistoryCards.ExportReady(link))),
        ]);

        Assert.All(results, r => Assert.True(r.Valid, r.ToString()));
    }

    [Theory]
    [MemberData(nameof(EveryMove))]
    public void Sentence_EveryRequestMove_IsPlainEnglish(RemovalOption kind, string action)
    {
        var entry = Entry(nameof(RemovalRequest), action, kind);

        var sentence = HistoryCards.Sentence(entry);

        Assert.StartsWith("Megan Bowen ", sentence, StringComparison.Ordinal);
        Assert.EndsWith("(R-ABC123).", sentence, StringComparison.Ordinal);
        Assert.DoesNotContain("recorded", sentence, StringComparison.Ordinal);
        Assert.DoesNotContain(action == "Submitted" ? "Submitted" : action, sentence, StringComparison.Ordinal);
        Assert.DoesNotContain(kind.ToString(), sentence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Deleted", "Megan Bowen deleted the account from SES (R-ABC123).")]
    [InlineData("Suspended", "Megan Bowen suspended the subscription (R-ABC123).")]
    [InlineData("Restored", "Megan Bowen restored the account (R-ABC123).")]
    [InlineData("Departed", "Megan Bowen recorded that the account left the distributor (R-ABC123).")]
    public void Sentence_AccountEvents_ArePlainEnglish(string action, string expected)
    {
        Assert.Equal(expected, HistoryCards.Sentence(Entry(nameof(CloudAccount), action, null)));
    }

    [Fact]
    public void Timeline_LongHistory_ShowsTheLatestAndSaysSo()
    {
        var account = new CloudAccount("a-1", "c-1", CloudProvider.Aws, "123456789012", "Prod", AccountOrigin.CustomerOwned, DateTimeOffset.UnixEpoch);
        var entries = Enumerable.Range(0, HistoryCards.MaxEvents + 5)
            .Select(i => Entry(nameof(RemovalRequest), i % 2 == 0 ? "Submitted" : "Cancel", RemovalOption.AwsSelfUnlink) with { EventId = i, At = DateTimeOffset.UnixEpoch.AddDays(i) })
            .ToList();

        var reply = HistoryCards.Timeline(new AccountTimeline(account, new Customer("c-1", "r-1", "Contoso"), new Reseller("r-1", "Northwind"), entries));

        Assert.Contains(reply.Blocks, b => b is ParagraphBlock p && p.Text == $"The latest {HistoryCards.MaxEvents} of {HistoryCards.MaxEvents + 5} events; an SES admin can export them all.");
        var shown = Assert.IsType<FactsBlock>(reply.Blocks[^1]).Facts;
        Assert.Equal(HistoryCards.MaxEvents, shown.Count);
        Assert.Equal(Texts.Instant(entries[^1].At), shown[^1].Label);
    }

    public static TheoryData<RemovalOption, string> EveryMove()
    {
        var data = new TheoryData<RemovalOption, string>();
        foreach (var kind in Enum.GetValues<RemovalOption>())
        {
            data.Add(kind, "Submitted");
            foreach (var trigger in RemovalRequest.TransitionsOf(kind).Keys.Select(k => k.Trigger).Distinct())
            {
                data.Add(kind, trigger.ToString());
            }
        }

        return data;
    }

    [Fact]
    public void Sentence_InstructionsEmailedBySesBot_SaysWhereTheyWent()
    {
        var entry = Entry(nameof(RemovalRequest), nameof(RequestTrigger.SendInstructions), RemovalOption.AwsSelfUnlink) with
        {
            ActorId = Actor.System.Id,
            ActorName = Actor.System.DisplayName,
            Note = "Emailed to it@example.com in German",
        };

        Assert.Equal("SesBot emailed the unlink instructions to it@example.com in German (R-ABC123).", HistoryCards.Sentence(entry));
    }

    [Theory]
    [InlineData("Cancelled by the requester.", "Alex Wilber cancelled the request (R-ABC123).")]
    [InlineData("The customer changed their mind.", "Alex Wilber cancelled the request: \"The customer changed their mind.\" (R-ABC123).")]
    public void Sentence_Cancel_NoteOnlyWhenItSaysMore(string note, string expected)
    {
        var entry = Entry(nameof(RemovalRequest), nameof(RequestTrigger.Cancel), RemovalOption.AzureSuspend) with { ActorName = "Alex Wilber", Note = note };

        Assert.Equal(expected, HistoryCards.Sentence(entry));
    }

    private static AuditEntry Entry(string entityType, string action, RemovalOption? kind) => new()
    {
        EventId = 1,
        At = DateTimeOffset.UnixEpoch,
        Action = action,
        ActorId = "msteams:t:megan",
        ActorName = "Megan Bowen",
        ActorRole = Role.SupportAgent,
        EntityType = entityType,
        EntityId = "x",
        RequestId = "R-ABC123",
        RequestKind = kind,
    };

    private static string Everything(Reply reply) => string.Join('\n', reply.Blocks.Select(b => b switch
    {
        HeadingBlock h => h.Text,
        ParagraphBlock p => p.Text,
        FactsBlock f => string.Join('\n', f.Facts.Select(x => x.Label + ": " + x.Value)),
        _ => string.Empty,
    }));

    private async Task<AccountTimeline?> FindAsync(string actorId, string typed)
    {
        var actor = await _host.ActorAsync(actorId);
        await using var scope = _host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AccountHistory>().FindAsync(actor, typed);
    }
}
