using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SesBot.Core.Domain;
using SesBot.Core.Persistence;
using SesBot.Core.Support;
using SesBot.Core.Workflow;

namespace SesBot.Core.Tests.Support;

/// <summary>Which channel support works in: chosen by an admin (stored, unique per region) over configuration.</summary>
public sealed class SupportChannelsTests : IAsyncLifetime
{
    private static readonly Actor Admin = new("msteams:t:isaiah", "Isaiah Langer", Role.Admin);
    private static readonly Actor Agent = new("msteams:t:megan", "Megan Bowen", Role.SupportAgent);
    private static readonly Actor Reseller = new("msteams:t:alex", "Alex Wilber", Role.ResellerUser, "r-northwind");

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 4, 20, 0, 0, TimeSpan.Zero));
    private SqliteTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await SqliteTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task CurrentAsync_NothingChosenNorConfigured_Null()
    {
        await using var db = _database.CreateContext();
        Assert.Null(await Channels(db).CurrentAsync());
    }

    [Fact]
    public async Task CurrentAsync_OnlyConfigured_TheConfiguredChannel()
    {
        await using var db = _database.CreateContext();
        var current = await Channels(db, " 19:conf@thread.tacv2 ").CurrentAsync();
        Assert.Equal(new SupportChannelChoice("msteams", "19:conf@thread.tacv2", null, SupportChannelSource.Configuration), current);
    }

    [Fact]
    public async Task UseAsync_Admin_StoredAndWinsOverConfiguration()
    {
        await using (var db = _database.CreateContext())
        {
            var change = await Channels(db, "19:conf@thread.tacv2").UseAsync(Admin, "msteams", "19:desk@thread.tacv2", "SES Support");
            Assert.Equal(OutcomeKind.Ok, change.Kind);
            Assert.Equal(SupportChannelSource.Configuration, change.Previous!.Source);
            await db.SaveChangesAsync();
        }

        await using var again = _database.CreateContext();
        Assert.Equal(
            new SupportChannelChoice("msteams", "19:desk@thread.tacv2", "SES Support", SupportChannelSource.Chosen, "Isaiah Langer", _clock.GetUtcNow()),
            await Channels(again, "19:conf@thread.tacv2").CurrentAsync());
    }

    [Theory]
    [MemberData(nameof(NotAdmins))]
    public async Task UseAsync_NotAnAdmin_DeniedAndNothingStored(Actor actor)
    {
        await using var db = _database.CreateContext();
        var change = await Channels(db).UseAsync(actor, "msteams", "19:desk@thread.tacv2", null);
        await db.SaveChangesAsync();

        Assert.Equal((OutcomeKind.Denied, "Only an SES admin can choose the support channel."), (change.Kind, change.Message));
        Assert.Empty(await db.SupportChannels.ToListAsync());
    }

    public static TheoryData<Actor> NotAdmins() => [Agent, Reseller];

    [Fact]
    public async Task UseAsync_SameThenAnother_DuplicateThenChangedInPlace()
    {
        await using var db = _database.CreateContext();
        var channels = Channels(db);
        await channels.UseAsync(Admin, "msteams", "19:desk@thread.tacv2", null);
        await db.SaveChangesAsync();

        Assert.Equal(OutcomeKind.Duplicate, (await channels.UseAsync(Admin, "msteams", "19:desk@thread.tacv2", null)).Kind);
        _clock.Advance(TimeSpan.FromHours(1));
        var change = await channels.UseAsync(Admin, "msteams", "19:other@thread.tacv2", "Other");
        await db.SaveChangesAsync();

        Assert.Equal((OutcomeKind.Ok, "19:desk@thread.tacv2", "19:other@thread.tacv2"), (change.Kind, change.Previous!.ConversationKey, change.Current!.ConversationKey));
        var stored = Assert.Single(await db.SupportChannels.AsNoTracking().ToListAsync());
        Assert.Equal(_clock.GetUtcNow(), stored.SetAt);
    }

    [Fact]
    public async Task UseAsync_TwoAdminsAtOnce_TheUniqueRegionLetsOnlyOneCommit()
    {
        await using var first = _database.CreateContext();
        await using var second = _database.CreateContext();
        await Channels(first).UseAsync(Admin, "msteams", "19:one@thread.tacv2", null);
        await Channels(second).UseAsync(Admin with { Id = "msteams:t:other-admin" }, "msteams", "19:two@thread.tacv2", null);

        await first.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateException>(() => second.SaveChangesAsync());
    }

    private SupportChannels Channels(SesBotDbContext db, string? configured = null) =>
        new(db, Options.Create(new SupportOptions { ChannelConversationId = configured }), _clock);
}
