namespace SesBot.Core.Gateways;

/// <summary>One inbound billing transfer as AWS sees it.</summary>
/// <param name="Id">The transfer id (<c>rt-…</c>).</param>
/// <param name="Status"><c>REQUESTED|ACCEPTED|DECLINED|CANCELED|EXPIRED|WITHDRAWN</c>.</param>
/// <param name="StartedAt">When the transfer started paying.</param>
/// <param name="EndsAt">When it ends, once it has been ended; null while it runs.</param>
/// <param name="SourceManagementAccountId">The management account of the organization whose bills are paid.</param>
public sealed record BillingTransferFacts(string Id, string? Status, DateTimeOffset? StartedAt, DateTimeOffset? EndsAt, string? SourceManagementAccountId)
{
    public const string Accepted = "ACCEPTED";

    /// <summary>The status of a transfer that was ended (it runs to its end timestamp).</summary>
    public const string Withdrawn = "WITHDRAWN";

    /// <summary>Running and not yet ended: the only state in which ending it makes sense.</summary>
    public bool IsRunning => Status == Accepted && EndsAt is null;

    /// <summary>Ended: withdrawn, or given an end.</summary>
    public bool IsEnded => Status == Withdrawn || EndsAt is not null;
}
