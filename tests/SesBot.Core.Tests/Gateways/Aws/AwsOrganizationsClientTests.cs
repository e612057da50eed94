using System.Text.Json;
using SesBot.Core.Domain;
using SesBot.Core.Gateways.Aws;
using SesBot.Core.Tests.Gateways.Aws.Support;

namespace SesBot.Core.Tests.Gateways.Aws;

/// <summary>Every operation on the wire, against a local stand-in that verifies the SigV4 signature.</summary>
public sealed class AwsOrganizationsClientTests
{
    private const string AccountJson =
        """{"Id":"111122223333","Arn":"arn:aws:organizations::999988887777:account/o-abc/111122223333","Email":"a@example.com","Name":"Contoso prod","Status":"ACTIVE","State":"SUSPENDED","JoinedMethod":"INVITED","JoinedTimestamp":1.764547200123E9}""";

    [Fact]
    public async Task DescribeOrganization_SignedJson11Post_ReturnsOrganization()
    {
        await using var harness = await OrganizationsHarness.StartAsync(OrganizationsHarness.Answer(_ =>
            """{"Organization":{"Id":"o-exampleorgid","Arn":"arn:aws:organizations::999988887777:organization/o-exampleorgid","FeatureSet":"ALL","MasterAccountArn":"arn:aws:organizations::999988887777:account/o-exampleorgid/999988887777","MasterAccountId":"999988887777","MasterAccountEmail":"payer@example.com","AvailablePolicyTypes":[]}}"""));

        var organization = await harness.Client.DescribeOrganizationAsync();

        Assert.Equal("o-exampleorgid", organization.Id);
        Assert.Equal("999988887777", organization.MasterAccountId);
        Assert.Equal("payer@example.com", organization.MasterAccountEmail);
        var request = Assert.Single(harness.Server.Requests);
        Assert.Null(request.SignatureProblem);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/", request.Path);
        Assert.Equal("application/x-amz-json-1.1", request.ContentType);
        Assert.Equal("AWSOrganizationsV20161128.DescribeOrganization", request.Target);
        Assert.Equal("{}", request.Body);
        Assert.Contains("/us-east-1/organizations/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-target, Signature=",
            request.Header("Authorization"), StringComparison.Ordinal);
        Assert.Null(request.Header("X-Amz-Security-Token"));
    }

