using System.Net;
using System.Net.Sockets;
using SesBot.Core.Gateways.Aws;
using SesBot.Core.Tests.Gateways.Aws.Support;

namespace SesBot.Core.Tests.Gateways.Aws;

/// <summary>Retries only for throttling and server errors on reads; a change is never replayed after an ambiguous failure.</summary>
public sealed class AwsOrganizationsClientRetryTests
{
    [Fact]
    public async Task ListAccounts_ThrottledTwice_RetriesAndSucceeds()
    {
        await using var harness = await OrganizationsHarness.StartAsync((request, context) => request.Number <= 2
            ? AwsStandInServer.Json(context, 400, """{"__type":"TooManyRequestsException","Message":"Rate exceeded","Type":"AWS_ORGANIZATIONS"}""")
            : AwsStandInServer.Json(context, 200, """{"Accounts":[{"Id":"000000000001"}]}"""));

        var accounts = await harness.Client.ListAccountsAsync();

        Assert.Single(accounts);
        Assert.Equal(3, harness.Server.Requests.Count);
        Assert.Equal(3, harness.Server.Requests.Select(r => r.Header("X-Amz-Date")).Count());
        Assert.All(harness.Server.Requests, r => Assert.Null(r.SignatureProblem));
    }

    [Fact]
    public async Task DescribeOrganization_ThrottledWithRetryAfter_WaitsThatLong()
    {
        await using var harness = await OrganizationsHarness.StartAsync((request, context) =>
        {
            if (request.Number == 1)
            {
                context.Response.Headers.RetryAfter = "1";
                return AwsStandInServer.Json(context, 429, """{"__type":"TooManyRequestsException","Message":"slow down"}""");
            }

            return AwsStandInServer.Json(context, 200, """{"Organization":{"Id":"o-exampleorgid"}}""");
        });
        var watch = System.Diagnostics.Stopwatch.StartNew();

        await harness.Client.DescribeOrganizationAsync();

        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(950), TimeSpan.FromSeconds(10));
        Assert.Equal(2, harness.Server.Requests.Count);
    }

    [Fact]
    public async Task DescribeAccount_AlwaysThrottled_GivesUpAfterMaxRetries()
    {
        await using var harness = await OrganizationsHarness.StartAsync((_, context) =>
            AwsStandInServer.Json(context, 400, string.Empty, "TooManyRequestsException"));

        var ex = await Assert.ThrowsAsync<AwsOrganizationsException>(() => harness.Client.DescribeAccountAsync("111122223333"));

        Assert.Equal(AwsErrorKind.TooManyRequests, ex.Kind);
        Assert.Equal(4, harness.Server.Requests.Count);
    }

    [Fact]
    public async Task RemoveAccount_Throttled_RetriedBecauseAwsRejectedIt()
    {
        await using var harness = await OrganizationsHarness.StartAsync((request, context) => request.Number == 1
            ? AwsStandInServer.Json(context, 400, """{"__type":"TooManyRequestsException","Message":"slow down"}""")
            : AwsStandInServer.Json(context, 200, string.Empty));

        await harness.Client.RemoveAccountFromOrganizationAsync("111122223333");

        Assert.Equal(2, harness.Server.Requests.Count);
    }

    [Fact]
    public async Task DescribeAccount_ServerErrorOnce_Retried()
    {
        await using var harness = await OrganizationsHarness.StartAsync((request, context) => request.Number == 1
            ? AwsStandInServer.Json(context, 500, """{"__type":"ServiceException","Message":"internal"}""")
            : AwsStandInServer.Json(context, 200, """{"Account":{"Id":"111122223333","State":"ACTIVE"}}"""));

        var account = await harness.Client.DescribeAccountAsync("111122223333");

        Assert.Equal("ACTIVE", account.State);
        Assert.Equal(2, harness.Server.Requests.Count);
    }

    [Theory]
    [InlineData("AccessDeniedException")]
    [InlineData("ConcurrentModificationException")]
    [InlineData("AWSOrganizationsNotInUseException")]
    public async Task ListAccounts_ClientError_NotRetried(string type)
    {
        await using var harness = await OrganizationsHarness.StartAsync(OrganizationsHarness.Error(400, type, "no"));

        await Assert.ThrowsAsync<AwsOrganizationsException>(() => harness.Client.ListAccountsAsync());

        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task RemoveAccount_ServerError_NotReplayedOutcomeUnknown()
    {
        await using var harness = await OrganizationsHarness.StartAsync(OrganizationsHarness.Error(500, "ServiceException", "internal"));

        var ex = await Assert.ThrowsAsync<AwsOrganizationsException>(() => harness.Client.RemoveAccountFromOrganizationAsync("111122223333"));

        Assert.Equal(AwsErrorKind.OutcomeUnknown, ex.Kind);
        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task RemoveAccount_ConnectionDroppedAfterRequest_NotReplayedOutcomeUnknown()
    {
        await using var harness = await OrganizationsHarness.StartAsync((_, context) =>
        {
            context.Abort();
            return Task.CompletedTask;
        });

        var ex = await Assert.ThrowsAsync<AwsOrganizationsException>(() => harness.Client.RemoveAccountFromOrganizationAsync("111122223333"));

        Assert.Equal(AwsErrorKind.OutcomeUnknown, ex.Kind);
        Assert.Contains("may or may not have happened", ex.Message, StringComparison.Ordinal);
        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task RemoveAccount_NoAnswerWithinAttemptTimeout_NotReplayedOutcomeUnknown()
    {
        await using var harness = await OrganizationsHarness.StartAsync(
            async (_, context) => await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted),
            new Dictionary<string, string?> { ["Aws:AttemptTimeout"] = "00:00:02" }); // the call must reach the server first, JIT and signing included

        var ex = await Assert.ThrowsAsync<AwsOrganizationsException>(() => harness.Client.RemoveAccountFromOrganizationAsync("111122223333"));

        Assert.Equal(AwsErrorKind.OutcomeUnknown, ex.Kind);
        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task TerminateTransfer_ConnectionDropped_NotReplayedOutcomeUnknown()
    {
        await using var harness = await OrganizationsHarness.StartAsync((_, context) =>
        {
            context.Abort();
            return Task.CompletedTask;
        });

        var ex = await Assert.ThrowsAsync<AwsOrganizationsException>(() => harness.Client.TerminateResponsibilityTransferAsync("rt-coho7x2k9m4q", null));

        Assert.Equal(AwsErrorKind.OutcomeUnknown, ex.Kind);
        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task RemoveAccount_NothingListening_UnreachableNotUnknown()
    {
        await using var harness = await OrganizationsHarness.StartAsync(
            OrganizationsHarness.Answer(_ => "{}"), new Dictionary<string, string?> { ["Aws:Endpoint"] = $"http://127.0.0.1:{FreePort()}/" });

        var ex = await Assert.ThrowsAsync<AwsOrganizationsException>(() => harness.Client.RemoveAccountFromOrganizationAsync("111122223333"));

        Assert.Equal(AwsErrorKind.Unreachable, ex.Kind);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
