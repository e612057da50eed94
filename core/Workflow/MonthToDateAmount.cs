namespace SesBot.Core.Workflow;

/// <summary>
/// What SES's billing data holds for an account for one month so far, in one currency: the monthly billing record as
/// imported, not a figure computed for a period.
/// </summary>
public sealed record MonthToDateAmount(DateOnly Month, decimal Amount, string Currency);
