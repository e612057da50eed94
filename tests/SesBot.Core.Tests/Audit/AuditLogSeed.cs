using Microsoft.Extensions.Time.Testing;
using SesBot.Core.Domain;
using SesBot.Core.Tests.Support;

namespace SesBot.Core.Tests.Audit;

/// <summary>
/// A small audit log written the way the workflow writes it: requests moved by the domain and saved (their audit rows
/// go in with the save), and account and customer events added as the request service adds them.
/// Reseller r-1 (Northwind): customer c-1 with AWS a-1 and Azure z-1. Reseller r-2 (Fabrikam): customer c-3 with AWS a-r2.
/// </summary>
internal static class AuditLogSeed
{
    public static readonly DateTimeOffset T0 = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public const string AwsNumber = "123456789012";
    public const string AzureSubscription = "6f1c2a4e-8a7b-4c1d-9e3f-2b5d7a9c1e40";
    public const string OtherNumber = "555555555555";
    public const string RejectNote = "=HYPERLINK(\"http://evil.example\",\"click\"), then call +1 555";

    /// <summary>Every event the seed writes, for reseller r-1, r-2, and of no reseller.</summary>
    public const int NorthwindEvents = 6;
    public const int FabrikamEvents = 2;
    public const int UnscopedEvents = 1;

    public static async Task<SqliteTestDatabase> CreateAsync()
    {
        var database = await SqliteTestDatabase.CreateAsync();
        var clock = new FakeTimeProvider(T0);
        await using (var db = database.CreateContext())
        {
            db.Resellers.AddRange(new Reseller(TestData.ResellerId, "Northwind"), new Reseller(TestData.OtherResellerId, "Fabrikam"));
            var contoso = new Customer(TestData.CustomerId, TestData.ResellerId, "Contoso, \"Ltd\"");
            contoso.AddAccount(TestData.Aws(AccountOrigin.CustomerOwned, id: "a-1", number: AwsNumber));
            contoso.AddAccount(TestData.Azure(id: "z-1", subscription: AzureSubscription));
            var woodgrove = new Customer("c-3", TestData.OtherResellerId, "Woodgrove Bank");
            woodgrove.AddAccount(TestData.Aws(AccountOrigin.CustomerOwned, id: "a-r2", number: OtherNumber, customerId: "c-3"));
            db.Customers.AddRange(contoso, woodgrove);
            await db.SaveChangesAsync();
        }

        // T0: Alice asks to remove a-1 from the payer organization.
        var payer = new RemovalRequest("R-AAA111", "k-1", RemovalOption.AwsRemoveFromPayer, TestData.Requester, TestData.ResellerId, TestData.CustomerId, "a-1", clock.GetUtcNow());
        await SaveAsync(database, payer);

        // T0+30m: Bob asks to suspend z-1.
        clock.Advance(TimeSpan.FromMinutes(30));
        var suspend = new RemovalRequest("R-BBB222", "k-2", RemovalOption.AzureSuspend, TestData.Colleague, TestData.ResellerId, TestData.CustomerId, "z-1", clock.GetUtcNow());
        await SaveAsync(database, suspend);

        // T0+1h: support accepts R-AAA111.
        clock.Advance(TimeSpan.FromMinutes(30));
        await MoveAsync(database, "R-AAA111", RequestTrigger.Accept, TestData.SupportAgent, clock);

        // T0+1h30: Mallory (Fabrikam) asks to remove a-r2 from the payer organization.
        clock.Advance(TimeSpan.FromMinutes(30));
        var other = new RemovalRequest("R-CCC333", "k-3", RemovalOption.AwsRemoveFromPayer, TestData.OtherResellerUser, TestData.OtherResellerId, "c-3", "a-r2", clock.GetUtcNow());
        await SaveAsync(database, other);

        // T0+2h: support removes a-1 from the payer organization; the account leaves the distributor.
        clock.Advance(TimeSpan.FromMinutes(30));
        await MoveAsync(database, "R-AAA111", RequestTrigger.MarkRemovedFromPayer, TestData.SupportAgent, clock);
        await AddAsync(database, new AuditEvent(clock.GetUtcNow(), TestData.SupportAgent, nameof(CloudAccount), "a-1", "Departed",
            "Left the distributor by request R-AAA111 (AwsRemoveFromPayer)."));

        // T0+3h: support rejects R-BBB222 with a note a spreadsheet would run as a formula.
        clock.Advance(TimeSpan.FromHours(1));
        await MoveAsync(database, "R-BBB222", RequestTrigger.Reject, TestData.SupportAgent, clock, RejectNote);

        // T0+4h: Fabrikam's customer c-3 is removed; T0+5h: an event about nothing of a reseller's.
        clock.Advance(TimeSpan.FromHours(1));
        await AddAsync(database, new AuditEvent(clock.GetUtcNow(), TestData.Admin, nameof(Customer), "c-3", "Removed", "Removed by request R-CCC333."));
        clock.Advance(TimeSpan.FromHours(1));
        await AddAsync(database, new AuditEvent(clock.GetUtcNow(), Actor.System, "Maintenance", "keys", "Rotated"));
        return database;
    }

    private static async Task SaveAsync(SqliteTestDatabase database, RemovalRequest request)
    {
        await using var db = database.CreateContext();
        db.RemovalRequests.Add(request);
        await db.SaveChangesAsync();
    }

    private static async Task MoveAsync(SqliteTestDatabase database, string id, RequestTrigger trigger, Actor actor, TimeProvider clock, string? note = null)
    {
        await using var db = database.CreateContext();
        var request = await db.RemovalRequests.FindAsync(id) ?? throw new InvalidOperationException(id);
        request.Apply(trigger, actor, clock, note);
        await db.SaveChangesAsync();
    }

    private static async Task AddAsync(SqliteTestDatabase database, AuditEvent audit)
    {
        await using var db = database.CreateContext();
        db.AuditEvents.Add(audit);
        await db.SaveChangesAsync();
    }
}
