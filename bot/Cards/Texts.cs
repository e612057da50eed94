using System.Globalization;
using PhoneNumbers;
using SesBot.Core.Domain;
using SesBot.Core.Localization;
using SesBot.Core.Workflow;

namespace SesBot.Bot.Cards;

/// <summary>How SesBot writes domain values for people, in the turn's language (resources: Resources/Cards/Texts.resx).</summary>
public static class Texts
{
    private static readonly Strings S = Strings.For(typeof(Texts));

    public static string Day(DateTimeOffset at) => Formats.Day(at);

    public static string Day(DateOnly day) => Formats.Day(day);

    public static string Instant(DateTimeOffset at) => Formats.Instant(at);

    /// <summary>An instant to the second: "31 Dec 2026 23:59:59 UTC" (a billing transfer's end).</summary>
    public static string Second(DateTimeOffset at) => Formats.Second(at);

    /// <summary>
    /// A stored phone number (E.164, "+15035550142") as people of its country write it with the country code
    /// ("+1 503-555-0142", "+49 30 901820"); what cannot be read as a number is shown as stored.
    /// </summary>
    public static string Phone(string e164)
    {
        ArgumentNullException.ThrowIfNull(e164);
        var util = PhoneNumberUtil.GetInstance();
        try
        {
            return util.Format(util.Parse(e164, null), PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException)
        {
            return e164;
        }
    }

    /// <summary>
    /// A country's name from its ISO code in the turn's language ("DE" → "Germany" / "Deutschland"), its English name
    /// for a country SesBot has no resource for, the code itself when unknown.
    /// </summary>
    public static string Country(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        try
        {
            return code.Length == 2 ? TransferContactValidator.CountryName(code) ?? new RegionInfo(code).EnglishName : code;
        }
        catch (ArgumentException)
        {
            return code;
        }
    }

    public static string Provider(CloudProvider provider) => S[provider == CloudProvider.Aws ? "Provider.Aws" : "Provider.Azure"];

    public static string Origin(CloudAccount account) => S[account.Provider == CloudProvider.Azure
        ? "Origin.AzureSubscription"
        : account.Origin switch
        {
            AccountOrigin.DistributorAssigned => "Origin.DistributorAssigned",
            AccountOrigin.BillingTransfer => "Origin.BillingTransfer",
            _ => "Origin.CustomerOwned",
        }];

    public static string BillingStatus(CloudAccount account)
    {
        var months = account.BillingRecords.Select(r => r.Month).Distinct().Count();
        return months == 0 ? S["BillingStatus.None"] : S.Plural("BillingStatus.Months", months);
    }

    /// <summary>The billing status as a short badge: "no billing data", "billing data: 1 month", "billing data: 3 months".</summary>
    public static string BillingBadge(CloudAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var months = account.BillingRecords.Select(r => r.Month).Distinct().Count();
        return months == 0 ? S["BillingBadge.None"] : S.Plural("BillingBadge.Months", months);
    }

    public static string State(CloudAccount account) => account.State switch
    {
        AccountState.Active => S["State.Active"],
        AccountState.Suspended => S.Format("State.Suspended", Day(account.ClosedAt ?? account.LinkedAt)),
        AccountState.Departed when account.BillingTransfer?.EndsAt is { } ends => S.Format("State.BillingTransferEnded", Second(ends)),
        AccountState.Departed => S.Format("State.Departed", Day(account.ClosedAt ?? account.LinkedAt)),
        AccountState.Deleted => S.Format("State.Deleted", Day(account.ClosedAt ?? account.LinkedAt)),
        _ => account.State.ToString(),
    };

    public static string AccountLabel(CloudAccount account) => S.Format("AccountLabel", Provider(account.Provider), account.ExternalId, account.DisplayName);

    /// <summary>An option in one short line, for the list of what the reseller can do with an account.</summary>
    public static string OptionLine(RemovalOption option) =>
        S.Find("OptionLine." + option) ?? RemovalOptionCatalog.Get(option).Description;

    /// <summary>What a request for the option is called (the catalog's request title).</summary>
    public static string Option(RemovalOption option) => RemovalOptionCatalog.Get(option).RequestTitle;

    /// <summary>What happens next to an open request, at its status; null once it is closed.</summary>
    public static string? NextStep(RemovalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Status switch
        {
            RequestStatus.Submitted => RemovalOptionCatalog.Get(request.Kind).NextSteps,
            RequestStatus.Completed or RequestStatus.Rejected or RequestStatus.Cancelled => null,
            _ => S.Find("NextStep." + request.Status),
        };
    }

    public static string Status(RequestStatus status) => S["Status." + status];

    /// <summary>A count of things: <c>key.One</c> / <c>key.Other</c> from these texts, e.g. "Fields" → "2 fields".</summary>
    public static string Count(string key, long count) => S.Plural(key, count);
}
