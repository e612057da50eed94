using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SesBot.Core.Gateways.Azure;

/// <summary>
/// Partner Center's Subscription resource, as read. Only the fields SesBot looks at are typed; every other field
/// (dates, links, billing details, fields added later) stays in <see cref="ExtensionData"/> exactly as it came, so the
/// suspension PATCH, which must carry the full resource (FACTS §E), sends back what was read with only the status changed.
/// Dates are read from the preserved JSON rather than re-serialized, so their text is sent back unchanged. The computed
/// properties are named unlike any wire field: the serializer skips a JSON field whose name matches an ignored property,
/// which would drop it from <see cref="ExtensionData"/> and so from the PATCH.
/// </summary>
public sealed record PartnerCenterSubscription
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("offerId")]
    public string? OfferId { get; init; }

    /// <summary>For an Azure plan entitlement: the Azure subscription id.</summary>
    [JsonPropertyName("entitlementId")]
    public string? EntitlementId { get; init; }

    [JsonPropertyName("offerName")]
    public string? OfferName { get; init; }

    [JsonPropertyName("friendlyName")]
    public string? FriendlyName { get; init; }

    [JsonPropertyName("quantity")]
    public int? Quantity { get; init; }

    /// <summary><c>active</c>, <c>suspended</c>, <c>deleted</c>, … (see <see cref="PartnerCenterSubscriptionStatus"/>).</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    [JsonPropertyName("billingType")]
    public string? BillingType { get; init; }

    [JsonPropertyName("orderId")]
    public string? OrderId { get; init; }

    [JsonPropertyName("suspensionReasons")]
    public IReadOnlyList<string>? SuspensionReasons { get; init; }

    [JsonPropertyName("attributes")]
    public PartnerCenterResourceAttributes? Attributes { get; init; }

    /// <summary>Every field not typed above, as it was read; written back unchanged.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }

    [JsonIgnore]
    public DateTimeOffset? CreatedAt => ReadDate("creationDate");

    [JsonIgnore]
    public DateTimeOffset? EffectiveFrom => ReadDate("effectiveStartDate");

    [JsonIgnore]
    public DateTimeOffset? CommitmentEndsAt => ReadDate("commitmentEndDate");

    [JsonIgnore]
    public bool IsSuspended => string.Equals(Status, PartnerCenterSubscriptionStatus.Suspended, StringComparison.OrdinalIgnoreCase);

    private DateTimeOffset? ReadDate(string name) =>
        ExtensionData is not null
        && ExtensionData.TryGetValue(name, out var value)
        && value.ValueKind == JsonValueKind.String
        && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : null;
}
