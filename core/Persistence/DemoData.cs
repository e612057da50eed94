using SesBot.Core.Domain;
using SesBot.Core.Gateways.Simulated;
using SesBot.Core.Identity;

namespace SesBot.Core.Persistence;

/// <summary>
/// Made-up resellers, customers and accounts for local mode and demos: every kind of account, with and without
/// billing data, some linked in the middle of the current month. Dates are relative to <c>now</c>.
/// </summary>
public static class DemoData
{
    public const string NorthwindResellerId = "r-northwind";
    public const string FabrikamResellerId = "r-fabrikam";

    /// <summary>The AWS Billing Transfer through which the distributor pays Coho Winery's organization.</summary>
    public const string CohoTransferId = "rt-coho7x2k9m4q";

    /// <summary>The tenant the Microsoft 365 Agents Playground uses for its made-up users.</summary>
    public const string PlaygroundTenantId = "00000000-0000-0000-0000-0000000000001";

    public static void AddTo(SesBotDbContext db, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        var utc = now.ToUniversalTime();
        var thisMonth = new DateOnly(utc.Year, utc.Month, 1);
        var monthStart = new DateTimeOffset(utc.Year, utc.Month, 1, 0, 0, 0, TimeSpan.Zero);
        // Early in a month "mid-month" and "the 3rd" can still be ahead: never link an account in the future.
        var midMonth = NotAfter(monthStart.AddDays(Math.Min(14, Math.Max(0, utc.Day - 2))).AddHours(9), monthStart, utc);
        var thirdOfMonth = NotAfter(monthStart.AddDays(2), monthStart, utc);

        db.Resellers.AddRange(
            new Reseller(NorthwindResellerId, "Northwind Cloud Partners"),
            new Reseller(FabrikamResellerId, "Fabrikam IT Services"));

        var contoso = Customer("c-contoso", NorthwindResellerId, "Contoso Ltd");
        Aws(contoso, "a-contoso-prod", "123456789012", "Contoso Production", AccountOrigin.DistributorAssigned, monthStart.AddMonths(-14), thisMonth, 12, 1840m);
        Aws(contoso, "a-contoso-lab", "210987654321", "Contoso Lab (added by mistake)", AccountOrigin.DistributorAssigned, midMonth, thisMonth, 0, 0m);
        Azure(contoso, "z-contoso-analytics", "6f1c2a4e-8a7b-4c1d-9e3f-2b5d7a9c1e40", "Contoso Analytics", monthStart.AddMonths(-8), thisMonth, 8, 912m);

        var adventure = Customer("c-adventure", NorthwindResellerId, "Adventure Works Cycles");
        Aws(adventure, "a-adventure-web", "345678901234", "Adventure Works Web", AccountOrigin.CustomerOwned, midMonth.AddMonths(-3), thisMonth, 3, 420m);
        Aws(adventure, "a-adventure-data", "456789012345", "Adventure Works Data (joined this month)", AccountOrigin.CustomerOwned, midMonth, thisMonth, 1, 35m);

        var tailspin = Customer("c-tailspin", NorthwindResellerId, "Tailspin Toys");
        Azure(tailspin, "z-tailspin-dev", "0b7e4d2c-1f3a-4b5c-8d9e-a1b2c3d4e5f6", "Tailspin Dev/Test", midMonth, thisMonth, 0, 0m);
        Azure(tailspin, "z-tailspin-prod", "9d8c7b6a-5e4f-4a3b-2c1d-0e9f8a7b6c5d", "Tailspin Production", monthStart.AddMonths(-20), thisMonth, 20, 2650m);

        var wingtip = Customer("c-wingtip", NorthwindResellerId, "Wingtip Toys");
        Aws(wingtip, "a-wingtip-sandbox", "567890123456", "Wingtip Sandbox", AccountOrigin.CustomerOwned, thirdOfMonth, thisMonth, 0, 0m);

        // Its own AWS organization, not in the payer organization: the distributor pays its bills through AWS Billing Transfer.
        var coho = Customer("c-coho", NorthwindResellerId, "Coho Winery");
        var transferStart = monthStart.AddMonths(-3);
        Bill(coho.AddAccount(new CloudAccount("a-coho-org", coho.Id, CloudProvider.Aws, "890123456789", "Coho Winery (own organization)", AccountOrigin.BillingTransfer, transferStart)
            .WithBillingTransfer(CohoTransferId, transferStart, "890123456789")), thisMonth, 3, 515m);
        Bill(coho.AddAccount(new CloudAccount("a-coho-shop", coho.Id, CloudProvider.Aws, "890123456790", "Coho Winery Web Shop (same organization)", AccountOrigin.BillingTransfer, transferStart)
            .WithBillingTransfer(CohoTransferId, transferStart, "890123456789")), thisMonth, 3, 88m);

        var woodgrove = Customer("c-woodgrove", FabrikamResellerId, "Woodgrove Bank");
        Aws(woodgrove, "a-woodgrove-core", "678901234567", "Woodgrove Core Banking", AccountOrigin.DistributorAssigned, monthStart.AddMonths(-30), thisMonth, 24, 9800m);
        Azure(woodgrove, "z-woodgrove-ai", "3c2b1a09-8f7e-4d6c-b5a4-938271605f4e", "Woodgrove AI", monthStart.AddMonths(-2), thisMonth, 2, 610m);

        var litware = Customer("c-litware", FabrikamResellerId, "Litware Inc");
        Aws(litware, "a-litware-owned", "789012345678", "Litware Marketing", AccountOrigin.CustomerOwned, monthStart.AddMonths(-5).AddDays(10), thisMonth, 5, 275m);

        var lucerne = Customer("c-lucerne", FabrikamResellerId, "Lucerne Publishing");
        Azure(lucerne, "z-lucerne-trial", "7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d", "Lucerne Trial", midMonth, thisMonth, 0, 0m);

        db.Customers.AddRange(contoso, adventure, tailspin, wingtip, coho, woodgrove, litware, lucerne);

        // The Agents Playground's default users (ids as it sends them: opaque strings, not GUIDs).
        db.ChannelUsers.AddRange(
            PlaygroundUser("00000000-0000-0000-0000-0000000000020", "Alex Wilber", "alexw@example.com", Role.ResellerUser, NorthwindResellerId),
            PlaygroundUser("00000000-0000-0000-0000-0000000000021", "Megan Bowen", "meganb@example.com", Role.SupportAgent, null),
            PlaygroundUser("00000000-0000-0000-0000-0000000000022", "Adele Vance", "adelev@example.com", Role.ResellerUser, FabrikamResellerId),
            PlaygroundUser("00000000-0000-0000-0000-0000000000023", "Isaiah Langer", "isaiahl@example.com", Role.Admin, null),
            PlaygroundUser("00000000-0000-0000-0000-0000000000024", "Patti Fernandez", "pattif@example.com", Role.ResellerUser, NorthwindResellerId));
    }

