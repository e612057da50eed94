using SesBot.Core.Domain;

namespace SesBot.Core.Tests.Support;

/// <summary>Small builders for domain objects, so each test shows only what matters to it.</summary>
public static class TestData
{
    public const string ResellerId = "r-1";
    public const string OtherResellerId = "r-2";
    public const string CustomerId = "c-1";
    public const string AwsNumber = "123456789012";
    public const string AzureSubscription = "6f1c2a4e-8a7b-4c1d-9e3f-2b5d7a9c1e40";

    public static readonly DateTimeOffset LinkedAt = new(2025, 1, 10, 8, 0, 0, TimeSpan.Zero);

    public static Actor Requester { get; } = new("u-alice", "Alice", Role.ResellerUser, ResellerId);

    public static Actor Colleague { get; } = new("u-bob", "Bob", Role.ResellerUser, ResellerId);

    public static Actor OtherResellerUser { get; } = new("u-mallory", "Mallory", Role.ResellerUser, OtherResellerId);

    public static Actor SupportAgent { get; } = new("s-sam", "Sam (support)", Role.SupportAgent);

    public static Actor Admin { get; } = new("a-ada", "Ada (admin)", Role.Admin);

    public static CloudAccount Aws(
        AccountOrigin origin = AccountOrigin.DistributorAssigned,
        int billedMonths = 0,
        string id = "a-1",
        string number = AwsNumber,
        string customerId = CustomerId,
        DateTimeOffset? linkedAt = null) =>
        Bill(new CloudAccount(id, customerId, CloudProvider.Aws, number, "AWS account", origin, linkedAt ?? LinkedAt), billedMonths);

    public static CloudAccount Azure(
        int billedMonths = 0,
        string id = "z-1",
        string subscription = AzureSubscription,
        string customerId = CustomerId,
        DateTimeOffset? linkedAt = null) =>
        Bill(new CloudAccount(id, customerId, CloudProvider.Azure, subscription, "Azure subscription", AccountOrigin.DistributorAssigned, linkedAt ?? LinkedAt), billedMonths);

    /// <summary>Adds billing records for <paramref name="months"/> consecutive months starting January 2025.</summary>
    public static CloudAccount Bill(CloudAccount account, int months)
    {
        for (var i = 0; i < months; i++)
        {
            account.AddBillingRecord(new DateOnly(2025, 1, 1).AddMonths(i), 100m + i, "USD");
        }

        return account;
    }

    public static RemovalRequest Request(RemovalOption kind, Actor? requester = null, string id = "R-TEST01", string? key = null) =>
        new(id, key ?? "key-" + id, kind, requester ?? Requester, ResellerId, CustomerId, kind == RemovalOption.RemoveCustomer ? null : "a-1", LinkedAt.AddYears(1));
}
