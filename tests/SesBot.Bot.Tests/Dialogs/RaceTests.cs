using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SesBot.Bot.Cards;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Bot.Tests.Dialogs.Support;
using SesBot.Core.Domain;
using SesBot.Core.Persistence;

namespace SesBot.Bot.Tests.Dialogs;

/// <summary>
/// The race the unique index settles: another user's request for the same account is committed between Alex's policy
/// check and his insert. An interceptor commits it, on a connection of its own, at exactly that moment.
/// </summary>
public sealed class RaceTests
{
    [Fact]
    public async Task RemoveFromPayer_OtherRequestCommittedJustBeforeInsert_ConflictShownAndDialogStateKept()
    {
        var sneak = new SneakInBeforeInsert();
        await using var host = await DialogHost.StartAsync(configure: s => s.ConfigureDbContext<SqliteSesBotDbContext>(o => o.AddInterceptors(sneak)));
        sneak.ConnectionString = host.ConnectionString;
        var alex = new DialogTranscript(host, Person.Alex);
        await FlowWalker.WalkToAsync(alex, FlowStep.ConfirmRemoveFromPayer);

        sneak.Armed = true;
        await alex.Click(ActionIds.ConfirmRemoveFromPayer)
            .AssertStatus(TurnStatus.Waiting)
            .AssertText("Not submitted: Request R-PATTI1 (remove from the payer organization) is already open for this.")
            .AssertNoAction(ActionIds.ConfirmRemoveFromPayer);

        // The dialog moved on to the options with the turn: their buttons work.
        await alex.Click(ActionIds.Back).AssertNoText("out of date").AssertText("Which account of Adventure Works Cycles?");
        var ids = await host.DbAsync(db => db.RemovalRequests.AsNoTracking().Select(r => r.Id).ToListAsync());
        Assert.Equal(["R-PATTI1"], ids);
    }

    private sealed class SneakInBeforeInsert : SaveChangesInterceptor
    {
        public bool Armed { get; set; }

        public string ConnectionString { get; set; } = string.Empty;

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            var added = eventData.Context?.ChangeTracker.Entries<RemovalRequest>().FirstOrDefault(e => e.State == EntityState.Added)?.Entity;
            if (Armed && added is not null)
            {
                Armed = false;
                await using var connection = new SqliteConnection(ConnectionString);
                await connection.OpenAsync(cancellationToken);
                await using var insert = connection.CreateCommand();
                insert.CommandText =
                    "INSERT INTO RemovalRequests (Id, IdempotencyKey, Kind, Status, RequestedById, RequestedByName, ResellerId, CustomerId, CloudAccountId, CreatedAt, UpdatedAt, Version, OpenSubjectKey) " +
                    "SELECT 'R-PATTI1', 'patti-key', Kind, Status, $patti, 'Patti Fernandez', ResellerId, CustomerId, CloudAccountId, CreatedAt, UpdatedAt, 0, OpenSubjectKey FROM (SELECT " +
                    "$kind AS Kind, 'Submitted' AS Status, $reseller AS ResellerId, $customer AS CustomerId, $account AS CloudAccountId, 0 AS CreatedAt, 0 AS UpdatedAt, $key AS OpenSubjectKey)";
                insert.Parameters.AddWithValue("$patti", Person.Patti.ActorId);
                insert.Parameters.AddWithValue("$kind", added.Kind.ToString());
                insert.Parameters.AddWithValue("$reseller", added.ResellerId);
                insert.Parameters.AddWithValue("$customer", added.CustomerId);
                insert.Parameters.AddWithValue("$account", added.CloudAccountId);
                insert.Parameters.AddWithValue("$key", added.OpenSubjectKey);
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            return result;
        }
    }
}
