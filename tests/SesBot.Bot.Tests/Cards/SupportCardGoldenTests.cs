using Microsoft.Extensions.DependencyInjection;
using SesBot.Bot.Cards;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Bot.Support;
using SesBot.Bot.Tests.Dialogs.Support;
using SesBot.Core.Conversations;
using SesBot.Core.Outbox;

namespace SesBot.Bot.Tests.Cards;

/// <summary>
/// The support desk's cards, reached as people reach them, against their reviewed goldens in Golden/cards/ (and so
/// through the official renderer by <see cref="CardGoldenValidationTests"/>): the card a new request posts to the
/// support channel (kept by a recording poster at the channel edge), the channel choice, and the queue.
/// </summary>
public sealed class SupportCardGoldenTests : IAsyncLifetime
{
    private const string ChannelId = "19:support-desk@thread.tacv2";

    private readonly RecordingPoster _poster = new();
    private DialogHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await DialogHost.StartAsync(configure: services => services.AddSingleton<ISupportThreadPoster>(_poster));
        await _host.DbAsync(async db =>
        {
            db.ConversationAddresses.Add(new ConversationAddress("msteams", ChannelId, ConversationScope.TeamChannel, "{}", _host.Clock.GetUtcNow()) { DisplayName = "SES Support" });
            await db.SaveChangesAsync();
        });
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task SupportDesk_ChannelNewRequestCardsAndQueue_MatchGoldens()
    {
        var goldens = new CardGoldens(_host);
        var alex = new DialogTranscript(_host, Person.Alex);
        var megan = alex.As(Person.Megan);
        await goldens.CheckAsync("support-channel-none", await megan.Send("support channel"));
        await goldens.CheckAsync("support-channel-refused", await alex.SendInChannel(ChannelId, "use this channel for support requests"));
        await goldens.CheckAsync("support-channel-chosen", await alex.As(Person.Isaiah).SendInChannel(ChannelId, "use this channel for support requests"));
        await goldens.CheckAsync("support-channel", await megan.Send("support channel"));

        await FlowWalker.WalkToAsync(alex, FlowStep.ReviewTransfer);
        await alex.Click(ActionIds.SubmitTransferRequest).AssertText("is submitted");
        _host.Clock.Advance(TimeSpan.FromMinutes(40));
        await FlowWalker.WalkToAsync(alex, FlowStep.ConfirmRemoveFromPayer);
        await alex.Click(ActionIds.ConfirmRemoveFromPayer).AssertText("is submitted");
        Assert.Equal(2, _poster.Cards.Count);
        await goldens.CheckAsync("support-new-request-aws-transfer", _poster.Cards[0]);
        await goldens.CheckAsync("support-new-request-remove-from-payer", _poster.Cards[1]);

        _host.Clock.Advance(TimeSpan.FromHours(3));
        await goldens.CheckAsync("support-queue", await megan.Send("queue"));
        await goldens.CheckAsync("support-queue-mine", await megan.Send("queue mine"));
        await goldens.CheckAsync("support-queue-refused", await alex.Send("queue"));
        goldens.AssertAllMatched();
    }

    /// <summary>The channel edge: keeps each support card it is asked to post, and queues a row like a real poster.</summary>
    private sealed class RecordingPoster : ISupportThreadPoster
    {
        public List<Reply> Cards { get; } = [];

        public string Channel => "msteams";

        public OutboxMessage? NewThread(ConversationAddress address, Reply card, string idempotencyKey, DateTimeOffset now)
        {
            Cards.Add(card);
            return new OutboxMessage("test.support-thread", idempotencyKey, address.ConversationKey, "{}", now);
        }
    }
}
