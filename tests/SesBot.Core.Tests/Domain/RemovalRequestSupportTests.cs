using Microsoft.Extensions.Time.Testing;
using SesBot.Core.Domain;
using SesBot.Core.Tests.Support;

namespace SesBot.Core.Tests.Domain;

public sealed class RemovalRequestSupportTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 18, 14, 2, 0, TimeSpan.Zero));

    [Fact]
    public void AssignTo_SupportAgent_StoresWhoAndWhenBumpsVersionAndAudits()
    {
        var request = TestData.Request(RemovalOption.AwsRemoveFromPayer);

        request.AssignTo(TestData.SupportAgent, _clock);

        Assert.Equal((TestData.SupportAgent.Id, "Sam (support)", _clock.GetUtcNow(), 1), (request.AssignedToId, request.AssignedToName, request.AssignedAt, request.Version));
        Assert.Equal(("Assigned", "Assigned to Sam (support)"), (request.PendingAudit[^1].Action, request.PendingAudit[^1].Details));
        request.AssignTo(TestData.Admin, _clock);
        Assert.Equal("Assigned to Ada (admin) (was Sam (support))", request.PendingAudit[^1].Details);
    }

    [Fact]
    public void AssignTo_ResellerOrTheRequesterEvenAsAdmin_Throws()
    {
        var request = TestData.Request(RemovalOption.AwsRemoveFromPayer);
        Assert.Throws<DomainException>(() => request.AssignTo(TestData.Colleague, _clock));

        var own = TestData.Request(RemovalOption.AwsRemoveFromPayer, requester: TestData.Admin);
        Assert.Throws<DomainException>(() => own.AssignTo(TestData.Admin, _clock));
        Assert.False(own.IsWorkableBy(TestData.Admin));
        Assert.True(own.IsWorkableBy(TestData.SupportAgent));
        Assert.Null(own.AssignedToId);
    }

    [Fact]
    public void AskReseller_ThenAnswer_WaitsAndClears()
    {
        var request = TestData.Request(RemovalOption.AwsRemoveFromPayer);

        request.AskReseller(TestData.SupportAgent, "  Which month is the last one to invoice?  ", _clock);
        Assert.True(request.IsWaitingOnReseller);
        Assert.Equal(("Which month is the last one to invoice?", "Sam (support)", 1), (request.OpenQuestion, request.QuestionAskedByName, request.Version));
        Assert.Throws<DomainException>(() => request.AskReseller(TestData.SupportAgent, "again?", _clock));
        Assert.Throws<DomainException>(() => request.AnswerQuestion(TestData.OtherResellerUser, "me?", _clock));

        request.AnswerQuestion(TestData.Colleague, "November", _clock);

        Assert.False(request.IsWaitingOnReseller);
        Assert.Equal(2, request.Version);
        Assert.Equal(("InformationProvided", "November"), (request.PendingAudit[^1].Action, request.PendingAudit[^1].Details));
        Assert.Throws<DomainException>(() => request.AnswerQuestion(TestData.Requester, "twice", _clock));
    }

    [Fact]
    public void AskReseller_OverTheLimit_Throws()
    {
        var request = TestData.Request(RemovalOption.AwsRemoveFromPayer);
        Assert.Throws<DomainException>(() => request.AskReseller(TestData.SupportAgent, new string('q', FieldLimits.SupportNote + 1), _clock));
        Assert.Null(request.OpenQuestion);
    }

    [Fact]
    public void Apply_ClosingMove_ClearsTheOpenQuestion()
    {
        var request = TestData.Request(RemovalOption.AwsRemoveFromPayer);
        request.AskReseller(TestData.SupportAgent, "Still needed?", _clock);

        request.Apply(RequestTrigger.Reject, TestData.SupportAgent, _clock, "No answer.");

        Assert.False(request.IsWaitingOnReseller);
        Assert.Throws<DomainException>(() => request.AssignTo(TestData.SupportAgent, _clock));
        Assert.Throws<DomainException>(() => request.AskReseller(TestData.SupportAgent, "And now?", _clock));
    }
}
