using Microsoft.EntityFrameworkCore;
using SesBot.Bot.Cards;
using SesBot.Bot.Dialogs;
using SesBot.Core.Domain;

namespace SesBot.Bot.Tests.Dialogs.Support;

/// <summary>A fresh bot and database per test, with Alex (Northwind) ready to talk, and look-ups of the final state.</summary>
public abstract class DialogTestBase : IAsyncLifetime
{
    private DialogHost? _host;
    private DialogTranscript? _alex;

    protected DialogHost Host => _host ?? throw new InvalidOperationException("Not started.");

    /// <summary>Alex Wilber, a Northwind reseller user.</summary>
    protected DialogTranscript Alex => _alex ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        _host = await DialogHost.StartAsync();
        _alex = new DialogTranscript(_host, Person.Alex);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    /// <summary>"remove account", then the customer and the account: the options card.</summary>
    protected static async Task<Turn> OpenOptionsAsync(DialogTranscript person, string customerId, string accountId)
    {
        await person.Send("remove account").AssertText("Which customer?");
        await person.Click(ActionIds.SelectCustomer, (DataKeys.CustomerId, customerId)).AssertAction(ActionIds.SelectAccount);
        return await person.Click(ActionIds.SelectAccount, (DataKeys.AccountId, accountId)).AssertAction(ActionIds.Back);
    }

    protected Task<CloudAccount> AccountAsync(string accountId) =>
        Host.DbAsync(db => db.CloudAccounts.AsNoTracking().SingleAsync(a => a.Id == accountId));

    protected Task<Customer> CustomerAsync(string customerId) =>
        Host.DbAsync(db => db.Customers.AsNoTracking().SingleAsync(c => c.Id == customerId));

    protected Task<List<RemovalRequest>> RequestsAsync() =>
        Host.DbAsync(db => db.RemovalRequests.AsNoTracking().OrderBy(r => r.CreatedAt).ToListAsync());

    protected async Task<RemovalRequest> SingleRequestAsync()
    {
        var requests = await RequestsAsync();
        return Assert.Single(requests);
    }

    protected Task<List<AuditEvent>> AuditAsync(string entityId) =>
        Host.DbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.EntityId == entityId).OrderBy(e => e.Id).ToListAsync());

    /// <summary>Nothing was submitted and no account or customer changed.</summary>
    protected async Task AssertNothingChangedAsync()
    {
        Assert.Empty(await RequestsAsync());
        var changed = await Host.DbAsync(db => db.CloudAccounts.AsNoTracking().Where(a => a.State != AccountState.Active).Select(a => a.Id).ToListAsync());
        Assert.Empty(changed);
        var removed = await Host.DbAsync(db => db.Customers.AsNoTracking().Where(c => c.RemovedAt != null).Select(c => c.Id).ToListAsync());
        Assert.Empty(removed);
    }
}
