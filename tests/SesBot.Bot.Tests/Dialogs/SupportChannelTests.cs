using Microsoft.EntityFrameworkCore;
using SesBot.Bot.Cards;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Bot.Tests.Dialogs.Support;
using SesBot.Core.Domain;
using SesBot.Core.Support;

namespace SesBot.Bot.Tests.Dialogs;

/// <summary>Choosing the support channel ("use this channel for support requests"), showing it, and the queue.</summary>
public sealed class SupportChannelTests : DialogTestBase
{
    private const string SupportChannelId = "19:support-desk@thread.tacv2";
    private const string OtherChannelId = "19:general@thread.tacv2";

    private DialogTranscript Isaiah => Alex.As(Person.Isaiah);

    private DialogTranscript Megan => Alex.As(Person.Megan);

    [Fact]
    public async Task UseThisChannel_AdminInTeamChannel_StoresChannelShownBySupportChannel()
    {
        await Megan.Send("support channel").AssertParagraph("No support channel is set", Tone.Warning);

        await Isaiah.SendInChannel(SupportChannelId, "use this channel for support requests")
            .AssertParagraph("Done: every new request is posted here as its own thread.", Tone.Good)
            .AssertText("No support channel was set before.");

        var stored = Assert.Single(await Host.DbAsync(db => db.SupportChannels.AsNoTracking().ToListAsync()));
        Assert.Equal((SupportChannel.DefaultRegion, "msteams", SupportChannelId, "Isaiah Langer", DialogHost.DefaultStart),
            (stored.Region, stored.Channel, stored.ConversationKey, stored.SetByName, stored.SetAt));
        await Megan.Send("support channel")
            .AssertFact("Channel", SupportChannelId)
            .AssertFact("Chosen", "by Isaiah Langer, 18 Nov 2026 10:00 UTC");
        await Isaiah.Send("which support channel?").AssertFact("Channel", SupportChannelId);
    }

    [Fact]
    public async Task UseThisChannel_NotAdmin_RefusedAndNothingStored()
    {
        await Megan.SendInChannel(SupportChannelId, "use this channel for support requests")
            .AssertParagraph("Only an SES admin can choose the support channel.", Tone.Attention);
        await Alex.SendInChannel(SupportChannelId, "use this channel for support requests")
            .AssertText("Only an SES admin can choose the support channel.");

        Assert.Empty(await Host.DbAsync(db => db.SupportChannels.AsNoTracking().ToListAsync()));
        await Alex.Send("support channel").AssertText("Only SES support can see which channel support works in.");
    }

    [Fact]
    public async Task UseThisChannel_AnotherChannelLater_ReplacesTheFirst()
    {
        await Isaiah.SendInChannel(SupportChannelId, "use this channel for support requests").AssertText("No support channel was set before.");
        await Isaiah.SendInChannel(SupportChannelId, "use this channel for support requests").AssertText("This channel already gets the support requests.");
        Host.Clock.Advance(TimeSpan.FromHours(2));

        await Isaiah.SendInChannel(OtherChannelId, "please use this channel for support requests")
            .AssertText($"It replaces channel {SupportChannelId}.");

        var stored = Assert.Single(await Host.DbAsync(db => db.SupportChannels.AsNoTracking().ToListAsync()));
        Assert.Equal(OtherChannelId, stored.ConversationKey);
        await Megan.Send("support channel").AssertFact("Channel", OtherChannelId).AssertFact("Chosen", "12:00 UTC");
    }

    [Fact]
    public async Task UseThisChannel_InPersonalChat_AsksForATeamChannel()
    {
        await Isaiah.Send("use this channel for support requests").AssertText("Type this in the team channel that should get the support requests");
        Assert.Empty(await Host.DbAsync(db => db.SupportChannels.AsNoTracking().ToListAsync()));
    }

