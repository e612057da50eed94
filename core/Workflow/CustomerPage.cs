namespace SesBot.Core.Workflow;

/// <summary>A page of customers and whether more match.</summary>
public sealed record CustomerPage(IReadOnlyList<CustomerSummary> Customers, bool HasMore);
