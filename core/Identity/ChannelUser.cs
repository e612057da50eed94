using SesBot.Core.Domain;

namespace SesBot.Core.Identity;

/// <summary>
/// A person as a channel knows them (Teams: tenant + AAD object id; Slack: team + user id), linked to a role and,
/// for reseller users, to their reseller.
/// </summary>
public sealed class ChannelUser
{
    public ChannelUser(string channel, string tenantKey, string userKey, string displayName, Role role, string? resellerId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(userKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        if (role == Role.ResellerUser && string.IsNullOrWhiteSpace(resellerId))
        {
            throw new DomainException("A reseller user must belong to a reseller.");
        }

        Channel = channel;
        TenantKey = tenantKey;
        UserKey = userKey;
        DisplayName = displayName;
        Role = role;
        ResellerId = resellerId;
    }

    public long Id { get; private set; }

    public string Channel { get; private set; }

    public string TenantKey { get; private set; }

    public string UserKey { get; private set; }

    public string DisplayName { get; private set; }

    public string? Email { get; set; }

    public Role Role { get; private set; }

    public string? ResellerId { get; private set; }

    /// <summary>
    /// The locale the channel last sent with this person's activity (e.g. "de-DE"), so a turn without one (an install
    /// event) is answered in their language.
    /// </summary>
    public string? Locale { get; private set; }

    /// <summary>The user key of a person registered by email before they first talked to SesBot.</summary>
    public const string PendingPrefix = "email:";

    public bool IsPending => UserKey.StartsWith(PendingPrefix, StringComparison.Ordinal);

    /// <summary>Registers a person by email; their channel id is linked when they first write (see <see cref="Link"/>).</summary>
    public static ChannelUser PendingByEmail(string channel, string tenantKey, string email, string displayName, Role role, string? resellerId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        return new ChannelUser(channel, tenantKey, PendingKey(email), displayName, role, resellerId) { Email = email.Trim() };
    }

    public static string PendingKey(string email) => PendingPrefix + email.Trim().ToUpperInvariant();

    /// <summary>Links a person registered by email to the id the channel knows them by.</summary>
    public void Link(string userKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userKey);
        if (!IsPending)
        {
            throw new DomainException($"{DisplayName} is already linked.");
        }

        UserKey = userKey;
    }

    /// <summary>Remembers the locale of the person's latest activity; false when it is the one already kept.</summary>
    public bool RememberLocale(string locale)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(locale);
        if (locale.Length > Localization.SupportedCultures.MaxLocaleLength || locale == Locale)
        {
            return false;
        }

        Locale = locale;
        return true;
    }

    public Actor ToActor() => new($"{Channel}:{TenantKey}:{UserKey}", DisplayName, Role, ResellerId);
}
