using SesBot.Bot.Cards;
using SesBot.Bot.Dialogs;
using SesBot.Bot.Tests.Dialogs.Support;
using SesBot.Core.Domain;

namespace SesBot.Bot.Tests.Dialogs.SupportWork;

/// <summary>Two agents click Accept on the same card at the same moment, each turn through the pipeline: one wins.</summary>
public sealed class ConcurrentAcceptTests : SupportDeskTestBase
{
    [Fact]
    public async Task Accept_TwoAgentsAtOnce_ExactlyOneAcceptAndTheOtherSeesWhoWon()
    {
        // Three requests (three accounts), each clicked by both agents at once.
        var ids = new[] { await FileRemoveFromPayerAsync(), await FileTransferOfOwnershipAsync(), await FileSuspensionAsync() };
        foreach (var id in ids)
        {
            var clicks = new[] { Megan, Isaiah }.Select(agent =>
                Task.Run(() => agent.Forge(ActionIds.SupportAccept, (DataKeys.RequestId, id), (DataKeys.Version, "0")))).ToArray();
            var turns = await Task.WhenAll(clicks);

            var audit = await AuditAsync(id);
            Assert.Single(audit, e => e.Action == nameof(RequestTrigger.Accept));
            Assert.Single(audit, e => e.Action == "Assigned");
            var request = await RequestAsync(id);
            Assert.Equal(RequestStatus.Accepted, request.Status);
            var winner = request.AssignedToName!;
            var loser = turns.Single(t => !t.Said.StartsWith(winner, StringComparison.Ordinal));
            loser.AssertText($"Already accepted by {winner} at");

            // Only the winner's change was sent out: one support-card update, one status card update, one notice.
            var rows = await OutboxAsync();
            Assert.Single(rows, r => r.IdempotencyKey.StartsWith($"notice:{id}:", StringComparison.Ordinal));
            Assert.Single(rows, r => r.IdempotencyKey.StartsWith($"support-card:{id}:", StringComparison.Ordinal));
            Assert.Single(rows, r => r.IdempotencyKey.StartsWith($"status-card:{id}:", StringComparison.Ordinal));
        }
    }

    private async Task<string> FileSuspensionAsync()
    {
        await FlowWalker.WalkToAsync(Alex, FlowStep.AzureSuspendDetails);
        return (await Alex.Click(ActionIds.SubmitAzureSuspend, (DataKeys.Reason, "Project ended"))).ActionValue(ActionIds.RefreshStatus, DataKeys.RequestId);
    }
}
