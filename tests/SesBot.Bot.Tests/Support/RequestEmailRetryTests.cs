using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using SesBot.Bot.Cards;
using SesBot.Bot.Channels.Teams;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Pipeline.Outbox;
using SesBot.Bot.Tests.Dialogs.Support;
using SesBot.Core.Domain;
using SesBot.Core.Email;
using SesBot.Core.Outbox;
using SesBot.Core.Persistence;
using SesBot.Core.Tests.Support;
using SesBot.Core.Workflow;

namespace SesBot.Bot.Tests.Support;

/// <summary>
/// The unlink email fails for good (SesBot points at a port where no mail server listens), the reseller sees why on
/// the status card and sends it again from there once the mail server is fixed; a real SMTP server (smtp4dev on
/// 127.0.0.1) then gets exactly one email, in the chosen language, with both MIME parts.
/// </summary>
public sealed class RequestEmailRetryTests : IAsyncLifetime
{
    private const string EndCustomer = "it@adventure-works.example";
    private readonly Smtp4devServer _smtp = new();
    private Dictionary<string, string?> _settings = [];
    private DialogHost _host = null!;

    public async Task InitializeAsync()
    {
        await _smtp.InitializeAsync();
        _settings = Settings(Smtp4devServer.FreePort()); // nothing listens there
        _host = await DialogHost.StartAsync(settings: _settings, configure: services => services
            .AddSesBotEmailOutbox(new ConfigurationBuilder().AddInMemoryCollection(_settings).Build())
            .AddScoped<DatabaseWrites>());
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task Retry_FailedThenMailServerFixed_SentOnceFromTheCard()
    {
        var alex = new DialogTranscript(_host, Person.Alex);
        var id = await SubmitUnlinkAsync(alex, "de");

        // Two attempts (Outbox:MaxAttempts), both refused a connection: failed for good.
        await DispatchAsync();
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        await DispatchAsync();
        var first = Assert.Single(await EmailRowsAsync());
        Assert.Equal((OutboxStatus.Failed, 2), (first.Status, first.Attempts));

        var failed = await alex.Send($"status {id}")
            .AssertBadge("Status: Submitted, sending the instructions failed")
            .AssertFact("Instructions email", "sending failed: Gave up after 2 attempts: no connection to the mail server")
            .AssertFact("Instructions email", $"(was to {EndCustomer} in German)")
            .AssertAction(ActionIds.RetryEmail, DataKeys.EmailMessageId, first.Id.ToString(CultureInfo.InvariantCulture))
            .AssertAction(ActionIds.CancelRequest);
        var rendered = await AdaptiveCardsRenderer.ValidateAsync(new TeamsReplyRenderer().ToCard(failed.Replies[^1]));
        Assert.True(rendered.Valid, rendered.ToString());

        // Only the reseller's own staff may send it again: support is told so, another reseller finds no such request.
        var data = Data(failed);
        await alex.As(Person.Megan).Forge(ActionIds.RetryEmail, data).AssertText("Not sent again: Only the reseller's own staff");
        await alex.As(Person.Adele).Forge(ActionIds.RetryEmail, data).AssertText($"I can't find a request {id} among yours.");
        Assert.Single(await EmailRowsAsync());

        // An operator points SesBot at the real mail server; the bot restarts on the same database.
        _settings = Settings(_smtp.SmtpPort);
        await _host.RestartAsync(_settings);

        // Two clicks at once on the same card, then a third later: one new attempt.
        var clicks = await Task.WhenAll(alex.ClickFrom(failed, ActionIds.RetryEmail), alex.ClickFrom(failed, ActionIds.RetryEmail));
        Assert.Contains(clicks, c => c.Lines.Any(l => l.Contains($"queued to be sent to {EndCustomer} again", StringComparison.Ordinal)));
        Assert.All(clicks, c => c.AssertFact("Instructions email", $"queued for sending to {EndCustomer} in German").AssertNoAction(ActionIds.RetryEmail));
        await alex.ClickFrom(failed, ActionIds.RetryEmail).AssertText("already queued again");
        var rows = await EmailRowsAsync();
        Assert.Equal(2, rows.Count);
        Assert.Equal((UnlinkInstructionsOutbox.RetryKeyFor(id, first.Id), OutboxStatus.Pending), (rows[1].IdempotencyKey, rows[1].Status));

        Assert.Equal(1, await DispatchAsync());

        var sent = (await EmailRowsAsync())[1];
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        var messageId = JsonDocument.Parse(sent.ResultJson!).RootElement.GetProperty("messageId").GetString();
        var email = await _smtp.WaitForMessageAsync(messageId);
        Assert.Equal(EndCustomer, email.To.Mailboxes.Single().Address);
        Assert.Equal(["text/plain", "text/html"], email.BodyParts.OfType<TextPart>().Select(p => p.ContentType.MimeType));
        using var raw = new MemoryStream();
        await email.WriteToAsync(raw);
        Assert.Contains("Content-Language: de", System.Text.Encoding.UTF8.GetString(raw.ToArray()), StringComparison.Ordinal);
        Assert.Contains("345678901234", email.TextBody, StringComparison.Ordinal);
        Assert.Equal(1, await _smtp.CountForAsync(EndCustomer));

        Assert.Equal(RequestStatus.InstructionsSent, (await _host.DbAsync(db => db.RemovalRequests.AsNoTracking().SingleAsync())).Status);
        await alex.Send($"status {id}")
            .AssertFact("Instructions email", $"sent to {EndCustomer} in German")
            .AssertText($"Alex Wilber asked SesBot to send the unlink instructions again ({id}).")
            .AssertNoAction(ActionIds.RetryEmail);
        Assert.Equal(0, await DispatchAsync());
    }

    [Fact]
    public async Task Retry_EmailNotFailed_NothingQueued()
    {
        var alex = new DialogTranscript(_host, Person.Alex);
        var id = await SubmitUnlinkAsync(alex, "en");
        var queued = Assert.Single(await EmailRowsAsync());

        await alex.Forge(ActionIds.RetryEmail, (DataKeys.RequestId, id), (DataKeys.EmailMessageId, queued.Id.ToString(CultureInfo.InvariantCulture)))
            .AssertText("Not sent again: The instructions email has not failed");

        Assert.Single(await EmailRowsAsync());
        Assert.Empty(await _host.DbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Action == InstructionsEmailRetry.AuditAction).ToListAsync()));
    }

    private static Dictionary<string, string?> Settings(int smtpPort) => new()
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
        ["Smtp:From"] = "sesbot@northwind.example",
        ["Smtp:Security"] = "None",
        ["Smtp:Timeout"] = "00:00:10",
        ["Outbox:MaxAttempts"] = "2",
        ["Outbox:BaseDelay"] = "00:00:10",
    };

    private static (string Key, string Value)[] Data(Turn card) =>
        [.. card.FindAction(ActionIds.RetryEmail)!.Data!.Select(d => (d.Key, d.Value))];

    private static async Task<string> SubmitUnlinkAsync(DialogTranscript alex, string language)
    {
        await alex.Send("remove account");
        await alex.Click(ActionIds.SelectCustomer, (DataKeys.CustomerId, "c-adventure"));
        await alex.Click(ActionIds.SelectAccount, (DataKeys.AccountId, "a-adventure-web"));
        await alex.Click(ActionIds.ChooseOption, (DataKeys.Option, nameof(RemovalOption.AwsSelfUnlink)));
        var turn = await alex.Click(ActionIds.SubmitUnlink, (DataKeys.EndCustomerEmail, EndCustomer), (DataKeys.Language, language)).AssertText("is submitted");
        return turn.ActionValue(ActionIds.RefreshStatus, DataKeys.RequestId);
    }

    private Task<int> DispatchAsync() => _host.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);

    private Task<List<OutboxMessage>> EmailRowsAsync() => _host.DbAsync(db => db.OutboxMessages.AsNoTracking()
        .Where(m => m.Kind == UnlinkInstructionsOutbox.Kind).OrderBy(m => m.Id).ToListAsync());
}
