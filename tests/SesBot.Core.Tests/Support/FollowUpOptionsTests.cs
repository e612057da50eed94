using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SesBot.Core.Domain;
using SesBot.Core.Support;

namespace SesBot.Core.Tests.Support;

/// <summary>Reminder times per request kind, workflow, urgency or default, as configuration names them; who a request waits on.</summary>
public sealed class FollowUpOptionsTests
{
    [Fact]
    public void RemindAfterFor_KeysFromConfiguration_KindBeatsUrgentBeatsWorkflowBeatsDefault()
    {
        var options = Bind(new Dictionary<string, string?>
        {
            ["Support:RemindAfter:TransferOfOwnership"] = "2.00:00:00",
            ["Support:RemindAfter:AwsRemoveFromPayer"] = "06:00:00",
            ["Support:RemindAfter:Urgent"] = "00:30:00",
            ["Support:RemindAfter:SupportTicket"] = "3.00:00:00",
            ["Support:RemindAfter:Default"] = "12:00:00",
            ["Support:EscalateAfter:Default"] = "01:00:00",
            ["Support:Escalation:Email"] = "lead@ses.example",
            ["Support:RemindResellerAfter"] = "5.00:00:00",
        });

        Assert.Equal(TimeSpan.FromDays(2), options.RemindAfterFor(RemovalOption.AwsTransferOwnership));
        Assert.Equal(TimeSpan.FromHours(6), options.RemindAfterFor(RemovalOption.AwsRemoveFromPayer));
        Assert.Equal(TimeSpan.FromMinutes(30), options.RemindAfterFor(RemovalOption.DeletedInErrorTicket));
        Assert.Equal(TimeSpan.FromDays(3), options.RemindAfterFor(RemovalOption.AzureSuspend));
        Assert.Equal(TimeSpan.FromHours(12), options.RemindAfterFor(RemovalOption.AwsSelfUnlink));

        // An escalation is always due after the reminder: at twice its time when configured no later.
        Assert.Equal(TimeSpan.FromDays(4), options.EscalateAfterFor(RemovalOption.AwsTransferOwnership));
        Assert.Equal("lead@ses.example", options.Escalation.Email);
        Assert.Equal(TimeSpan.FromDays(5), options.RemindResellerAfter);
    }

    [Fact]
    public void RemindAfterFor_NothingConfigured_UrgentTicketsSooner()
    {
        var options = Bind([]);

        Assert.Equal(FollowUpOptions.DefaultRemindAfter, options.RemindAfterFor(RemovalOption.AwsTransferOwnership));
        Assert.Equal(FollowUpOptions.DefaultEscalateAfter, options.EscalateAfterFor(RemovalOption.AwsTransferOwnership));
        Assert.Equal(FollowUpOptions.DefaultUrgentRemindAfter, options.RemindAfterFor(RemovalOption.DeletedInErrorTicket));
        Assert.Equal(FollowUpOptions.DefaultUrgentEscalateAfter, options.EscalateAfterFor(RemovalOption.DeletedInErrorTicket));
        Assert.True(FollowUpOptions.DefaultUrgentRemindAfter < FollowUpOptions.DefaultRemindAfter);
        Assert.Equal([RemovalOption.DeletedInErrorTicket], RemovalOptionCatalog.All.Where(o => o.IsUrgent).Select(o => o.Option));
    }

    [Theory]
    [InlineData(RemovalOption.AwsTransferOwnership, RequestStatus.Submitted, WaitingOn.Support)]
    [InlineData(RemovalOption.AwsTransferOwnership, RequestStatus.PaperworkComplete, WaitingOn.Support)]
    [InlineData(RemovalOption.AwsRemoveFromPayer, RequestStatus.Failed, WaitingOn.Support)]
    [InlineData(RemovalOption.AwsSelfUnlink, RequestStatus.Submitted, WaitingOn.Nobody)]
    [InlineData(RemovalOption.AwsSelfUnlink, RequestStatus.InstructionsSent, WaitingOn.Reseller)]
    [InlineData(RemovalOption.DeletedInErrorTicket, RequestStatus.Completed, WaitingOn.Nobody)]
    [InlineData(RemovalOption.AzureSuspend, RequestStatus.Rejected, WaitingOn.Nobody)]
    [InlineData(RemovalOption.AzureSuspend, RequestStatus.Cancelled, WaitingOn.Nobody)]
    public void Of_StatusAndKind_WhoTheRequestWaitsOn(RemovalOption kind, RequestStatus status, WaitingOn expected) =>
        Assert.Equal(expected, RequestWaiting.Of(kind, status));

    [Fact]
    public void Next_EachStage_RemindThenEscalateForSupportOnceForTheReseller()
    {
        var options = Bind(new Dictionary<string, string?> { ["Support:RemindAfter:Default"] = "1.00:00:00", ["Support:EscalateAfter:Default"] = "2.00:00:00" });
        var since = new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.Zero);

        Assert.Equal((FollowUpStage.Reminded, since.AddDays(1)), FollowUpSchedule.Next(options, RemovalOption.AzureSuspend, WaitingOn.Support, since, FollowUpStage.Waiting));
        Assert.Equal((FollowUpStage.Escalated, since.AddDays(2)), FollowUpSchedule.Next(options, RemovalOption.AzureSuspend, WaitingOn.Support, since, FollowUpStage.Reminded));
        Assert.Null(FollowUpSchedule.Next(options, RemovalOption.AzureSuspend, WaitingOn.Support, since, FollowUpStage.Escalated));
        Assert.Equal((FollowUpStage.Reminded, since + options.RemindResellerAfter), FollowUpSchedule.Next(options, RemovalOption.AwsSelfUnlink, WaitingOn.Reseller, since, FollowUpStage.Waiting));
        Assert.Null(FollowUpSchedule.Next(options, RemovalOption.AwsSelfUnlink, WaitingOn.Reseller, since, FollowUpStage.Reminded));
        Assert.Null(FollowUpSchedule.Next(options, RemovalOption.AwsSelfUnlink, WaitingOn.Nobody, since, FollowUpStage.Waiting));
    }

    private static FollowUpOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddOptions<FollowUpOptions>().BindConfiguration(FollowUpOptions.Section);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<FollowUpOptions>>().Value;
    }
}
