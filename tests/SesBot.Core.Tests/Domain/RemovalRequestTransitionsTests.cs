using System.Reflection;
using Microsoft.Extensions.Time.Testing;
using SesBot.Core.Domain;
using SesBot.Core.Tests.Support;

namespace SesBot.Core.Tests.Domain;

public sealed class RemovalRequestTransitionsTests
{
    private static readonly DateTimeOffset Start = new(2027, 3, 15, 10, 0, 0, TimeSpan.Zero);

    /// <summary>Every row of every kind's table.</summary>
    public static TheoryData<RemovalOption, RequestStatus, RequestTrigger> EveryRow()
    {
        var data = new TheoryData<RemovalOption, RequestStatus, RequestTrigger>();
        foreach (var kind in Enum.GetValues<RemovalOption>())
        {
            foreach (var (from, trigger) in RemovalRequest.TransitionsOf(kind).Keys)
            {
                data.Add(kind, from, trigger);
            }
        }

        return data;
    }

    /// <summary>Every (status, trigger) pair that is not in a kind's table.</summary>
    public static TheoryData<RemovalOption, RequestStatus, RequestTrigger> EveryOtherPair()
    {
        var data = new TheoryData<RemovalOption, RequestStatus, RequestTrigger>();
        foreach (var kind in Enum.GetValues<RemovalOption>())
        {
            var table = RemovalRequest.TransitionsOf(kind);
            foreach (var status in Enum.GetValues<RequestStatus>())
            {
                foreach (var trigger in Enum.GetValues<RequestTrigger>())
                {
                    if (!table.ContainsKey((status, trigger)))
                    {
                        data.Add(kind, status, trigger);
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryRow))]
    public void Apply_EveryRowOfEveryTable_MovesBumpsVersionAndAudits(RemovalOption kind, RequestStatus from, RequestTrigger trigger)
    {
        var clock = new FakeTimeProvider(Start);
        var request = InStatus(kind, from, clock);
        var (to, who) = RemovalRequest.TransitionsOf(kind)[(from, trigger)];
        var actor = ActorFor(who);
        var version = request.Version;
        var auditCount = request.PendingAudit.Count;
        clock.Advance(TimeSpan.FromMinutes(5));

        request.Apply(trigger, actor, clock, "a note");

        Assert.Equal(to, request.Status);
        Assert.Equal(version + 1, request.Version);
        Assert.Equal(clock.GetUtcNow(), request.UpdatedAt);
        Assert.Equal("a note", request.LastNote);
        Assert.Equal(auditCount + 1, request.PendingAudit.Count);
        var audit = request.PendingAudit[^1];
        Assert.Equal(actor.Id, audit.ActorId);
        Assert.Equal(actor.DisplayName, audit.ActorName);
        Assert.Equal(actor.Role, audit.ActorRole);
        Assert.Equal(trigger.ToString(), audit.Action);
        Assert.Equal(nameof(RemovalRequest), audit.EntityType);
        Assert.Equal(request.Id, audit.EntityId);
        Assert.Equal(clock.GetUtcNow(), audit.At);
        Assert.Equal($"{from} -> {to}: a note", audit.Details);
        if (RemovalRequest.IsFinal(to))
        {
            Assert.False(request.IsOpen);
            Assert.Null(request.OpenSubjectKey);
        }
        else
        {
            Assert.True(request.IsOpen);
            Assert.Equal(RemovalRequest.SubjectKeyFor(kind, request.CustomerId, request.CloudAccountId), request.OpenSubjectKey);
        }
    }

    [Theory]
    [MemberData(nameof(EveryOtherPair))]
    public void Apply_EveryPairNotInTheTable_ThrowsAndChangesNothing(RemovalOption kind, RequestStatus status, RequestTrigger trigger)
    {
        var clock = new FakeTimeProvider(Start);
        var request = InStatus(kind, status, clock);
        var version = request.Version;
        var audits = request.PendingAudit.Count;

        var error = Assert.Throws<DomainException>(() => request.Apply(trigger, TestData.Admin, clock));

        Assert.Equal($"Cannot {trigger} a {kind} request that is {status}.", error.Message);
        Assert.Equal(status, request.Status);
        Assert.Equal(version, request.Version);
        Assert.Equal(audits, request.PendingAudit.Count);
        Assert.False(request.CanApply(trigger, TestData.Admin));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void TransitionsOf_EveryKind_EveryStatusReachableFromSubmittedAndEveryOpenStatusCanMoveOn(RemovalOption kind)
    {
        var table = RemovalRequest.TransitionsOf(kind);
        var reachable = Reachable(kind);

        Assert.All(table.Keys, k => Assert.Contains(k.From, reachable));
        Assert.All(reachable.Where(s => !RemovalRequest.IsFinal(s)), s => Assert.Contains(table.Keys, k => k.From == s));
        Assert.DoesNotContain(table.Keys, k => RemovalRequest.IsFinal(k.From));
        Assert.Contains(RequestStatus.Completed, reachable);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void TransitionsOf_EveryKind_RequesterMayCancelWhileSubmitted(RemovalOption kind)
    {
        var request = TestData.Request(kind);

        Assert.True(request.CanApply(RequestTrigger.Cancel, TestData.Requester));
        Assert.Contains(RequestTrigger.Cancel, request.AvailableTriggers());
    }

    [Theory]
    [InlineData(RemovalOption.AwsTransferOwnership)]
    [InlineData(RemovalOption.AwsRemoveFromPayer)]
    [InlineData(RemovalOption.AzureTransferToCsp)]
    [InlineData(RemovalOption.AzureSuspend)]
    [InlineData(RemovalOption.DeletedInErrorTicket)]
    public void Apply_CancelAfterSupportAccepted_Throws(RemovalOption kind)
    {
        var clock = new FakeTimeProvider(Start);
        var request = TestData.Request(kind);
        request.Apply(RequestTrigger.Accept, TestData.SupportAgent, clock);

        Assert.Throws<DomainException>(() => request.Apply(RequestTrigger.Cancel, TestData.Requester, clock));
        Assert.Equal(RequestStatus.Accepted, request.Status);
    }

    [Fact]
    public void Apply_AwsTransferOfOwnership_WalksEveryMilestoneToCompleted()
    {
        var clock = new FakeTimeProvider(Start);
        var request = TestData.Request(RemovalOption.AwsTransferOwnership);

        RequestTrigger[] path =
        [
            RequestTrigger.Accept, RequestTrigger.MarkAwsContacted, RequestTrigger.MarkPaperworkComplete,
            RequestTrigger.MarkCredentialsDelivered, RequestTrigger.MarkRemovedFromPayer,
        ];
        var statuses = new List<RequestStatus>();
        foreach (var trigger in path)
        {
            Assert.Equal([trigger], request.AvailableTriggers().Where(t => t is not (RequestTrigger.Reject or RequestTrigger.Cancel)));
            request.Apply(trigger, TestData.SupportAgent, clock);
            statuses.Add(request.Status);
        }

        Assert.Equal(
            [RequestStatus.Accepted, RequestStatus.AwsContacted, RequestStatus.PaperworkComplete, RequestStatus.CredentialsDelivered, RequestStatus.Completed],
            statuses);
        Assert.Equal(5, request.Version);
        Assert.Equal(["Submitted", .. path.Select(p => p.ToString())], request.PendingAudit.Select(a => a.Action));
        Assert.Empty(request.AvailableTriggers());
    }

    [Fact]
    public void Apply_FailedRemovalFromPayer_CanBeRetriedAndIsStillOpen()
    {
        var clock = new FakeTimeProvider(Start);
        var request = TestData.Request(RemovalOption.AwsRemoveFromPayer);
        request.Apply(RequestTrigger.Accept, TestData.SupportAgent, clock);

        request.Apply(RequestTrigger.Fail, TestData.SupportAgent, clock, "AWS said no");

        Assert.Equal(RequestStatus.Failed, request.Status);
        Assert.True(request.IsOpen);
        Assert.NotNull(request.OpenSubjectKey);
        Assert.Equal("AWS said no", request.LastNote);
        request.Apply(RequestTrigger.Retry, TestData.SupportAgent, clock);
        Assert.Equal(RequestStatus.Accepted, request.Status);
    }

    [Fact]
    public void Apply_WithoutNote_KeepsLastNoteAndAuditHasNoNote()
    {
        var clock = new FakeTimeProvider(Start);
        var request = TestData.Request(RemovalOption.AzureSuspend);
        request.Apply(RequestTrigger.Accept, TestData.SupportAgent, clock, "  looking at it  ");

        request.Apply(RequestTrigger.Complete, TestData.SupportAgent, clock);

        Assert.Equal("looking at it", request.LastNote);
        Assert.Equal("Accepted -> Completed", request.PendingAudit[^1].Details);
    }

    [Theory]
    [InlineData("   ", "Submitted -> Accepted")]
    [InlineData("", "Submitted -> Accepted")]
    [InlineData("  checked with AWS \n", "Submitted -> Accepted: checked with AWS")]
    public void Apply_BlankOrPaddedNote_AuditRecordsTheTrimmedNoteOnly(string note, string details)
    {
        var request = TestData.Request(RemovalOption.AwsRemoveFromPayer);

        request.Apply(RequestTrigger.Accept, TestData.SupportAgent, new FakeTimeProvider(Start), note);

        Assert.Equal(details, request.PendingAudit[^1].Details);
    }

    // ---- Permissions ----

    [Fact]
    public void Apply_RequesterCancels_Cancelled()
    {
        var request = TestData.Request(RemovalOption.AwsTransferOwnership);

        request.Apply(RequestTrigger.Cancel, TestData.Requester, new FakeTimeProvider(Start));

        Assert.Equal(RequestStatus.Cancelled, request.Status);
        Assert.Equal(TestData.Requester.Id, request.PendingAudit[^1].ActorId);
    }

    [Theory]
    [MemberData(nameof(NotTheRequester))]
    public void Apply_SomeoneElseCancels_ThrowsAndStaysSubmitted(Actor actor)
    {
        var request = TestData.Request(RemovalOption.AwsTransferOwnership);

        var error = Assert.Throws<DomainException>(() => request.Apply(RequestTrigger.Cancel, actor, new FakeTimeProvider(Start)));

        Assert.Equal($"{actor.DisplayName} may not Cancel request {request.Id}.", error.Message);
        Assert.Equal(RequestStatus.Submitted, request.Status);
        Assert.Equal(0, request.Version);
        Assert.False(request.CanApply(RequestTrigger.Cancel, actor));
    }

    public static TheoryData<Actor> NotTheRequester() => [TestData.Colleague, TestData.OtherResellerUser, TestData.SupportAgent];

    [Fact]
    public void Apply_AdminCancelsOnBehalfOfRequester_Cancelled()
    {
        var request = TestData.Request(RemovalOption.AzureTransferToCsp);

        request.Apply(RequestTrigger.Cancel, TestData.Admin, new FakeTimeProvider(Start));

        Assert.Equal(RequestStatus.Cancelled, request.Status);
    }

    [Theory]
    [InlineData(RequestTrigger.Accept)]
    [InlineData(RequestTrigger.Reject)]
    public void Apply_RequesterPullsSupportTrigger_Throws(RequestTrigger trigger)
    {
        var request = TestData.Request(RemovalOption.AwsRemoveFromPayer);

        Assert.False(request.CanApply(trigger, TestData.Requester));
        Assert.Throws<DomainException>(() => request.Apply(trigger, TestData.Requester, new FakeTimeProvider(Start)));
    }

    [Theory]
    [MemberData(nameof(SupportActors))]
    public void Apply_SupportOrAdminAccepts_Accepted(Actor actor)
    {
        var request = TestData.Request(RemovalOption.AwsRemoveFromPayer);

        Assert.True(request.CanApply(RequestTrigger.Accept, actor));
        request.Apply(RequestTrigger.Accept, actor, new FakeTimeProvider(Start));

        Assert.Equal(RequestStatus.Accepted, request.Status);
    }

    public static TheoryData<Actor> SupportActors() => [TestData.SupportAgent, TestData.Admin, Actor.System];

    [Theory]
    [InlineData(RemovalOption.DeleteFromPlatform)]
    [InlineData(RemovalOption.RemoveCustomer)]
    public void Apply_SelfServiceComplete_RequesterOrSupportButNotColleague(RemovalOption kind)
    {
        Assert.True(TestData.Request(kind).CanApply(RequestTrigger.Complete, TestData.Requester));
        Assert.True(TestData.Request(kind).CanApply(RequestTrigger.Complete, TestData.SupportAgent));
        Assert.True(TestData.Request(kind).CanApply(RequestTrigger.Reject, Actor.System));
        Assert.False(TestData.Request(kind).CanApply(RequestTrigger.Complete, TestData.Colleague));
        Assert.False(TestData.Request(kind).CanApply(RequestTrigger.Complete, TestData.OtherResellerUser));
    }

    [Fact]
    public void Apply_SelfUnlinkInstructions_SesBotReportsTheEmailSupportCompletes()
    {
        var clock = new FakeTimeProvider(Start);
        var request = TestData.Request(RemovalOption.AwsSelfUnlink);
        request.Apply(RequestTrigger.SendInstructions, Actor.System, clock);

        Assert.False(request.CanApply(RequestTrigger.Complete, TestData.Requester));
        request.Apply(RequestTrigger.Complete, TestData.SupportAgent, clock);

        Assert.Equal(RequestStatus.Completed, request.Status);
    }

    [Fact]
    public void Apply_SelfUnlinkInstructionsSent_RequesterMayStillCancelAndSupportMayReject()
    {
        var clock = new FakeTimeProvider(Start);
        var request = TestData.Request(RemovalOption.AwsSelfUnlink);
        request.Apply(RequestTrigger.SendInstructions, Actor.System, clock);

        Assert.True(request.CanApply(RequestTrigger.Cancel, TestData.Requester));
        Assert.False(request.CanApply(RequestTrigger.Cancel, TestData.Colleague));
        Assert.True(request.CanApply(RequestTrigger.Reject, TestData.SupportAgent));
        request.Apply(RequestTrigger.Cancel, TestData.Requester, clock);
        Assert.Equal(RequestStatus.Cancelled, request.Status);
        Assert.Null(request.OpenSubjectKey);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void TransitionsOf_EveryKind_NoOpenStatusBeforeSupportAcceptsTrapsTheRequester(RemovalOption kind)
    {
        // Until support has accepted, the requester can always withdraw: otherwise the open request blocks the account for good.
        var table = RemovalRequest.TransitionsOf(kind);
        var beforeSupport = new[] { RequestStatus.Submitted, RequestStatus.InstructionsSent }.Where(s => table.Keys.Any(k => k.From == s));

        Assert.All(beforeSupport, s => Assert.True(table.ContainsKey((s, RequestTrigger.Cancel)), $"{kind}: no Cancel from {s}"));
    }

    [Fact]
    public void Apply_NullActorOrClock_Throws()
    {
        var request = TestData.Request(RemovalOption.AzureSuspend);

        Assert.Throws<ArgumentNullException>(() => request.Apply(RequestTrigger.Accept, null!, TimeProvider.System));
        Assert.Throws<ArgumentNullException>(() => request.Apply(RequestTrigger.Accept, TestData.SupportAgent, null!));
    }

    [Theory]
    [InlineData(RequestStatus.Completed, true)]
    [InlineData(RequestStatus.Rejected, true)]
    [InlineData(RequestStatus.Cancelled, true)]
    [InlineData(RequestStatus.Submitted, false)]
    [InlineData(RequestStatus.Accepted, false)]
    [InlineData(RequestStatus.AwsContacted, false)]
    [InlineData(RequestStatus.PaperworkComplete, false)]
    [InlineData(RequestStatus.CredentialsDelivered, false)]
    [InlineData(RequestStatus.InstructionsSent, false)]
    [InlineData(RequestStatus.Failed, false)]
    public void IsFinal_EveryStatus_OnlyCompletedRejectedCancelled(RequestStatus status, bool expected) =>
        Assert.Equal(expected, RemovalRequest.IsFinal(status));

    public static TheoryData<RemovalOption> Kinds() => [.. Enum.GetValues<RemovalOption>()];

    // ---- Four-eyes ----

    /// <summary>Every row only support may move, for a filer who also holds the support or admin role.</summary>
    public static TheoryData<RemovalOption, RequestStatus, RequestTrigger, Role> SupportOnlyRowsWithFilerRoles()
    {
        var data = new TheoryData<RemovalOption, RequestStatus, RequestTrigger, Role>();
        foreach (var kind in Enum.GetValues<RemovalOption>())
        {
            foreach (var ((from, trigger), (_, who)) in RemovalRequest.TransitionsOf(kind))
            {
                if (who.HasFlag(RemovalRequest.Permitted.Support) && !who.HasFlag(RemovalRequest.Permitted.Requester))
                {
                    data.Add(kind, from, trigger, Role.SupportAgent);
                    data.Add(kind, from, trigger, Role.Admin);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SupportOnlyRowsWithFilerRoles))]
    public void Apply_SupportOnlyMoveByThePersonWhoFiledIt_RefusedWhateverTheirRole(RemovalOption kind, RequestStatus from, RequestTrigger trigger, Role role)
    {
        var clock = new FakeTimeProvider(Start);
        var request = InStatus(kind, from, clock);
        var filerWithRole = new Actor(TestData.Requester.Id, TestData.Requester.DisplayName, role);

        Assert.False(request.CanApply(trigger, filerWithRole));
        Assert.True(request.IsFourEyesRefusal(trigger, filerWithRole));
        Assert.Throws<DomainException>(() => request.Apply(trigger, filerWithRole, clock));
        Assert.Equal(from, request.Status);
        Assert.True(request.CanApply(trigger, TestData.SupportAgent), "another support agent may");
    }

    // ---- Moves only SesBot itself reports ----

    [Fact]
    public void SendInstructions_ByAnyPerson_RefusedOnlySesBotReportsTheEmailItSent()
    {
        var clock = new FakeTimeProvider(Start);
        var request = TestData.Request(RemovalOption.AwsSelfUnlink);

        foreach (var person in new[] { TestData.Requester, TestData.SupportAgent, TestData.Admin })
        {
            Assert.False(request.CanApply(RequestTrigger.SendInstructions, person), person.DisplayName);
            Assert.False(request.IsFourEyesRefusal(RequestTrigger.SendInstructions, person));
            Assert.Throws<DomainException>(() => request.Apply(RequestTrigger.SendInstructions, person, clock));
        }

        Assert.Equal(RequestStatus.Submitted, request.Status);
        Assert.True(request.CanApply(RequestTrigger.SendInstructions, Actor.System));
        request.Apply(RequestTrigger.SendInstructions, Actor.System, clock, "it@example.com in German");
        Assert.Equal(RequestStatus.InstructionsSent, request.Status);
    }

    [Theory]
    [InlineData(RequestStatus.Submitted)]
    [InlineData(RequestStatus.InstructionsSent)]
    public void AvailableTriggers_UnlinkWaitingOrSent_RequesterMayCancel(RequestStatus status)
    {
        var clock = new FakeTimeProvider(Start);
        var request = InStatus(RemovalOption.AwsSelfUnlink, status, clock);

        Assert.Contains(RequestTrigger.Cancel, request.AvailableTriggers());
        Assert.True(request.CanApply(RequestTrigger.Cancel, TestData.Requester));
    }

    // ---- Helpers ----

    private static Actor ActorFor(RemovalRequest.Permitted who) =>
        who == RemovalRequest.Permitted.System ? Actor.System
        : who.HasFlag(RemovalRequest.Permitted.Support) ? TestData.SupportAgent
        : TestData.Requester;

    /// <summary>A request of the kind in the given status: walked there through the table when it can be, else set directly.</summary>
    private static RemovalRequest InStatus(RemovalOption kind, RequestStatus status, TimeProvider clock)
    {
        var request = TestData.Request(kind);
        var path = PathTo(kind, status);
        if (path is null)
        {
            typeof(RemovalRequest).GetProperty(nameof(RemovalRequest.Status), BindingFlags.Public | BindingFlags.Instance)!
                .SetValue(request, status);
            return request;
        }

        foreach (var trigger in path)
        {
            var who = RemovalRequest.TransitionsOf(kind)[(request.Status, trigger)].Who;
            request.Apply(trigger, who == RemovalRequest.Permitted.System ? Actor.System : TestData.Admin, clock);
        }

        Assert.Equal(status, request.Status);
        return request;
    }

    private static List<RequestTrigger>? PathTo(RemovalOption kind, RequestStatus target)
    {
        var table = RemovalRequest.TransitionsOf(kind);
        var paths = new Dictionary<RequestStatus, List<RequestTrigger>> { [RequestStatus.Submitted] = [] };
        var queue = new Queue<RequestStatus>([RequestStatus.Submitted]);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            foreach (var ((from, trigger), (to, _)) in table)
            {
                if (from == current && !paths.ContainsKey(to))
                {
                    paths[to] = [.. paths[current], trigger];
                    queue.Enqueue(to);
                }
            }
        }

        return paths.GetValueOrDefault(target);
    }

    private static HashSet<RequestStatus> Reachable(RemovalOption kind) =>
        [.. Enum.GetValues<RequestStatus>().Where(s => PathTo(kind, s) is not null)];
}
