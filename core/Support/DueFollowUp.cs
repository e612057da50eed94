using SesBot.Core.Domain;

namespace SesBot.Core.Support;

/// <summary>A follow-up that is due now: the schedule (tracked), its request, and the stage the message moves it to.</summary>
public sealed record DueFollowUp(RequestFollowUp FollowUp, RemovalRequest Request, FollowUpStage Stage);
