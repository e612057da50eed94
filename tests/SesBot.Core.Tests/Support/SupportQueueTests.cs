using Microsoft.Extensions.Time.Testing;
using SesBot.Core.Domain;
using SesBot.Core.Persistence;
using SesBot.Core.Support;

namespace SesBot.Core.Tests.Support;

/// <summary>Support's queue: the open requests, oldest first, for support agents and admins only.</summary>
public sealed class SupportQueueTests : IAsyncLifetime
{
    private static readonly Actor Alex = new("msteams:t:alex", "Alex Wilber", Role.ResellerUser, DemoData.NorthwindResellerId);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.Zero));
    private SqliteTestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        await using var db = _database.CreateContext();
        DemoData.AddTo(db, _clock.GetUtcNow());
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task OpenAsync_Support_OpenRequestsOldestFirstWithoutClosedOnes()
    {
        await using (var db = _database.CreateContext())
        {
            db.RemovalRequests.Add(Request("R-NEWER1", RemovalOption.AwsRemoveFromPayer, "c-adventure", "a-adventure-web", minutes: 30));
            db.RemovalRequests.Add(Request("R-OLDER1", RemovalOption.AzureSuspend, "c-tailspin", "z-tailspin-dev", minutes: 0));
            var cancelled = Request("R-GONE01", RemovalOption.AwsTransferOwnership, "c-contoso", "a-contoso-prod", minutes: -60);
            cancelled.Apply(RequestTrigger.Cancel, Alex, _clock);
            db.RemovalRequests.Add(cancelled);
            db.RemovalRequests.Add(Request("R-CUST01", RemovalOption.RemoveCustomer, "c-wingtip", null, minutes: 45));
            await db.SaveChangesAsync();
        }

        await using var read = _database.CreateContext();
        var queue = await new SupportQueue(read).OpenAsync(new Actor("msteams:t:megan", "Megan Bowen", Role.SupportAgent));

        Assert.NotNull(queue);
        Assert.Equal(["R-OLDER1", "R-NEWER1", "R-CUST01"], queue.Select(e => e.RequestId));
        Assert.Equal(
            new QueueEntry("R-NEWER1", RemovalOption.AwsRemoveFromPayer, RequestStatus.Submitted, "Northwind Cloud Partners", "Adventure Works Cycles", CloudProvider.Aws, "345678901234", _clock.GetUtcNow().AddMinutes(30)),
            queue[1]);
        Assert.Equal((null, null), (queue[2].Provider, queue[2].AccountExternalId));
        Assert.All(queue, e => Assert.Null(e.AssigneeName));
    }

    [Fact]
    public async Task OpenAsync_Mine_OnlyTheAgentsAssignedRequestsWithAssigneeAndWaitingOnReseller()
    {
        var megan = new Actor("msteams:t:megan", "Megan Bowen", Role.SupportAgent);
        var isaiah = new Actor("msteams:t:isaiah", "Isaiah Langer", Role.Admin);
        await using (var db = _database.CreateContext())
        {
            var mine = Request("R-MINE01", RemovalOption.AwsRemoveFromPayer, "c-adventure", "a-adventure-web", minutes: 0);
            mine.AssignTo(megan, _clock);
            mine.AskReseller(megan, "Payment method added?", _clock);
            var theirs = Request("R-THEIR1", RemovalOption.AzureSuspend, "c-tailspin", "z-tailspin-dev", minutes: 5);
            theirs.AssignTo(isaiah, _clock);
            db.RemovalRequests.AddRange(mine, theirs, Request("R-NONE01", RemovalOption.AwsTransferOwnership, "c-contoso", "a-contoso-prod", minutes: 10));
            await db.SaveChangesAsync();
        }

        await using var read = _database.CreateContext();
        var queue = new SupportQueue(read);
        var assigned = await queue.OpenAsync(megan, mine: true);
        var all = await queue.OpenAsync(megan);

        var entry = Assert.Single(assigned!);
        Assert.Equal(("R-MINE01", "Megan Bowen", true), (entry.RequestId, entry.AssigneeName, entry.WaitingOnReseller));
        Assert.Equal([("R-MINE01", "Megan Bowen"), ("R-THEIR1", "Isaiah Langer"), ("R-NONE01", null)], all!.Select(e => (e.RequestId, e.AssigneeName)));
    }

    [Fact]
    public async Task OpenAsync_Reseller_Null()
    {
        await using var db = _database.CreateContext();
        Assert.Null(await new SupportQueue(db).OpenAsync(Alex));
    }

    private RemovalRequest Request(string id, RemovalOption kind, string customerId, string? accountId, int minutes) =>
        new(id, "key-" + id, kind, Alex, DemoData.NorthwindResellerId, customerId, accountId, _clock.GetUtcNow().AddMinutes(minutes));
}
