using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using SesBot.Core.Domain;
using SesBot.Core.Outbox;
using SesBot.Core.Persistence;
using SesBot.Core.Tests.Support;
using SesBot.Core.Workflow;

namespace SesBot.Core.Tests.Persistence;

/// <summary>
/// SQLite's plan for queries a turn runs, read with <c>EXPLAIN QUERY PLAN</c> on the very SQL and parameters EF Core
/// sent. SesBot never runs <c>ANALYZE</c>, so the planner has no statistics: it must still pick an index that narrows
/// to the customer, not one that lists every request of the reseller (a reseller with a long history made each account
/// list scan all of it), and to the conversation's unsent messages, not every pending message (a Connector outage).
/// </summary>
public sealed class QueryPlanTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Reseller = new("u-alex", "Alex", Role.ResellerUser, DemoData.NorthwindResellerId);
    private static readonly Actor Support = new("u-sam", "Sam", Role.SupportAgent);
    private SqliteTestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        await using var db = _database.CreateContext();
        await new DatabaseInitializer(db, new FakeTimeProvider(Now)).InitializeAsync(migrate: false, seedDemoData: true);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task AccountListBadges_ForAReseller_SearchTheCustomersOpenRequestsOnly()
    {
        var plan = await PlanOfRequestQueryAsync(db => new ResellerCatalog(db).OpenRequestsByAccountAsync(Reseller, "c-contoso"));

        Assert.Contains("USING INDEX IX_RemovalRequests_CustomerId_Open", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccountListBadges_ForSupport_SearchTheCustomersOpenRequestsOnly()
    {
        var plan = await PlanOfRequestQueryAsync(db => new ResellerCatalog(db).OpenRequestsByAccountAsync(Support, "c-contoso"));

        Assert.Contains("USING INDEX IX_RemovalRequests_CustomerId_Open", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CustomerRemovalCheck_SearchesTheCustomersOpenRequestsOnly()
    {
        var plan = await PlanOfRequestQueryAsync(db => new RemovalRequestService(db, new FakeTimeProvider(Now)).GetCustomerRemovalAsync(Reseller, "c-contoso"));

        Assert.Contains("USING INDEX IX_RemovalRequests_CustomerId_Open", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplyClaimedOnCommit_ConversationsUnsentCheck_SearchesUnsentMessagesOnly()
    {
        var plan = await PlanOfQueryAsync(async db =>
        {
            var reply = new OutboxMessage("test.kind", "k-1", "msteams:conv-1", "{}", Now);
            db.OutboxMessages.Add(reply);
            db.ClaimOnCommit([reply], Now.AddMinutes(2));
            await db.SaveChangesAsync();
        }, "FROM \"OutboxMessages\"");

        Assert.Contains("USING INDEX IX_OutboxMessages_OrderingKey_Unsent", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("IX_OutboxMessages_Status_NextAttemptAt", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenRequestsIndex_HoldsOpenRequestsOnly()
    {
        await using var db = _database.CreateContext();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT sql FROM sqlite_master WHERE name = 'IX_RemovalRequests_CustomerId_Open'";

        var sql = (string?)await command.ExecuteScalarAsync();

        Assert.Equal("CREATE INDEX \"IX_RemovalRequests_CustomerId_Open\" ON \"RemovalRequests\" (\"CustomerId\") WHERE \"OpenSubjectKey\" IS NOT NULL", sql);
    }

    /// <summary>Runs the call, then explains the one query it sent to RemovalRequests; returns the plan's lines.</summary>
    private async Task<string> PlanOfRequestQueryAsync(Func<SesBotDbContext, Task> call)
    {
        var plan = await PlanOfQueryAsync(call, "FROM \"RemovalRequests\"");
        Assert.DoesNotContain("IX_RemovalRequests_ResellerId_CreatedAt", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("SCAN r", plan, StringComparison.Ordinal);
        return plan;
    }

    /// <summary>Runs the call, then explains the one query it sent that contains <paramref name="fragment"/>.</summary>
    private async Task<string> PlanOfQueryAsync(Func<SesBotDbContext, Task> call, string fragment)
    {
        var recorder = new CommandRecorder();
        await using var db = _database.CreateContext(recorder);
        await call(db);
        var query = Assert.Single(recorder.Commands, c => c.Text.StartsWith("SELECT", StringComparison.Ordinal) && c.Text.Contains(fragment, StringComparison.Ordinal));

        await db.Database.OpenConnectionAsync();
        var lines = await CommandRecorder.PlanAsync((SqliteConnection)db.Database.GetDbConnection(), query.Text, query.Parameters);
        return string.Join('\n', lines);
    }
}
