using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SesBot.Core.Domain;
using SesBot.Core.Persistence;
using SesBot.Core.Support;

namespace SesBot.Core.Tests.Support;

/// <summary>Reminder schedules on a real PostgreSQL server: planned, due by time, moved on once (a second writer conflicts).</summary>
[Trait("Category", "PostgreSQL")]
public sealed class SupportFollowUpsPostgresTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 18, 10, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task PlanDueMarkSent_OnPostgres_OnceAndTheSecondWriterConflicts()
    {
        var connection = await server.CreateDatabaseAsync();
        var clock = new FakeTimeProvider(Now);
        var options = Options.Create(new FollowUpOptions());
        await using (var db = PostgresServer.CreateContext(connection))
        {
            await new DatabaseInitializer(db, clock).InitializeAsync(migrate: true, seedDemoData: true);
            db.RemovalRequests.Add(new RemovalRequest("R-PGFU01", "k-fu", RemovalOption.AzureSuspend, new Actor("alex", "Alex", Role.ResellerUser, DemoData.NorthwindResellerId), DemoData.NorthwindResellerId, "c-tailspin", "z-tailspin-dev", Now));
            await db.SaveChangesAsync();
            Assert.Equal(1, await new SupportFollowUps(db, options, clock).PlanAsync());
            await db.SaveChangesAsync();
        }

        clock.Advance(FollowUpOptions.DefaultRemindAfter - TimeSpan.FromSeconds(1));
        await using (var db = PostgresServer.CreateContext(connection))
        {
            Assert.Empty(await new SupportFollowUps(db, options, clock).DueAsync(10));
            Assert.Equal(Now + FollowUpOptions.DefaultRemindAfter, await new SupportFollowUps(db, options, clock).NextDueAsync());
        }

        clock.Advance(TimeSpan.FromSeconds(1));
        await using var first = PostgresServer.CreateContext(connection);
        await using var second = PostgresServer.CreateContext(connection);
        var one = new SupportFollowUps(first, options, clock);
        var two = new SupportFollowUps(second, options, clock);
        var dueOne = Assert.Single(await one.DueAsync(10));
        var dueTwo = Assert.Single(await two.DueAsync(10));
        Assert.Equal((FollowUpStage.Reminded, WaitingOn.Support), (dueOne.Stage, dueOne.FollowUp.WaitingOn));

        one.MarkSent(dueOne);
        await first.SaveChangesAsync();
        two.MarkSent(dueTwo);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var read = PostgresServer.CreateContext(connection);
        var stored = await read.Set<RequestFollowUp>().AsNoTracking().SingleAsync();
        Assert.Equal((FollowUpStage.Reminded, Now + FollowUpOptions.DefaultEscalateAfter, 1), (stored.Stage, stored.DueAt, stored.Revision));
        Assert.Equal(0, await new SupportFollowUps(read, options, clock).PlanAsync());
    }
}
