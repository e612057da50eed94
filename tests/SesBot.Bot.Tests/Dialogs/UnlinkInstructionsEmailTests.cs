using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using SesBot.Bot.Cards;
using SesBot.Bot.Channels.Teams;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Bot.Pipeline.Outbox;
using SesBot.Bot.Tests.Dialogs.Support;
using SesBot.Bot.Tests.Support;
using SesBot.Core.Domain;
using SesBot.Core.Email;
using SesBot.Core.Outbox;
using SesBot.Core.Persistence;

namespace SesBot.Bot.Tests.Dialogs;

/// <summary>
/// Unlink instructions are really emailed: the submit queues an outbox message in its own commit, the outbox handler
/// composes and sends it (a pickup folder of .eml files, or a real SMTP server on 127.0.0.1), and only then does the
/// request become "instructions sent". The cards say at each point what really happened.
/// </summary>
public sealed class UnlinkInstructionsEmailTests : IAsyncLifetime
{
    private const string EndCustomer = "it@adventure-works.example";
    private readonly string _pickup = Directory.CreateTempSubdirectory("sesbot-pickup-").FullName;
    private LoopbackSmtpServer? _smtp;
    private DialogHost _host = null!;
    private DialogTranscript _alex = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        if (_smtp is not null)
        {
            await _smtp.DisposeAsync();
        }

