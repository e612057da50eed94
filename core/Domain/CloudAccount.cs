using System.Globalization;
using System.Text.RegularExpressions;

namespace SesBot.Core.Domain;

/// <summary>An AWS account or an Azure subscription assigned to a customer.</summary>
public sealed partial class CloudAccount
{
    private readonly List<BillingRecord> _billingRecords = [];

    public CloudAccount(
        string id,
        string customerId,
        CloudProvider provider,
        string externalId,
        string displayName,
        AccountOrigin origin,
        DateTimeOffset linkedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        Id = id;
        CustomerId = customerId;
        Provider = provider;
        ExternalId = NormalizeExternalId(provider, externalId)
            ?? throw new DomainException(provider == CloudProvider.Aws
                ? $"'{externalId}' is not an AWS account id (12 digits)."
                : $"'{externalId}' is not an Azure subscription id (a GUID).");
        DisplayName = displayName;
        Origin = origin;
        LinkedAt = linkedAt.ToUniversalTime();
        State = AccountState.Active;
    }

    public string Id { get; private set; }

    public string CustomerId { get; private set; }

    public CloudProvider Provider { get; private set; }

    /// <summary>The 12-digit AWS account id, or the Azure subscription GUID in lower case.</summary>
    public string ExternalId { get; private set; }

    public string DisplayName { get; private set; }

    public AccountOrigin Origin { get; private set; }

    /// <summary>When the account was linked to the distributor (UTC).</summary>
    public DateTimeOffset LinkedAt { get; private set; }

    public AccountState State { get; private set; }

    /// <summary>When the account left the distributor, or was deleted from the platform.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    // The billing transfer, stored as columns of the account (see BillingTransfer).
    private string? BillingTransferId { get; set; }

    private DateTimeOffset? BillingTransferStartedAt { get; set; }

    private string? BillingTransferSourceAccountId { get; set; }

    private DateTimeOffset? BillingTransferEndsAt { get; set; }

    public IReadOnlyList<BillingRecord> BillingRecords => _billingRecords;

    /// <summary>The AWS Billing Transfer the account is billed through (origin <see cref="AccountOrigin.BillingTransfer"/>), else null.</summary>
    public BillingTransfer? BillingTransfer => BillingTransferId is { } id && BillingTransferStartedAt is { } started
        ? new BillingTransfer(id, started, BillingTransferSourceAccountId ?? ExternalId, BillingTransferEndsAt)
        : null;

    public bool HasBillingData => _billingRecords.Count > 0;

    /// <summary>Optimistic concurrency token: every change of the account's state, and every request filed about it, increments it.</summary>
    public int Version { get; private set; }

    /// <summary>A request was filed about the account: a concurrent change of it (a delete, a customer removal) now conflicts.</summary>
    public void Touch() => Version++;

    /// <summary>
    /// An account as stored, for reads written by hand (<see cref="Persistence.SqliteDirectReads"/>): the same
    /// constructor EF Core binds, then the columns it sets afterwards. Its billing rows follow with <see cref="AddStored"/>.
    /// </summary>
    internal static CloudAccount FromStored(in StoredColumns stored) => new(
        stored.Id, stored.CustomerId, stored.Provider, stored.ExternalId, stored.DisplayName, stored.Origin, stored.LinkedAt)
    {
        State = stored.State,
        ClosedAt = stored.ClosedAt,
        BillingTransferId = stored.BillingTransferId,
        BillingTransferStartedAt = stored.BillingTransferStartedAt,
        BillingTransferSourceAccountId = stored.BillingTransferSourceAccountId,
        BillingTransferEndsAt = stored.BillingTransferEndsAt,
        Version = stored.Version,
    };

    /// <summary>Adds a stored billing row read with the account (<see cref="FromStored"/>).</summary>
    internal void AddStored(BillingRecord record) => _billingRecords.Add(record);

    /// <summary>The stored columns of an account.</summary>
    internal readonly record struct StoredColumns(
        string Id,
        string CustomerId,
        CloudProvider Provider,
        string ExternalId,
        string DisplayName,
        AccountOrigin Origin,
        DateTimeOffset LinkedAt,
        AccountState State,
        DateTimeOffset? ClosedAt,
        string? BillingTransferId,
        DateTimeOffset? BillingTransferStartedAt,
        string? BillingTransferSourceAccountId,
        DateTimeOffset? BillingTransferEndsAt,
        int Version);

