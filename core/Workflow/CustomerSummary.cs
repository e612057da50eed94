namespace SesBot.Core.Workflow;

public sealed record CustomerSummary(string Id, string Name);
