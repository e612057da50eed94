using Microsoft.EntityFrameworkCore;
using SesBot.Core.Audit;
using SesBot.Core.Domain;
using SesBot.Core.Tests.Support;

namespace SesBot.Core.Tests.Audit;

/// <summary>The audit log read on a real SQLite database: filters, order, and who sees what.</summary>
public sealed class AuditLogQueryTests : IAsyncLifetime
{
    private const int AllEvents = AuditLogSeed.NorthwindEvents + AuditLogSeed.FabrikamEvents + AuditLogSeed.UnscopedEvents;
    private SqliteTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await AuditLogSeed.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Read_Admin_SeesEveryEventInTimeOrder()
    {
        var entries = await ReadAsync(TestData.Admin, AuditFilter.Everything);

        Assert.Equal(AllEvents, entries.Count);
        Assert.Equal(entries.OrderBy(e => e.At).ThenBy(e => e.EventId).Select(e => e.EventId), entries.Select(e => e.EventId));
        Assert.Equal(AuditLogSeed.T0, entries[0].At);
        Assert.Equal("Rotated", entries[^1].Action);
    }

    [Fact]
    public async Task Read_SupportAgent_SeesEveryReseller()
    {
        var entries = await ReadAsync(TestData.SupportAgent, AuditFilter.Everything);

        Assert.Equal(AllEvents, entries.Count);
        Assert.Contains(entries, e => e.ResellerId == TestData.OtherResellerId);
    }

    [Fact]
    public async Task Read_ResellerUser_SeesOnlyTheirResellersEvents()
    {
        var entries = await ReadAsync(TestData.Requester, AuditFilter.Everything);

        Assert.Equal(AuditLogSeed.NorthwindEvents, entries.Count);
        Assert.All(entries, e => Assert.Equal(TestData.ResellerId, e.ResellerId));
        Assert.DoesNotContain(entries, e => e.RequestId == "R-CCC333");
    }

    [Fact]
    public async Task Read_ResellerUserFilteringOnAnotherReseller_GetsNothing()
    {
        var entries = await ReadAsync(TestData.Requester, new AuditFilter(ResellerId: TestData.OtherResellerId));

        Assert.Empty(entries);
    }

    [Fact]
    public async Task Read_ResellerUserWithoutReseller_GetsNothing()
    {
        var entries = await ReadAsync(new Actor("u-lost", "Lost", Role.ResellerUser), AuditFilter.Everything);

        Assert.Empty(entries);
    }

