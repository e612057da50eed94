namespace SesBot.Core.Domain;

/// <summary>One month of usage and billing data for a cloud account, as imported into the platform.</summary>
public sealed class BillingRecord
{
    public BillingRecord(string cloudAccountId, DateOnly month, decimal amount, string currency)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cloudAccountId);
        ArgumentException.ThrowIfNullOrWhiteSpace(currency);
        CloudAccountId = cloudAccountId;
        Month = new DateOnly(month.Year, month.Month, 1);
        Amount = amount;
        Currency = currency.ToUpperInvariant();
    }

    /// <summary>A billing row as stored, for reads written by hand (<see cref="Persistence.SqliteDirectReads"/>).</summary>
    internal static BillingRecord FromStored(long id, string cloudAccountId, DateOnly month, decimal amount, string currency) =>
        new(cloudAccountId, month, amount, currency) { Id = id };

    public long Id { get; private set; }

    public string CloudAccountId { get; private set; }

    /// <summary>The first day of the billed month.</summary>
    public DateOnly Month { get; private set; }

    public decimal Amount { get; private set; }

    public string Currency { get; private set; }
}
