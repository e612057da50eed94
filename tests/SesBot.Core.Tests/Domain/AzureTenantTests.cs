using SesBot.Core.Domain;
using SesBot.Core.Tests.Support;

namespace SesBot.Core.Tests.Domain;

public sealed class AzureTenantTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("8c5f0e2a-1b3d-4e6f-9a7b-0c1d2e3f4a5b", "8c5f0e2a-1b3d-4e6f-9a7b-0c1d2e3f4a5b")]
    [InlineData("  8C5F0E2A-1B3D-4E6F-9A7B-0C1D2E3F4A5B ", "8c5f0e2a-1b3d-4e6f-9a7b-0c1d2e3f4a5b")]
    [InlineData("{8c5f0e2a-1b3d-4e6f-9a7b-0c1d2e3f4a5b}", "8c5f0e2a-1b3d-4e6f-9a7b-0c1d2e3f4a5b")]
    [InlineData("8c5f0e2a1b3d4e6f9a7b0c1d2e3f4a5b", "8c5f0e2a-1b3d-4e6f-9a7b-0c1d2e3f4a5b")]
    public void Normalize_AGuidAsPeopleTypeIt_TheStoredForm(string typed, string expected) =>
        Assert.Equal(expected, AzureTenant.Normalize(typed));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("contoso.onmicrosoft.com")]
    [InlineData("8c5f0e2a-1b3d-4e6f-9a7b-0c1d2e3f4a5")]
    [InlineData("8c5f0e2a-1b3d-4e6f-9a7b-0c1d2e3f4a5g")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("(8c5f0e2a-1b3d-4e6f-9a7b-0c1d2e3f4a5b)")]
    [InlineData("{0x8c5f0e2a,0x1b3d,0x4e6f,{0x9a,0x7b,0x0c,0x1d,0x2e,0x3f,0x4a,0x5b}}")]
    public void Normalize_NotATenantId_Null(string? typed) => Assert.Null(AzureTenant.Normalize(typed));

    [Fact]
    public void RecordAzureTenant_NoneThenAnotherThenTheSame_AuditLinesWithOldAndNewOnlyForChanges()
    {
        var customer = new Customer(TestData.CustomerId, TestData.ResellerId, "Contoso Ltd");

        var first = customer.RecordAzureTenant("8C5F0E2A-1B3D-4E6F-9A7B-0C1D2E3F4A5B", TestData.SupportAgent, Now, "found");
        var second = customer.RecordAzureTenant("0e6a1f3c-5b7d-4c2e-8f9a-1b2c3d4e5f60", TestData.Admin, Now, "found again");
        var same = customer.RecordAzureTenant("0E6A1F3C-5B7D-4C2E-8F9A-1B2C3D4E5F60", TestData.Admin, Now, "found again");

        Assert.Equal("0e6a1f3c-5b7d-4c2e-8f9a-1b2c3d4e5f60", customer.AzureTenantId);
        Assert.Equal(("Customer", TestData.CustomerId, Customer.AzureTenantChanged, TestData.SupportAgent.Id), (first!.EntityType, first.EntityId, first.Action, first.ActorId));
        Assert.Equal("(none) → 8c5f0e2a-1b3d-4e6f-9a7b-0c1d2e3f4a5b; found", first.Details);
        Assert.Equal("8c5f0e2a-1b3d-4e6f-9a7b-0c1d2e3f4a5b → 0e6a1f3c-5b7d-4c2e-8f9a-1b2c3d4e5f60; found again", second!.Details);
        Assert.Null(same);
        Assert.Throws<DomainException>(() => customer.RecordAzureTenant("not-a-guid", TestData.Admin, Now, "x"));
    }
}