    [Fact]
    public async Task Read_AdminFilteringOnReseller_GetsThatResellersEventsIncludingCustomerEvents()
    {
        var entries = await ReadAsync(TestData.Admin, new AuditFilter(ResellerId: TestData.OtherResellerId));

        Assert.Equal(["Submitted", "Removed"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal("Fabrikam", e.ResellerName));
        Assert.Equal("Woodgrove Bank", entries[1].CustomerName);
        Assert.Equal("R-CCC333", entries[1].RequestId);
    }

    [Fact]
    public async Task Read_TimeRange_FromIsIncludedToIsNot()
    {
        var entries = await ReadAsync(TestData.Admin, new AuditFilter(From: AuditLogSeed.T0.AddMinutes(30), To: AuditLogSeed.T0.AddHours(2)));

        Assert.Equal(3, entries.Count);
        Assert.Equal(AuditLogSeed.T0.AddMinutes(30), entries[0].At);
        Assert.All(entries, e => Assert.True(e.At < AuditLogSeed.T0.AddHours(2)));
    }

    [Fact]
    public async Task Read_TimeRangeGivenInAnotherOffset_ComparesInstants()
    {
        var paris = TimeSpan.FromHours(1);
        var entries = await ReadAsync(TestData.Admin, new AuditFilter(From: AuditLogSeed.T0.ToOffset(paris), To: AuditLogSeed.T0.AddMinutes(1).ToOffset(paris)));

        var only = Assert.Single(entries);
        Assert.Equal("R-AAA111", only.RequestId);
    }

    [Fact]
    public async Task Read_AccountFilter_GetsTheAccountsRequestsAndAccountEvents()
    {
        var entries = await ReadAsync(TestData.Requester, new AuditFilter(AccountId: "a-1"));

        Assert.Equal(["Submitted", "Accept", "MarkRemovedFromPayer", "Departed"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(AuditLogSeed.AwsNumber, e.AccountExternalId));
        Assert.All(entries, e => Assert.Equal(CloudProvider.Aws, e.Provider));
        Assert.All(entries, e => Assert.Equal("R-AAA111", e.RequestId));
    }

    [Fact]
    public async Task Read_RequestMoves_CarryStatusesAndNote()
    {
        var entries = await ReadAsync(TestData.Admin, new AuditFilter(AccountId: "z-1"));

        Assert.Equal(2, entries.Count);
        Assert.Null(entries[0].FromStatus);
        Assert.Equal(RequestStatus.Submitted, entries[0].ToStatus);
        Assert.Equal(RemovalOption.AzureSuspend, entries[0].RequestKind);
        Assert.Equal(RequestStatus.Submitted, entries[1].FromStatus);
        Assert.Equal(RequestStatus.Rejected, entries[1].ToStatus);
        Assert.Equal(AuditLogSeed.RejectNote, entries[1].Note);
        Assert.Equal("Sam (support)", entries[1].ActorName);
        Assert.Equal(Role.SupportAgent, entries[1].ActorRole);
        Assert.Equal("Contoso, \"Ltd\"", entries[1].CustomerName);
    }

    [Fact]
    public async Task Read_AccountEvent_HasNoStatusesButNamesItsRequest()
    {
        var entries = await ReadAsync(TestData.Admin, new AuditFilter(AccountId: "a-1"));

        var departed = Assert.Single(entries, e => e.Action == "Departed");
        Assert.Equal(nameof(CloudAccount), departed.EntityType);
        Assert.Null(departed.FromStatus);
        Assert.Null(departed.ToStatus);
        Assert.Null(departed.RequestKind);
        Assert.Equal("R-AAA111", departed.RequestId);
    }

    [Fact]
    public async Task Read_StoppedEarly_ReadsNoFurther()
    {
        await using var db = _database.CreateContext();
        var query = new AuditLogQuery(db);
        var seen = 0;
        await foreach (var entry in query.ReadAsync(TestData.Admin, AuditFilter.Everything))
        {
            seen++;
            if (seen == 2)
            {
                break;
            }
        }

        Assert.Equal(2, seen);
        Assert.Equal(AllEvents, await db.AuditEvents.CountAsync());
    }

    [Fact]
    public async Task Query_FiltersVisibilityAndOrder_RunInTheDatabase()
    {
        await using var db = _database.CreateContext();
        var sql = new AuditLogQuery(db)
            .Query(TestData.Requester, new AuditFilter(From: AuditLogSeed.T0, To: AuditLogSeed.T0.AddDays(1), AccountId: "a-1"))
            .ToQueryString();

        Assert.Contains("LEFT JOIN \"RemovalRequests\"", sql, StringComparison.Ordinal);
        Assert.Contains("WHERE", sql, StringComparison.Ordinal);
        Assert.Contains("ORDER BY \"a\".\"At\", \"a\".\"Id\"", sql, StringComparison.Ordinal);
        Assert.Contains("@scope", sql, StringComparison.Ordinal);
    }

    private async Task<List<AuditEntry>> ReadAsync(Actor actor, AuditFilter filter)
    {
        await using var db = _database.CreateContext();
        var entries = new List<AuditEntry>();
        await foreach (var entry in new AuditLogQuery(db).ReadAsync(actor, filter))
        {
            entries.Add(entry);
        }

        return entries;
    }
}
