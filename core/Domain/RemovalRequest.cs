namespace SesBot.Core.Domain;

/// <summary>A reseller's request to take a cloud account (or a customer) away, and its progress through support.</summary>
public sealed partial class RemovalRequest
{
    private readonly List<AuditEvent> _pendingAudit = [];

    public RemovalRequest(
        string id,
        string idempotencyKey,
        RemovalOption kind,
        Actor requester,
        string resellerId,
        string customerId,
        string? cloudAccountId,
        DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        ArgumentNullException.ThrowIfNull(requester);
        ArgumentException.ThrowIfNullOrWhiteSpace(resellerId);
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        var aboutCustomer = RemovalOptionCatalog.Get(kind).IsAboutCustomer;
        if (!aboutCustomer && string.IsNullOrWhiteSpace(cloudAccountId))
        {
            throw new DomainException($"A {kind} request needs a cloud account.");
        }

        Id = id;
        IdempotencyKey = idempotencyKey;
        Kind = kind;
        RequestedById = requester.Id;
        RequestedByName = requester.DisplayName;
        ResellerId = resellerId;
        CustomerId = customerId;
        CloudAccountId = aboutCustomer ? null : cloudAccountId;
        CreatedAt = UpdatedAt = createdAt.ToUniversalTime();
        Status = RequestStatus.Submitted;
        OpenSubjectKey = SubjectKeyFor(kind, customerId, cloudAccountId);
        _pendingAudit.Add(new AuditEvent(CreatedAt, requester, nameof(RemovalRequest), id, "Submitted", Summary()));
    }

    private RemovalRequest()
    {
        Id = IdempotencyKey = RequestedById = RequestedByName = ResellerId = CustomerId = string.Empty;
    }

    public string Id { get; private set; }

    /// <summary>The key the submitting client sent: the same submission twice makes one request.</summary>
    public string IdempotencyKey { get; private set; }

    public RemovalOption Kind { get; private set; }

    public RequestStatus Status { get; private set; }

    public string RequestedById { get; private set; }

    public string RequestedByName { get; private set; }

    public string ResellerId { get; private set; }

    public string CustomerId { get; private set; }

    public string? CloudAccountId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency token: every change increments it.</summary>
    public int Version { get; private set; }

    /// <summary>
    /// Set while the request is open: the account (or customer) it is about. A unique index on it means
    /// one subject never has two open requests, whoever submits them.
    /// </summary>
    public string? OpenSubjectKey { get; private set; }

    /// <summary>Who the account is transferred to (AWS transfer of ownership only).</summary>
    public TransferContact? Contact { get; private set; }

    /// <summary>Why the reseller asks (suspension reason, what was deleted in error, a note).</summary>
    public string? Reason { get; private set; }

    public string? TargetPartnerName { get; private set; }

    public string? TargetPartnerTenantId { get; private set; }

    public string? EndCustomerEmail { get; private set; }

    public string? EndCustomerLanguage { get; private set; }

    /// <summary>For a removal from the payer organization: the linked part of the month, as previewed at submission.</summary>
    public BillingImpact? BillingImpact { get; private set; }

    /// <summary>The last note support or the system left (a rejection reason, a failure).</summary>
    public string? LastNote { get; private set; }

    public bool IsOpen => !IsFinal(Status);

    /// <summary>Audit events raised since the request was loaded; the persistence layer appends them on save.</summary>
    internal IReadOnlyList<AuditEvent> PendingAudit => _pendingAudit;

    internal void ClearPendingAudit() => _pendingAudit.Clear();

    public RemovalRequest WithContact(TransferContact contact)
    {
        Contact = contact ?? throw new ArgumentNullException(nameof(contact));
        return this;
    }

    public RemovalRequest WithDetails(
        string? reason = null,
        string? targetPartnerName = null,
        string? targetPartnerTenantId = null,
        string? endCustomerEmail = null,
        string? endCustomerLanguage = null,
        BillingImpact? billingImpact = null)
    {
        Reason = Blank(reason);
        TargetPartnerName = Blank(targetPartnerName);
        TargetPartnerTenantId = Blank(targetPartnerTenantId);
        EndCustomerEmail = Blank(endCustomerEmail);
        EndCustomerLanguage = Blank(endCustomerLanguage);
        BillingImpact = billingImpact;
        return this;
    }

    /// <summary>
    /// The billing impact as it turned out when the request was carried out (a billing transfer ended in a later month
    /// than previewed ends at that month's end).
    /// </summary>
    public void RecordBillingImpact(BillingImpact impact) => BillingImpact = impact ?? throw new ArgumentNullException(nameof(impact));

    public static string SubjectKeyFor(RemovalOption kind, string customerId, string? cloudAccountId) =>
        RemovalOptionCatalog.Get(kind).IsAboutCustomer ? $"customer:{customerId}" : $"account:{cloudAccountId}";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private string Summary() => CloudAccountId is null
        ? $"{Kind} for customer {CustomerId}"
        : $"{Kind} for account {CloudAccountId}";
}
