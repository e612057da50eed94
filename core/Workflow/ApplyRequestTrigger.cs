using SesBot.Core.Domain;

namespace SesBot.Core.Workflow;

/// <summary>Someone moves a request on. <paramref name="ExpectedVersion"/> comes from the card they clicked, when there is one.</summary>
public sealed record ApplyRequestTrigger(string RequestId, RequestTrigger Trigger, Actor Actor, int? ExpectedVersion = null, string? Note = null);
