using Microsoft.EntityFrameworkCore;
using SesBot.Bot.Cards;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Tests.Dialogs.Support;
using SesBot.Core.Domain;
using SesBot.Core.Persistence;

namespace SesBot.Bot.Tests.Cards;

/// <summary>
/// The cards of reminders, escalation and the audit in chat against their reviewed goldens in Golden/cards/ (and so
/// through the official renderer by <see cref="CardGoldenValidationTests"/>).
/// </summary>
public sealed class FollowUpCardGoldenTests : IAsyncLifetime
{
    private DialogHost _host = null!;

    public async Task InitializeAsync() => _host = await DialogHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task FollowUpsAndAuditInChat_MatchGoldens()
    {
        var goldens = new CardGoldens(_host);
        var alex = new DialogTranscript(_host, Person.Alex);
        await FlowWalker.WalkToAsync(alex, FlowStep.ConfirmRemoveFromPayer);
        await alex.Click(ActionIds.ConfirmRemoveFromPayer).AssertText("is submitted");
        var request = await _host.DbAsync(db => db.RemovalRequests.AsNoTracking().SingleAsync());
        var customer = await _host.DbAsync(db => db.Customers.AsNoTracking().Where(c => c.Id == request.CustomerId).Select(c => c.Name).SingleAsync());

        await goldens.CheckAsync("follow-up-support-reminder", FollowUpCards.SupportReminder(request, customer, TimeSpan.FromDays(2)));
        await goldens.CheckAsync("follow-up-escalation", FollowUpCards.Escalation(request, "Northwind Cloud Partners", customer, TimeSpan.FromDays(3), request.CreatedAt.AddDays(2)));
        var unlink = new RemovalRequest("R-UNLNK1", "k-unlink", RemovalOption.AwsSelfUnlink, new Actor(Person.Alex.ActorId, Person.Alex.Name, Role.ResellerUser, DemoData.NorthwindResellerId), DemoData.NorthwindResellerId, "c-adventure", "a-adventure-web", _host.Clock.GetUtcNow())
            .WithDetails(endCustomerEmail: "it@adventure-works.example", endCustomerLanguage: "de");
        unlink.Apply(RequestTrigger.SendInstructions, Actor.System, _host.Clock);
        await goldens.CheckAsync("follow-up-reseller-reminder", FollowUpCards.ResellerReminder(unlink, customer, TimeSpan.FromDays(3)));
        var urgent = new RemovalRequest("R-URGNT1", "k-urgent", RemovalOption.DeletedInErrorTicket, new Actor(Person.Alex.ActorId, Person.Alex.Name, Role.ResellerUser, DemoData.NorthwindResellerId), DemoData.NorthwindResellerId, "c-adventure", "a-adventure-web", _host.Clock.GetUtcNow());
        await goldens.CheckAsync("follow-up-support-reminder-urgent", FollowUpCards.SupportReminder(urgent, customer, TimeSpan.FromMinutes(65)));

        _host.Clock.Advance(TimeSpan.FromMinutes(5));
        await goldens.CheckAsync("history", await alex.Send("history 3456-7890-1234"));
        await goldens.CheckAsync("history-not-found", await alex.As(Person.Adele).Send("history 345678901234"));
        await goldens.CheckAsync("history-which-account", await alex.Send("history"));
        await goldens.CheckAsync("export-audit-refused", await alex.Send("export audit"));
        goldens.AssertAllMatched();
    }
}