    /// <summary>Whether the account had usage in the given month.</summary>
    public bool HadUsageIn(DateOnly month) =>
        _billingRecords.Exists(r => r.Month.Year == month.Year && r.Month.Month == month.Month);

    public void AddBillingRecord(DateOnly month, decimal amount, string currency)
    {
        if (State == AccountState.Deleted)
        {
            throw new DomainException($"Account {ExternalId} is deleted; it cannot take billing data.");
        }

        _billingRecords.Add(new BillingRecord(Id, month, amount, currency));
    }

    /// <summary>Deletes the account from the platform. Only for accounts without billing data: the caller re-checks the policy first.</summary>
    public void MarkDeleted(DateTimeOffset at)
    {
        if (HasBillingData)
        {
            throw new DomainException($"Account {ExternalId} has billing data and must never be deleted.");
        }

        EnsureState(AccountState.Active, "delete");
        State = AccountState.Deleted;
        Version++;
        ClosedAt = at;
    }

    public void MarkSuspended(DateTimeOffset at)
    {
        if (Provider != CloudProvider.Azure)
        {
            throw new DomainException("Only Azure subscriptions are suspended.");
        }

        EnsureState(AccountState.Active, "suspend");
        State = AccountState.Suspended;
        Version++;
        ClosedAt = at;
    }

    /// <summary>The account left the distributor (transfer, removal from the payer organization, unlink).</summary>
    public void MarkDeparted(DateTimeOffset at)
    {
        if (State is not (AccountState.Active or AccountState.Suspended))
        {
            throw new DomainException($"Cannot mark account {ExternalId} departed while it is {State}.");
        }

        State = AccountState.Departed;
        Version++;
        ClosedAt = at;
    }

    /// <summary>Records the AWS Billing Transfer the account is billed through (only for that origin).</summary>
    public CloudAccount WithBillingTransfer(string transferId, DateTimeOffset startedAt, string sourceManagementAccountId)
    {
        if (Provider != CloudProvider.Aws || Origin != AccountOrigin.BillingTransfer)
        {
            throw new DomainException($"Account {ExternalId} is not billed through AWS Billing Transfer.");
        }

        if (!BillingTransferTerms.IsTransferId(transferId))
        {
            throw new DomainException($"'{transferId}' is not an AWS transfer id (rt- and 8 to 32 lower-case letters or digits).");
        }

        BillingTransferId = transferId;
        BillingTransferStartedAt = startedAt.ToUniversalTime();
        BillingTransferSourceAccountId = NormalizeExternalId(CloudProvider.Aws, sourceManagementAccountId)
            ?? throw new DomainException($"'{sourceManagementAccountId}' is not an AWS account id (12 digits).");
        return this;
    }

    /// <summary>
    /// The billing transfer was ended at AWS: it runs until <paramref name="endsAt"/> (the end of a month), and the
    /// account leaves the distributor then. Recorded as departed now, since ending cannot be undone.
    /// </summary>
    public void EndBillingTransfer(DateTimeOffset endsAt)
    {
        if (BillingTransfer is null)
        {
            throw new DomainException($"Account {ExternalId} has no billing transfer to end.");
        }

        EnsureState(AccountState.Active, "end the billing transfer of");
        BillingTransferEndsAt = endsAt.ToUniversalTime();
        MarkDeparted(BillingTransferEndsAt.Value);
    }

    /// <summary>Support restored an account that was deleted in error.</summary>
    public void Restore()
    {
        EnsureState(AccountState.Deleted, "restore");
        State = AccountState.Active;
        ClosedAt = null;
        Version++;
    }

    /// <summary>Returns the canonical form of an account id for the provider, or null when it is not one.</summary>
    public static string? NormalizeExternalId(CloudProvider provider, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        return provider switch
        {
            CloudProvider.Aws => AwsAccountId().IsMatch(trimmed.Replace("-", string.Empty, StringComparison.Ordinal))
                ? trimmed.Replace("-", string.Empty, StringComparison.Ordinal)
                : null,
            CloudProvider.Azure => Guid.TryParse(trimmed, out var guid)
                ? guid.ToString("D", CultureInfo.InvariantCulture)
                : null,
            _ => null,
        };
    }

    private void EnsureState(AccountState expected, string action)
    {
        if (State != expected)
        {
            throw new DomainException($"Cannot {action} account {ExternalId} while it is {State}.");
        }
    }

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex AwsAccountId();
}