    [Fact]
    public async Task DescribeAccount_StateAndRetiredStatus_ReadsStateAndFractionalTimestamp()
    {
        await using var harness = await OrganizationsHarness.StartAsync(OrganizationsHarness.Answer(_ => $$"""{"Account":{{AccountJson}}}"""));

        var account = await harness.Client.DescribeAccountAsync("111122223333");

        Assert.Equal("SUSPENDED", account.State);
        Assert.Equal("INVITED", account.JoinedMethod);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_764_547_200_123), account.JoinedTimestamp);
        var request = Assert.Single(harness.Server.Requests);
        Assert.Equal("AWSOrganizationsV20161128.DescribeAccount", request.Target);
        Assert.Equal("""{"AccountId":"111122223333"}""", request.Body);
    }

    [Fact]
    public async Task DescribeAccount_MalformedId_ThrowsBeforeSending()
    {
        await using var harness = await OrganizationsHarness.StartAsync(OrganizationsHarness.Answer(_ => "{}"));

        await Assert.ThrowsAsync<ArgumentException>(() => harness.Client.DescribeAccountAsync("12345"));

        Assert.Empty(harness.Server.Requests);
    }

    [Fact]
    public async Task ListAccounts_ThreePagesWithEmptyMiddle_FollowsNextTokenUntilAbsent()
    {
        await using var harness = await OrganizationsHarness.StartAsync(OrganizationsHarness.Answer(r => Token(r) switch
        {
            null => """{"Accounts":[{"Id":"000000000001","State":"ACTIVE"},{"Id":"000000000002","State":"ACTIVE"}],"NextToken":"page-2"}""",
            "page-2" => """{"Accounts":[],"NextToken":"page-3"}""",
            _ => """{"Accounts":[{"Id":"000000000003","State":"CLOSED"}]}""",
        }));

        var accounts = await harness.Client.ListAccountsAsync();

        Assert.Equal(["000000000001", "000000000002", "000000000003"], accounts.Select(a => a.Id));
        Assert.Equal(
            ["""{"MaxResults":20}""", """{"NextToken":"page-2","MaxResults":20}""", """{"NextToken":"page-3","MaxResults":20}"""],
            harness.Server.Requests.Select(r => r.Body));
        Assert.All(harness.Server.Requests, r => Assert.Null(r.SignatureProblem));
    }

    [Fact]
    public async Task ListAccounts_ThousandAccounts_FiftyPagesOfTwenty()
    {
        await using var harness = await OrganizationsHarness.StartAsync(OrganizationsHarness.Answer(r =>
        {
            var page = Token(r) is { } token ? int.Parse(token, System.Globalization.CultureInfo.InvariantCulture) : 0;
            var ids = Enumerable.Range(page * 20, 20).Select(i => $$"""{"Id":"{{i:D12}}","State":"ACTIVE"}""");
            var next = page < 49 ? $$""","NextToken":"{{page + 1}}" """ : string.Empty;
            return $$"""{"Accounts":[{{string.Join(',', ids)}}]{{next}}}""";
        }));

        var accounts = await harness.Client.ListAccountsAsync();

        Assert.Equal(1000, accounts.Count);
        Assert.Equal(1000, accounts.Select(a => a.Id).Distinct().Count());
        Assert.Equal(50, harness.Server.Requests.Count);
        Assert.All(harness.Server.Requests, r => Assert.Null(r.SignatureProblem));
    }

    [Fact]
    public async Task ListTagsForResource_TwoPages_ReturnsAllTags()
    {
        await using var harness = await OrganizationsHarness.StartAsync(OrganizationsHarness.Answer(r => Token(r) is null
            ? """{"Tags":[{"Key":"cost-center","Value":"42"}],"NextToken":"t2"}"""
            : """{"Tags":[{"Key":"owner","Value":"Contoso"}]}"""));

        var tags = await harness.Client.ListTagsForResourceAsync("111122223333");

        Assert.Equal([new AwsTag("cost-center", "42"), new AwsTag("owner", "Contoso")], tags);
        Assert.Equal(
            ["""{"ResourceId":"111122223333"}""", """{"ResourceId":"111122223333","NextToken":"t2"}"""],
            harness.Server.Requests.Select(r => r.Body));
        Assert.All(harness.Server.Requests, r => Assert.Equal("AWSOrganizationsV20161128.ListTagsForResource", r.Target));
    }

    [Fact]
    public async Task ListDelegatedServicesForAccount_TwoPages_ReturnsServices()
    {
        await using var harness = await OrganizationsHarness.StartAsync(OrganizationsHarness.Answer(r => Token(r) is null
            ? """{"DelegatedServices":[{"ServicePrincipal":"securityhub.amazonaws.com","DelegationEnabledDate":1700000000}],"NextToken":"d2"}"""
            : """{"DelegatedServices":[{"ServicePrincipal":"guardduty.amazonaws.com","DelegationEnabledDate":1700000000.5}]}"""));

        var services = await harness.Client.ListDelegatedServicesForAccountAsync("111122223333");

        Assert.Equal(["securityhub.amazonaws.com", "guardduty.amazonaws.com"], services.Select(s => s.ServicePrincipal));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_500), services[1].DelegationEnabledDate);
        Assert.Equal("""{"AccountId":"111122223333","NextToken":"d2","MaxResults":20}""", harness.Server.Requests.Last().Body);
    }

    [Fact]
    public async Task RemoveAccountFromOrganization_EmptyAnswer_Succeeds()
    {
        await using var harness = await OrganizationsHarness.StartAsync(OrganizationsHarness.Answer(_ => string.Empty));

        await harness.Client.RemoveAccountFromOrganizationAsync("111122223333");

        var request = Assert.Single(harness.Server.Requests);
        Assert.Equal("AWSOrganizationsV20161128.RemoveAccountFromOrganization", request.Target);
        Assert.Equal("""{"AccountId":"111122223333"}""", request.Body);
        Assert.Null(request.SignatureProblem);
    }

    [Fact]
    public async Task ListInboundResponsibilityTransfers_TwoPages_AsksForBillingType()
    {
        await using var harness = await OrganizationsHarness.StartAsync(OrganizationsHarness.Answer(r => Token(r) is null
            ? """{"ResponsibilityTransfers":[{"Id":"rt-coho7x2k9m4q","Type":"BILLING","Status":"ACCEPTED","Source":{"ManagementAccountId":"444455556666"},"Target":{"ManagementAccountId":"999988887777"},"StartTimestamp":1764547200}],"NextToken":"x"}"""
            : """{"ResponsibilityTransfers":[{"Id":"rt-fabr1k4m2000","Type":"BILLING","Status":"REQUESTED"}]}"""));

        var transfers = await harness.Client.ListInboundResponsibilityTransfersAsync();

        Assert.Equal(["rt-coho7x2k9m4q", "rt-fabr1k4m2000"], transfers.Select(t => t.Id));
        Assert.Equal("444455556666", transfers[0].Source?.ManagementAccountId);
        Assert.Equal(DateTimeOffset.Parse("2025-12-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), transfers[0].StartTimestamp);
        Assert.Equal(
            ["""{"Type":"BILLING","MaxResults":20}""", """{"Type":"BILLING","NextToken":"x","MaxResults":20}"""],
            harness.Server.Requests.Select(r => r.Body));
    }

    [Fact]
    public async Task TerminateResponsibilityTransfer_EndTimestamp_SentAsEpochSeconds()
    {
        await using var harness = await OrganizationsHarness.StartAsync(OrganizationsHarness.Answer(_ =>
            """{"ResponsibilityTransfer":{"Id":"rt-coho7x2k9m4q","Type":"BILLING","Status":"WITHDRAWN","EndTimestamp":1767225599}}"""));
        var end = BillingTransferTerms.EndOfMonth(DateTimeOffset.Parse("2025-12-04T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

        var transfer = await harness.Client.TerminateResponsibilityTransferAsync("rt-coho7x2k9m4q", end);

        Assert.Equal("WITHDRAWN", transfer.Status);
        Assert.Equal(end, transfer.EndTimestamp);
        var request = Assert.Single(harness.Server.Requests);
        Assert.Equal("AWSOrganizationsV20161128.TerminateResponsibilityTransfer", request.Target);
        Assert.Equal("""{"Id":"rt-coho7x2k9m4q","EndTimestamp":1767225599}""", request.Body); // 2025-12-31T23:59:59Z
    }

    [Fact]
    public async Task FindInboundBillingTransfer_ById_FilteredRequestAndTheMatch()
    {
        await using var harness = await OrganizationsHarness.StartAsync(OrganizationsHarness.Answer(_ =>
            """{"ResponsibilityTransfers":[{"Id":"rt-coho7x2k9m4q","Type":"BILLING","Status":"ACCEPTED","StartTimestamp":1754006400,"Source":{"ManagementAccountId":"890123456789"}}]}"""));

        var transfer = await harness.Client.FindInboundBillingTransferAsync("rt-coho7x2k9m4q");

        Assert.Equal("ACCEPTED", transfer!.Status);
        Assert.Equal(new DateTimeOffset(2025, 8, 1, 0, 0, 0, TimeSpan.Zero), transfer.StartTimestamp);
        Assert.Equal("890123456789", transfer.Source?.ManagementAccountId);
        var request = Assert.Single(harness.Server.Requests);
        Assert.Equal("AWSOrganizationsV20161128.ListInboundResponsibilityTransfers", request.Target);
        Assert.Equal("""{"Type":"BILLING","Id":"rt-coho7x2k9m4q","MaxResults":20}""", request.Body);
    }

    [Fact]
    public async Task FindInboundBillingTransfer_NotFound_Null()
    {
        await using var harness = await OrganizationsHarness.StartAsync(
            OrganizationsHarness.Error(400, "ResponsibilityTransferNotFoundException", "No such transfer."));

        Assert.Null(await harness.Client.FindInboundBillingTransferAsync("rt-coho7x2k9m4q"));
    }

    [Theory]
    [InlineData("rt-1")]
    [InlineData("rt-ABCDEFGH")]
    [InlineData("h-abcdefgh12")]
    [InlineData("")]
    public async Task TerminateResponsibilityTransfer_NotATransferId_RefusedBeforeSending(string id)
    {
        await using var harness = await OrganizationsHarness.StartAsync(OrganizationsHarness.Answer(_ => "{}"));

        await Assert.ThrowsAsync<ArgumentException>(() => harness.Client.TerminateResponsibilityTransferAsync(id, null));

        Assert.Empty(harness.Server.Requests);
    }

    [Fact]
    public async Task TerminateResponsibilityTransfer_NoEndTimestamp_OmitsTheMember()
    {
        await using var harness = await OrganizationsHarness.StartAsync(OrganizationsHarness.Answer(_ =>
            """{"ResponsibilityTransfer":{"Id":"rt-coho7x2k9m4q","Status":"WITHDRAWN","EndTimestamp":1767225599}}"""));

        await harness.Client.TerminateResponsibilityTransferAsync("rt-coho7x2k9m4q", null);

        Assert.Equal("""{"Id":"rt-coho7x2k9m4q"}""", Assert.Single(harness.Server.Requests).Body);
    }

    [Fact]
    public async Task AnyCall_SessionCredentials_SendsSignedSecurityToken()
    {
        var temporary = new StandInCredentials("ASIASESBOTTEMP", "temporary/secret", "FwoGZXIvYXdzEXAMPLE//token+with/slashes==");
        await using var harness = await OrganizationsHarness.StartAsync(
            OrganizationsHarness.Answer(_ => """{"Accounts":[]}"""), clientKeys: temporary, serverKeys: temporary);

        await harness.Client.ListAccountsAsync();

        var request = Assert.Single(harness.Server.Requests);
        Assert.Null(request.SignatureProblem);
        Assert.Equal(temporary.SessionToken, request.Header("X-Amz-Security-Token"));
        Assert.Contains("x-amz-security-token", request.Header("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyCall_WrongSecret_RejectedByTheIndependentCheck()
    {
        await using var harness = await OrganizationsHarness.StartAsync(
            OrganizationsHarness.Answer(_ => "{}"), clientKeys: OrganizationsHarness.Keys with { SecretAccessKey = "not-the-secret" });

        var ex = await Assert.ThrowsAsync<AwsOrganizationsException>(() => harness.Client.DescribeOrganizationAsync());

        Assert.Equal("InvalidSignatureException", ex.Error.Code);
        Assert.Equal("signature does not match", Assert.Single(harness.Server.Requests).SignatureProblem);
    }

    private static string? Token(AwsStandInRequest request)
    {
        using var body = JsonDocument.Parse(request.Body);
        return body.RootElement.TryGetProperty("NextToken", out var token) ? token.GetString() : null;
    }
}
