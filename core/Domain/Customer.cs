namespace SesBot.Core.Domain;

/// <summary>An end customer of a reseller. Cloud accounts are assigned to customers.</summary>
public sealed class Customer
{
    private readonly List<CloudAccount> _accounts = [];

    public Customer(string id, string resellerId, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(resellerId);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Id = id;
        ResellerId = resellerId;
        Name = name;
    }

    /// <summary>A customer as stored, for reads written by hand (<see cref="Persistence.SqliteDirectReads"/>); its accounts follow with <see cref="AddAccount"/>.</summary>
    internal static Customer FromStored(string id, string resellerId, string name, DateTimeOffset? removedAt, string? azureTenantId, int version) =>
        new(id, resellerId, name) { RemovedAt = removedAt, AzureTenantId = azureTenantId, Version = version };

    public string Id { get; private set; }

    public string ResellerId { get; private set; }

    public string Name { get; private set; }

    /// <summary>Set when the customer was removed from the platform.</summary>
    public DateTimeOffset? RemovedAt { get; private set; }

    public IReadOnlyList<CloudAccount> Accounts => _accounts;

    public bool IsRemoved => RemovedAt is not null;

    /// <summary>The customer's Microsoft Entra tenant, when SES knows it: Partner Center addresses subscriptions by it (<see cref="AzureTenant"/>).</summary>
    public string? AzureTenantId { get; set; }

    /// <summary>
    /// Records the tenant id Partner Center knows the customer by (after a subscription of theirs was found under it) and
    /// returns the audit line of the change, or null when it was already that one.
    /// </summary>
    public AuditEvent? RecordAzureTenant(string tenantId, Actor actor, DateTimeOffset at, string evidence)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var normalized = AzureTenant.Normalize(tenantId) ?? throw new DomainException($"'{tenantId}' is not a Microsoft Entra tenant id (a GUID).");
        var previous = AzureTenantId;
        if (string.Equals(previous, normalized, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        AzureTenantId = normalized;
        return new AuditEvent(at, actor, nameof(Customer), Id, AzureTenantChanged, $"{previous ?? "(none)"} → {normalized}; {evidence}");
    }

    /// <summary>The audit action of <see cref="RecordAzureTenant"/>.</summary>
    public const string AzureTenantChanged = "AzureTenantChanged";

    public CloudAccount AddAccount(CloudAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (account.CustomerId != Id)
        {
            throw new DomainException($"Account {account.ExternalId} belongs to customer {account.CustomerId}, not {Id}.");
        }

        _accounts.Add(account);
        return account;
    }

    /// <summary>Optimistic concurrency token: removing the customer, and every request filed about one of its accounts, increments it.</summary>
    public int Version { get; private set; }

    /// <summary>A request was filed about the customer or one of its accounts: a concurrent removal now conflicts.</summary>
    public void Touch() => Version++;

    /// <summary>Marks the customer removed. The policy decides beforehand whether that is allowed.</summary>
    public void MarkRemoved(DateTimeOffset at)
    {
        if (IsRemoved)
        {
            throw new DomainException($"Customer {Name} was already removed.");
        }

        RemovedAt = at;
        Version++;
    }
}
