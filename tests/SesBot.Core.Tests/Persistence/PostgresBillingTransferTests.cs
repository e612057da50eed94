using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SesBot.Core.Domain;
using SesBot.Core.Persistence;
using SesBot.Core.Tests.Support;
using SesBot.Core.Workflow;

namespace SesBot.Core.Tests.Persistence;

/// <summary>The billing-transfer columns and queries on a real PostgreSQL server: demo accounts round-trip, ending one ends the organization.</summary>
[Trait("Category", "PostgreSQL")]
public sealed class PostgresBillingTransferTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 18, 10, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task DemoData_EndBillingTransfer_StoredAndReadBackForTheWholeOrganization()
    {
        var clock = new FakeTimeProvider(Now);
        var connection = await server.CreateDemoDatabaseAsync(clock);

        var alex = new Actor("alex", "Alex", Role.ResellerUser, DemoData.NorthwindResellerId);
        var megan = new Actor("megan", "Megan", Role.SupportAgent);
        string id;
        await using (var db = PostgresServer.CreateContext(connection))
        {
            var service = new RemovalRequestService(db, clock);
            var options = (await service.GetAccountOptionsAsync(alex, "a-coho-org"))!;
            Assert.Equal(new BillingTransfer(DemoData.CohoTransferId, new DateTimeOffset(2026, 8, 1, 0, 0, 0, TimeSpan.Zero), "890123456789", null), options.Account.BillingTransfer);
            Assert.Equal(["a-coho-shop"], options.TransferAccounts.Select(a => a.Id));
            Assert.Equal(new DateTimeOffset(2026, 11, 30, 23, 59, 59, TimeSpan.Zero), options.EndTransferImpact!.PeriodEnd);
            id = (await service.SubmitAsync(new SubmitRemovalRequest("k-1", alex, RemovalOption.AwsEndBillingTransfer, "a-coho-org"))).Request!.Id;
            await db.SaveChangesAsync();
        }

        foreach (var trigger in new[] { RequestTrigger.Accept, RequestTrigger.EndBillingTransfer })
        {
            await using var db = PostgresServer.CreateContext(connection);
            Assert.Equal(OutcomeKind.Ok, (await new RemovalRequestService(db, clock).ApplyAsync(new ApplyRequestTrigger(id, trigger, megan))).Kind);
            await db.SaveChangesAsync();
        }

        await using var check = PostgresServer.CreateContext(connection);
        var ended = await check.CloudAccounts.Where(a => a.CustomerId == "c-coho").OrderBy(a => a.Id).ToListAsync();
        Assert.All(ended, a =>
        {
            Assert.Equal(AccountState.Departed, a.State);
            Assert.Equal(new DateTimeOffset(2026, 11, 30, 23, 59, 59, TimeSpan.Zero), a.BillingTransfer!.EndsAt);
        });
        var request = await check.RemovalRequests.SingleAsync(r => r.Id == id);
        Assert.Equal((RequestStatus.Completed, 30, 30), (request.Status, request.BillingImpact!.LinkedDays, request.BillingImpact.DaysInMonth));
    }
}
