using SesBot.Core.Domain;
using SesBot.Core.Tests.Support;

namespace SesBot.Core.Tests.Domain;

public sealed class CloudAccountTests
{
    private static readonly DateTimeOffset At = new(2027, 3, 15, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(CloudProvider.Aws, "123456789012", "123456789012")]
    [InlineData(CloudProvider.Aws, " 1234-5678-9012 ", "123456789012")]
    [InlineData(CloudProvider.Aws, "12345678901", null)]
    [InlineData(CloudProvider.Aws, "12345678901a", null)]
    [InlineData(CloudProvider.Azure, "6F1C2A4E-8A7B-4C1D-9E3F-2B5D7A9C1E40", "6f1c2a4e-8a7b-4c1d-9e3f-2b5d7a9c1e40")]
    [InlineData(CloudProvider.Azure, "123456789012", null)]
    [InlineData(CloudProvider.Aws, "", null)]
    public void NormalizeExternalId_Input_CanonicalOrNull(CloudProvider provider, string input, string? expected) =>
        Assert.Equal(expected, CloudAccount.NormalizeExternalId(provider, input));

    [Fact]
    public void Constructor_BadAwsId_Throws() =>
        Assert.Throws<DomainException>(() => new CloudAccount("a", "c", CloudProvider.Aws, "nope", "x", AccountOrigin.CustomerOwned, At));

    [Fact]
    public void Constructor_LinkedAtWithOffset_StoredInUtc()
    {
        var account = TestData.Aws(linkedAt: new DateTimeOffset(2027, 3, 1, 1, 0, 0, TimeSpan.FromHours(3)));

        Assert.Equal(TimeSpan.Zero, account.LinkedAt.Offset);
        Assert.Equal(new DateTimeOffset(2027, 2, 28, 22, 0, 0, TimeSpan.Zero), account.LinkedAt);
    }

    [Fact]
    public void MarkDeleted_WithBillingData_Throws()
    {
        var account = TestData.Aws(billedMonths: 1);

        Assert.Throws<DomainException>(() => account.MarkDeleted(At));
        Assert.Equal(AccountState.Active, account.State);
    }

    [Fact]
    public void AddBillingRecord_DeletedAccount_Throws()
    {
        var account = TestData.Aws();
        account.MarkDeleted(At);

        Assert.Throws<DomainException>(() => account.AddBillingRecord(new DateOnly(2027, 3, 1), 1m, "USD"));
    }

    [Fact]
    public void AddBillingRecord_AnyDayOfMonth_StoredAsFirstOfMonth()
    {
        var account = TestData.Aws();

        account.AddBillingRecord(new DateOnly(2027, 3, 17), 1m, "usd");

        var record = Assert.Single(account.BillingRecords);
        Assert.Equal(new DateOnly(2027, 3, 1), record.Month);
        Assert.Equal("USD", record.Currency);
        Assert.True(account.HadUsageIn(new DateOnly(2027, 3, 31)));
        Assert.False(account.HadUsageIn(new DateOnly(2026, 3, 1)));
    }

    [Fact]
    public void MarkSuspended_Aws_Throws() =>
        Assert.Throws<DomainException>(() => TestData.Aws().MarkSuspended(At));

    [Fact]
    public void MarkDeparted_DeletedAccount_Throws()
    {
        var account = TestData.Aws();
        account.MarkDeleted(At);

        Assert.Throws<DomainException>(() => account.MarkDeparted(At));
    }

    [Fact]
    public void Restore_DeletedAccount_ActiveAgain()
    {
        var account = TestData.Aws();
        account.MarkDeleted(At);

        account.Restore();

        Assert.Equal(AccountState.Active, account.State);
        Assert.Null(account.ClosedAt);
        Assert.Throws<DomainException>(account.Restore);
    }

    [Fact]
    public void AddAccount_AccountOfAnotherCustomer_Throws()
    {
        var customer = new Customer("c-9", TestData.ResellerId, "Other");

        Assert.Throws<DomainException>(() => customer.AddAccount(TestData.Aws()));
    }
}
