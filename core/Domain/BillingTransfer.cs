namespace SesBot.Core.Domain;

/// <summary>
/// The AWS Billing Transfer through which the distributor's payer pays the bills of the customer's own organization
/// (the account is not a member of the payer organization). All instants are UTC.
/// </summary>
/// <param name="Id">The transfer's id at AWS (<c>rt-</c> followed by 8 to 32 lower-case letters or digits).</param>
/// <param name="StartedAt">When the distributor began paying (a transfer starts on the 1st of a month, 00:00 UTC).</param>
/// <param name="SourceManagementAccountId">The management account of the customer's organization (the bill source).</param>
/// <param name="EndsAt">When the transfer ends, once it has been ended; null while it runs.</param>
public sealed record BillingTransfer(string Id, DateTimeOffset StartedAt, string SourceManagementAccountId, DateTimeOffset? EndsAt);
