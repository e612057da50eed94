using Microsoft.Extensions.Time.Testing;
using SesBot.Core.Audit;
using SesBot.Core.Domain;
using SesBot.Core.Tests.Support;

namespace SesBot.Core.Tests.Audit;

public sealed class RequestAuditEntriesTests
{
    [Fact]
    public void Of_RequestMoves_ReadLikeTheAuditLogReadsThem()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 3, 15, 10, 0, 0, TimeSpan.Zero));
        var request = TestData.Request(RemovalOption.AwsSelfUnlink);
        request.Apply(RequestTrigger.SendInstructions, Actor.System, clock, "Emailed to root@example.com in German");

        var submitted = RequestAuditEntries.Of(request.PendingAudit[0], request);
        var sent = RequestAuditEntries.Of(request.PendingAudit[1], request);

        Assert.Equal(("Submitted", null, RequestStatus.Submitted, (string?)null), (submitted.Action, submitted.FromStatus, submitted.ToStatus, submitted.Note));
        Assert.Equal(("SendInstructions", RequestStatus.Submitted, RequestStatus.InstructionsSent, "Emailed to root@example.com in German"),
            (sent.Action, sent.FromStatus, sent.ToStatus, sent.Note));
        Assert.Equal((request.Id, RemovalOption.AwsSelfUnlink, TestData.ResellerId, "a-1"), (sent.RequestId, sent.RequestKind, sent.ResellerId, sent.AccountId));
        Assert.Equal((Actor.System.Id, "SesBot", Role.Admin), (sent.ActorId, sent.ActorName, sent.ActorRole));
    }
}