    [Fact]
    public async Task SupportChannel_ConfiguredThenChosen_ChosenWins()
    {
        await using var host = await DialogHost.StartAsync(settings: new Dictionary<string, string?> { ["Support:ChannelConversationId"] = OtherChannelId });
        var megan = new DialogTranscript(host, Person.Megan);

        await megan.Send("support channel").AssertFact("Channel", OtherChannelId).AssertFact("Chosen", "in configuration (Support:ChannelConversationId)");
        await megan.As(Person.Isaiah).SendInChannel(SupportChannelId, "use this channel for support requests").AssertText($"It replaces channel {OtherChannelId}.");
        await megan.Send("support channel").AssertFact("Channel", SupportChannelId).AssertFact("Chosen", "by Isaiah Langer");
    }

    [Fact]
    public async Task Queue_SupportAgent_ListsOpenRequestsOldestFirstUnassignedWithWaitingTime()
    {
        await Megan.Send("queue").AssertText("No open requests.");
        var suspend = await SubmitAsync("c-tailspin", "z-tailspin-dev", RemovalOption.AzureSuspend, ActionIds.SubmitAzureSuspend, (DataKeys.Reason, "Project ended."));
        Host.Clock.Advance(TimeSpan.FromMinutes(95));
        var payer = await SubmitAsync("c-adventure", "a-adventure-web", RemovalOption.AwsRemoveFromPayer, ActionIds.ConfirmRemoveFromPayer);
        Host.Clock.Advance(TimeSpan.FromMinutes(10));

        var queue = await Megan.Send("queue")
            .AssertText("Open requests, oldest first (2)")
            .AssertFact(suspend, "Suspend the subscription · Tailspin Toys / 0b7e4d2c-1f3a-4b5c-8d9e-a1b2c3d4e5f6 · Submitted, waiting for support · unassigned · waiting 1 h 45 min")
            .AssertFact(payer, "Remove from the payer organization · Adventure Works Cycles / 345678901234 · Submitted, waiting for support · unassigned · waiting 10 min");
        var ids = queue.Blocks.OfType<FactsBlock>().Single().Facts.Select(f => f.Label).ToList();
        Assert.Equal([suspend, payer], ids);

        await Megan.Send("queue mine").AssertText("Nothing is assigned to you yet").AssertText("2 open requests are unassigned");
        await Isaiah.Send("queue").AssertFact(payer, "unassigned");
    }

    [Fact]
    public async Task Queue_Reseller_Refused()
    {
        var payer = await SubmitAsync("c-adventure", "a-adventure-web", RemovalOption.AwsRemoveFromPayer, ActionIds.ConfirmRemoveFromPayer);

        await Alex.Send("queue").AssertText("The queue is for SES support.").AssertNoText(payer);
        await Alex.Send("queue mine").AssertText("The queue is for SES support.");
    }

    [Fact]
    public async Task Queue_InTeamChannels_OnlyInTheSupportChannel()
    {
        await Isaiah.SendInChannel(SupportChannelId, "use this channel for support requests");
        var payer = await SubmitAsync("c-adventure", "a-adventure-web", RemovalOption.AwsRemoveFromPayer, ActionIds.ConfirmRemoveFromPayer);

        await Megan.SendInChannel(OtherChannelId, "queue").AssertText("Type \"queue\" in the support channel").AssertNoText(payer);
        await Megan.SendInChannel(SupportChannelId, "queue").AssertFact(payer, "unassigned");
    }

    private async Task<string> SubmitAsync(string customerId, string accountId, RemovalOption option, string submitVerb, params (string Key, string Value)[] inputs)
    {
        await OpenOptionsAsync(Alex, customerId, accountId);
        await Alex.Click(ActionIds.ChooseOption, (DataKeys.Option, option.ToString()));
        var turn = await Alex.Click(submitVerb, inputs).AssertText("is submitted");
        return turn.ActionValue(ActionIds.RefreshStatus, DataKeys.RequestId);
    }
}
