using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SesBot.Bot.Cards;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Tests.Dialogs.Support;
using SesBot.Core.Domain;
using SesBot.Core.Persistence;

namespace SesBot.Bot.Tests.Dialogs;

/// <summary>
/// Deleting an account and removing a customer happen once under concurrency: the account and the customer carry a
/// version, so a turn that decided on an older one loses its commit and runs again on what was committed.
/// </summary>
public sealed class ConcurrentDeleteTests : DialogTestBase
{
    private const string LabNumber = "210987654321";

    [Fact]
    public async Task Delete_TwoPeopleConfirmAtOnce_OneDeletionAndOneAuditTrail()
    {
        var patti = Alex.As(Person.Patti);
        foreach (var person in new[] { Alex, patti })
        {
            await OpenOptionsAsync(person, "c-contoso", "a-contoso-lab");
            await person.Click(ActionIds.ChooseOption, (DataKeys.Option, nameof(RemovalOption.DeleteFromPlatform))).AssertAction(ActionIds.ConfirmDelete);
        }

        var turns = await Task.WhenAll(
            Alex.Click(ActionIds.ConfirmDelete, (DataKeys.Confirmation, LabNumber)),
            patti.Click(ActionIds.ConfirmDelete, (DataKeys.Confirmation, LabNumber)));

        Assert.Single(turns, t => t.Lines.Any(l => l.Contains("The account is deleted from SES.", StringComparison.Ordinal)));
        Assert.Single(turns, t => t.Lines.Any(l => l.Contains("Not submitted", StringComparison.Ordinal)));
        Assert.Equal(AccountState.Deleted, (await AccountAsync("a-contoso-lab")).State);
        var request = await SingleRequestAsync();
        Assert.Equal((RemovalOption.DeleteFromPlatform, RequestStatus.Completed), (request.Kind, request.Status));
        Assert.Equal(["Deleted"], (await AuditAsync("a-contoso-lab")).Select(e => e.Action));
    }

    [Fact]
    public async Task Delete_AnotherInstanceDeletesItJustBeforeTheCommit_CommitLosesAndTheRunAgainIsDenied()
    {
        var sneak = new SneakBeforeSave(sql: "UPDATE CloudAccounts SET State = 'Deleted', Version = Version + 1 WHERE Id = 'a-contoso-lab'");
        await using var host = await DialogHost.StartAsync(configure: s => s.ConfigureDbContext<SqliteSesBotDbContext>(o => o.AddInterceptors(sneak)));
        sneak.ConnectionString = host.ConnectionString;
        var alex = new DialogTranscript(host, Person.Alex);
        await OpenOptionsAsync(alex, "c-contoso", "a-contoso-lab");
        await alex.Click(ActionIds.ChooseOption, (DataKeys.Option, nameof(RemovalOption.DeleteFromPlatform)));

        sneak.Armed = true;
        await alex.Click(ActionIds.ConfirmDelete, (DataKeys.Confirmation, LabNumber)).AssertText("Not submitted");

        Assert.Equal(1, sneak.Fired);
        Assert.Empty(await host.DbAsync(db => db.RemovalRequests.ToListAsync()));
        Assert.Empty(await host.DbAsync(db => db.AuditEvents.Where(e => e.EntityId == "a-contoso-lab").ToListAsync()));
    }

    [Fact]
    public async Task RemoveCustomer_AnAccountRequestCommittedJustBefore_CommitLosesAndTheCustomerStays()
    {
        // Another instance files a request on one of Wingtip's accounts (touching that account) between Alex's
        // check and his commit: the removal must not delete the account under that request.
        var sneak = new SneakBeforeSave(sql:
            "UPDATE CloudAccounts SET Version = Version + 1 WHERE Id = 'a-wingtip-sandbox'; " +
            "INSERT INTO RemovalRequests (Id, IdempotencyKey, Kind, Status, RequestedById, RequestedByName, ResellerId, CustomerId, CloudAccountId, CreatedAt, UpdatedAt, Version, OpenSubjectKey) " +
            "SELECT 'R-PATTI2', 'patti-key', 'AwsRemoveFromPayer', 'Submitted', 'patti', 'Patti Fernandez', ResellerId, Id, 'a-wingtip-sandbox', 0, 0, 0, 'account:a-wingtip-sandbox' FROM Customers WHERE Id = 'c-wingtip'");
        await using var host = await DialogHost.StartAsync(configure: s => s.ConfigureDbContext<SqliteSesBotDbContext>(o => o.AddInterceptors(sneak)));
        sneak.ConnectionString = host.ConnectionString;
        var alex = new DialogTranscript(host, Person.Alex);
        await alex.Send("remove customer");
        await alex.Click(ActionIds.SelectCustomer, (DataKeys.CustomerId, "c-wingtip")).AssertAction(ActionIds.ConfirmRemoveCustomer);

        sneak.Armed = true;
        await alex.Click(ActionIds.ConfirmRemoveCustomer).AssertText("Not submitted").AssertText("R-PATTI2");

        Assert.Equal(1, sneak.Fired);
        var customer = await host.DbAsync(db => db.Customers.Include(c => c.Accounts).SingleAsync(c => c.Id == "c-wingtip"));
        Assert.Null(customer.RemovedAt);
        Assert.All(customer.Accounts, a => Assert.NotEqual(AccountState.Deleted, a.State));
    }

    /// <summary>Commits another instance's change, on a connection of its own, just before the turn's commit.</summary>
    private sealed class SneakBeforeSave(string sql) : SaveChangesInterceptor
    {
        public bool Armed { get; set; }

        public int Fired { get; private set; }

        public string ConnectionString { get; set; } = string.Empty;

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            var deciding = eventData.Context?.ChangeTracker.Entries<RemovalRequest>().Any(e => e.State == EntityState.Added) == true;
            if (Armed && deciding)
            {
                Armed = false;
                Fired++;
                await using var connection = new SqliteConnection(ConnectionString);
                await connection.OpenAsync(cancellationToken);
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            return result;
        }
    }
}