    /// <summary>An instant this month that is not in the future: early on the 1st, halfway between midnight and now.</summary>
    private static DateTimeOffset NotAfter(DateTimeOffset wanted, DateTimeOffset monthStart, DateTimeOffset now) =>
        wanted <= now ? wanted : monthStart + ((now - monthStart) / 2);

    private static ChannelUser PlaygroundUser(string aadObjectId, string name, string email, Role role, string? resellerId) =>
        new("msteams", PlaygroundTenantId, aadObjectId, name, role, resellerId) { Email = email };

    private static Customer Customer(string id, string resellerId, string name) => new(id, resellerId, name);

    private static void Aws(Customer customer, string id, string number, string name, AccountOrigin origin, DateTimeOffset linked, DateOnly thisMonth, int billedMonths, decimal monthly) =>
        Bill(customer.AddAccount(new CloudAccount(id, customer.Id, CloudProvider.Aws, number, name, origin, linked)), thisMonth, billedMonths, monthly);

    /// <summary>An Azure subscription; its customer gets the tenant id the simulated Partner Center keeps it under.</summary>
    private static void Azure(Customer customer, string id, string subscription, string name, DateTimeOffset linked, DateOnly thisMonth, int billedMonths, decimal monthly)
    {
        customer.AzureTenantId = SimulatedScenarios.TenantOf(customer.Id);
        Bill(customer.AddAccount(new CloudAccount(id, customer.Id, CloudProvider.Azure, subscription, name, AccountOrigin.DistributorAssigned, linked)), thisMonth, billedMonths, monthly);
    }

    /// <summary>Billing data for the last <paramref name="months"/> months, ending with the current one.</summary>
    private static void Bill(CloudAccount account, DateOnly thisMonth, int months, decimal monthly)
    {
        for (var i = months - 1; i >= 0; i--)
        {
            account.AddBillingRecord(thisMonth.AddMonths(-i), monthly + (i * 7.5m), "USD");
        }
    }
}
