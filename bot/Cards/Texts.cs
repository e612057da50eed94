using SesBot.Core.Domain;
using SesBot.Core.Localization;

namespace SesBot.Bot.Cards;

/// <summary>How SesBot writes domain values for people, in the turn's language (resources: Resources/Cards/Texts.resx).</summary>
public static class Texts
{
    private static readonly Strings S = Strings.For(typeof(Texts));

    public static string Day(DateTimeOffset at) => Formats.Day(at);

    public static string Day(DateOnly day) => Formats.Day(day);

    public static string Instant(DateTimeOffset at) => Formats.Instant(at);

    public static string Provider(CloudProvider provider) => S[provider == CloudProvider.Aws ? "Provider.Aws" : "Provider.Azure"];

    public static string Origin(CloudAccount account) => S[account.Provider == CloudProvider.Azure
        ? "Origin.AzureSubscription"
        : account.Origin == AccountOrigin.DistributorAssigned ? "Origin.DistributorAssigned" : "Origin.CustomerOwned"];

    public static string BillingStatus(CloudAccount account)
    {
        var months = account.BillingRecords.Select(r => r.Month).Distinct().Count();
        return months == 0 ? S["BillingStatus.None"] : S.Plural("BillingStatus.Months", months);
    }

    public static string State(CloudAccount account) => account.State switch
    {
        AccountState.Active => S["State.Active"],
        AccountState.Suspended => S.Format("State.Suspended", Day(account.ClosedAt ?? account.LinkedAt)),
        AccountState.Departed => S.Format("State.Departed", Day(account.ClosedAt ?? account.LinkedAt)),
        AccountState.Deleted => S.Format("State.Deleted", Day(account.ClosedAt ?? account.LinkedAt)),
        _ => account.State.ToString(),
    };

    public static string AccountLabel(CloudAccount account) => S.Format("AccountLabel", Provider(account.Provider), account.ExternalId, account.DisplayName);

    /// <summary>What a request for the option is called (the catalog's request title).</summary>
    public static string Option(RemovalOption option) => RemovalOptionCatalog.Get(option).RequestTitle;

    public static string Status(RequestStatus status) => S["Status." + status];

    /// <summary>A count of things: <c>key.One</c> / <c>key.Other</c> from these texts, e.g. "Fields" → "2 fields".</summary>
    public static string Count(string key, long count) => S.Plural(key, count);
}