        Directory.Delete(_pickup, recursive: true);
    }

    [Fact]
    public async Task Unlink_Submitted_QueuedNotSentThenEmailedAndStatusInstructionsSent()
    {
        await StartAsync(smtp: false);

        await SubmitUnlinkAsync("de")
            .AssertStatus(TurnStatus.Complete)
            .AssertText($"The instructions are queued for sending to {EndCustomer} in German.")
            .AssertNoText("Instructions sent")
            .AssertBadge("Status: Submitted, instructions queued for sending")
            .AssertFact("Instructions email", $"queued for sending to {EndCustomer} in German")
            .AssertAction(ActionIds.CancelRequest);
        var request = await RequestAsync();
        Assert.Equal(RequestStatus.Submitted, request.Status);
        var queued = Assert.Single(await OutboxAsync());
        Assert.Equal((UnlinkInstructionsOutbox.Kind, OutboxStatus.Pending), (queued.Kind, queued.Status));
        Assert.Empty(Directory.GetFiles(_pickup));
        await _alex.Send("my requests").AssertFact(request.Id, "Submitted, instructions not sent yet").AssertNoText("waiting for support");

        Assert.Equal(1, await DispatchAsync());

        var eml = Assert.Single(Directory.GetFiles(_pickup, "*.eml"));
        using var email = await MimeMessage.LoadAsync(eml);
        Assert.Equal(("Northwind Cloud Partners", SmtpOptions.LocalFrom), (email.From.Mailboxes.Single().Name, email.From.Mailboxes.Single().Address));
        Assert.Equal("alexw@example.com", email.ReplyTo.Mailboxes.Single().Address); // the requester's email is known
        Assert.Equal(EndCustomer, email.To.Mailboxes.Single().Address);
        Assert.Contains("Content-Language: de", await File.ReadAllTextAsync(eml), StringComparison.Ordinal);
        Assert.Contains("345678901234", email.Subject, StringComparison.Ordinal);
        Assert.Contains(request.Id, email.TextBody, StringComparison.Ordinal);

        request = await RequestAsync();
        Assert.Equal(RequestStatus.InstructionsSent, request.Status);
        var sent = await _host.DbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.EntityId == request.Id).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(["Submitted", "SendInstructions"], sent.Select(e => e.Action));
        Assert.Equal(Actor.System.Id, sent[1].ActorId);
        Assert.Equal(OutboxStatus.Sent, Assert.Single(await OutboxAsync()).Status);

        await _alex.Send("my requests").AssertFact(request.Id, "Instructions sent to the end customer");
        await _alex.Send($"status {request.Id}")
            .AssertBadge("Status: Instructions sent to the end customer")
            .AssertFact("Instructions email", $"sent to {EndCustomer} in German, 18 Nov 2026 10:00 UTC")
            .AssertFact("18 Nov 2026 10:00 UTC", $"Alex Wilber asked to send the end customer instructions to leave the organization ({request.Id}).")
            .AssertFact("18 Nov 2026 10:00 UTC", $"SesBot emailed the unlink instructions to {EndCustomer} in German ({request.Id}).")
            .AssertFact("Note", $"Emailed to {EndCustomer} in German")
            .AssertNoText("SendInstructions")
            .AssertAction(ActionIds.CancelRequest); // the workflow still lets the requester cancel

        // Sent once: nothing more is due.
        Assert.Equal(0, await DispatchAsync());
        Assert.Single(Directory.GetFiles(_pickup, "*.eml"));

        // The end customer never left: the requester withdraws the request from its status card.
        await _alex.Click(ActionIds.CancelRequest).AssertAction(ActionIds.ConfirmCancelRequest);
        await _alex.Click(ActionIds.ConfirmCancelRequest).AssertText($"Request {request.Id} is cancelled.").AssertBadge("Status: Cancelled");
        Assert.Equal(RequestStatus.Cancelled, (await RequestAsync()).Status);
    }

    [Fact]
    public async Task Unlink_CancelledBeforeTheEmailWentOut_NotSentAndCardSaysWhy()
    {
        await StartAsync(smtp: false);
        await SubmitUnlinkAsync("en");

        await _alex.Click(ActionIds.CancelRequest).AssertAction(ActionIds.ConfirmCancelRequest);
        await _alex.Click(ActionIds.ConfirmCancelRequest).AssertText("is cancelled.").AssertBadge("Status: Cancelled");
        await DispatchAsync();

        Assert.Empty(Directory.GetFiles(_pickup));
        var request = await RequestAsync();
        Assert.Equal(RequestStatus.Cancelled, request.Status);
        var message = Assert.Single(await OutboxAsync());
        Assert.Equal(OutboxStatus.Failed, message.Status);
        Assert.Contains("cancelled before the email went out", message.LastError, StringComparison.Ordinal);
        await _alex.Send($"status {request.Id}")
            .AssertBadge("Status: Cancelled")
            .AssertFact("Instructions email", "sending failed: Not sent: the request was cancelled before the email went out.")
            .AssertNoAction(ActionIds.CancelRequest);
    }

    [Fact]
    public async Task Unlink_RecipientRefusedForGood_RecordedAndShownRequestStaysCancellable()
    {
        await StartAsync(smtp: true);
        _smtp!.RecipientReply = "550 5.1.1 No such user here";
        await SubmitUnlinkAsync("en");

        await DispatchAsync();

        Assert.Equal(1, _smtp.RecipientAttempts);
        Assert.Empty(_smtp.Received);
        var request = await RequestAsync();
        Assert.Equal(RequestStatus.Submitted, request.Status);
        var message = Assert.Single(await OutboxAsync());
        Assert.Equal((OutboxStatus.Failed, 1), (message.Status, message.Attempts));
        Assert.Contains("550", message.LastError, StringComparison.Ordinal);
        var failed = await _alex.Send($"status {request.Id}")
            .AssertBadge("Status: Submitted, sending the instructions failed")
            .AssertFact("Instructions email", "sending failed: the recipient's address was refused: 550")
            .AssertAction(ActionIds.CancelRequest);
        var rendered = await AdaptiveCardsRenderer.ValidateAsync(new TeamsReplyRenderer().ToCard(failed.Replies[^1]));
        Assert.True(rendered.Valid, rendered.ToString());

        // Given up: a later sweep sends nothing.
        _smtp.RecipientReply = "250 2.1.5 OK";
        _host.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await DispatchAsync());
        Assert.Empty(_smtp.Received);
    }

    [Fact]
    public async Task Unlink_ServerBusyThenAccepts_RetriedByTheOutboxThenSent()
    {
        await StartAsync(smtp: true);
        _smtp!.RecipientReply = "451 4.3.0 Mailbox busy, try again later";
        await SubmitUnlinkAsync("fr");

        await DispatchAsync();

        var request = await RequestAsync();
        Assert.Equal(RequestStatus.Submitted, request.Status);
        var waiting = Assert.Single(await OutboxAsync());
        Assert.Equal((OutboxStatus.Pending, 1), (waiting.Status, waiting.Attempts));
        Assert.True(waiting.NextAttemptAt > _host.Clock.GetUtcNow());
        await _alex.Send($"status {request.Id}")
            .AssertBadge("Status: Submitted, instructions queued for sending")
            .AssertFact("Instructions email", $"queued for sending to {EndCustomer} in French (the last try failed: the mail server asked to try again later: 451 4.3.0 Mailbox busy");

        _smtp.RecipientReply = "250 2.1.5 OK";
        Assert.Equal(0, await DispatchAsync()); // not due yet
        _host.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(1, await DispatchAsync());

        using var email = Parse(Assert.Single(_smtp.Received));
        Assert.Equal(("Northwind Cloud Partners", "alexw@example.com"), (email.ReplyTo.Mailboxes.Single().Name, email.ReplyTo.Mailboxes.Single().Address));
        Assert.Equal(RequestStatus.InstructionsSent, (await RequestAsync()).Status);
        var sent = Assert.Single(await OutboxAsync());
        Assert.Equal((OutboxStatus.Sent, 2), (sent.Status, sent.Attempts));
        await _alex.Send($"status {request.Id}").AssertFact("Instructions email", $"sent to {EndCustomer} in French");
    }

    [Fact]
    public async Task Unlink_RequesterEmailUnknown_ReplyToIsSmtpFrom()
    {
        await StartAsync(smtp: true);
        await _host.DbAsync(async db =>
        {
            var alex = await db.ChannelUsers.SingleAsync(u => u.UserKey == Person.Alex.UserKey);
            alex.Email = null;
            await db.SaveChangesAsync();
        });
        await SubmitUnlinkAsync("es");

        await DispatchAsync();

        using var email = Parse(Assert.Single(_smtp!.Received));
        Assert.Equal("sesbot@northwind.example", email.ReplyTo.Mailboxes.Single().Address);
        Assert.Equal(("Northwind Cloud Partners", "sesbot@northwind.example"), (email.From.Mailboxes.Single().Name, email.From.Mailboxes.Single().Address));
        Assert.Equal("it@adventure-works.example", email.To.Mailboxes.Single().Address);
    }

    private async Task StartAsync(bool smtp)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Email:PickupDirectory"] = _pickup,
            ["Outbox:BaseDelay"] = "00:00:10",
        };
        if (smtp)
        {
            _smtp = new LoopbackSmtpServer();
            settings["Smtp:Host"] = "127.0.0.1";
            settings["Smtp:Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["Smtp:From"] = "sesbot@northwind.example";
            settings["Smtp:Security"] = "None";
            settings["Smtp:Timeout"] = "00:00:10";
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        _host = await DialogHost.StartAsync(settings: settings, configure: services => services.AddSesBotEmailOutbox(configuration).AddScoped<DatabaseWrites>());
        _alex = new DialogTranscript(_host, Person.Alex);
    }

    private async Task<Turn> SubmitUnlinkAsync(string language)
    {
        await _alex.Send("remove account");
        await _alex.Click(ActionIds.SelectCustomer, (DataKeys.CustomerId, "c-adventure"));
        await _alex.Click(ActionIds.SelectAccount, (DataKeys.AccountId, "a-adventure-web"));
        await _alex.Click(ActionIds.ChooseOption, (DataKeys.Option, nameof(RemovalOption.AwsSelfUnlink)))
            .AssertText("These are the steps the email gives them:");
        return await _alex.Click(ActionIds.SubmitUnlink, (DataKeys.EndCustomerEmail, EndCustomer), (DataKeys.Language, language));
    }

    private static MimeMessage Parse(string raw) => MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(raw)));

    private Task<int> DispatchAsync() => _host.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);

    private Task<RemovalRequest> RequestAsync() => _host.DbAsync(db => db.RemovalRequests.AsNoTracking().SingleAsync());

    private Task<List<OutboxMessage>> OutboxAsync() => _host.DbAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync());
}
