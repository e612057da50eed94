using SesBot.Core.Domain;
using SesBot.Core.Tests.Support;

namespace SesBot.Core.Tests.Domain;

public sealed class RemovalRequestTests
{
    [Fact]
    public void Constructor_AccountRequest_SubmittedOpenAndAudited()
    {
        var createdAt = new DateTimeOffset(2027, 3, 15, 12, 0, 0, TimeSpan.FromHours(2));

        var request = new RemovalRequest("R-1", "k-1", RemovalOption.AwsRemoveFromPayer, TestData.Requester, TestData.ResellerId, TestData.CustomerId, "a-1", createdAt);

        Assert.Equal(RequestStatus.Submitted, request.Status);
        Assert.Equal(0, request.Version);
        Assert.True(request.IsOpen);
        Assert.Equal("account:a-1", request.OpenSubjectKey);
        Assert.Equal(TimeSpan.Zero, request.CreatedAt.Offset);
        Assert.Equal(createdAt, request.CreatedAt);
        Assert.Equal(request.CreatedAt, request.UpdatedAt);
        Assert.Equal(TestData.Requester.Id, request.RequestedById);
        Assert.Equal("Alice", request.RequestedByName);
        var audit = Assert.Single(request.PendingAudit);
        Assert.Equal("Submitted", audit.Action);
        Assert.Equal("AwsRemoveFromPayer for account a-1", audit.Details);
    }

    [Fact]
    public void Constructor_CustomerRemoval_DropsAccountAndKeysOnCustomer()
    {
        var request = new RemovalRequest("R-1", "k-1", RemovalOption.RemoveCustomer, TestData.Requester, TestData.ResellerId, TestData.CustomerId, "a-1", TestData.LinkedAt);

        Assert.Null(request.CloudAccountId);
        Assert.Equal("customer:c-1", request.OpenSubjectKey);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void Constructor_AccountOptionWithoutAccount_Throws(string? accountId)
    {
        Assert.Throws<DomainException>(() =>
            new RemovalRequest("R-1", "k-1", RemovalOption.AzureSuspend, TestData.Requester, TestData.ResellerId, TestData.CustomerId, accountId, TestData.LinkedAt));
    }

    [Fact]
    public void WithDetails_BlankValues_StoredAsNullAndTrimmed()
    {
        var request = TestData.Request(RemovalOption.AzureTransferToCsp).WithDetails(reason: "  ", targetPartnerName: " Fabrikam CSP ");

        Assert.Null(request.Reason);
        Assert.Equal("Fabrikam CSP", request.TargetPartnerName);
    }
}
