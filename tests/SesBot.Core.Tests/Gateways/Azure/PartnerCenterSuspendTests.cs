using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SesBot.Core.Gateways.Azure;
using static SesBot.Core.Tests.Gateways.Azure.PartnerCenterTestHost;

namespace SesBot.Core.Tests.Gateways.Azure;

/// <summary>
/// Suspension against a local Partner Center that keeps the subscription's state: the GET, the PATCH of the full
/// resource with <c>status: suspended</c> (FACTS §E) and the read-back.
/// </summary>
public sealed class PartnerCenterSuspendTests
{
    [Fact]
    public async Task Suspend_ActiveSubscription_PatchesTheFullResourceAsReadAndConfirmsByReadingBack()
    {
        var stored = SubscriptionJson();
        await using var server = await PartnerCenterServer.StartAsync((c, r) => StatefulPartnerCenter(c, r, ref stored));
        await using var provider = Build(server.Url, new TestTokenCredential());

        var result = await provider.Client().SuspendSubscriptionAsync(Customer, SubscriptionId);

        Assert.Equal(SuspensionOutcome.Suspended, result.Outcome);
        Assert.Equal(PartnerCenterSubscriptionStatus.Active, result.Before.Status);
        Assert.Equal(PartnerCenterSubscriptionStatus.Suspended, result.After.Status);
        Assert.True(result.IsSuspended);

        var requests = server.Requests.ToList();
        Assert.Equal(["GET", "PATCH", "GET"], requests.Select(r => r.Method));
        var route = $"/v1/customers/{Customer}/subscriptions/{SubscriptionId}";
        Assert.All(requests, r => Assert.Equal(route, r.RawTarget));
        Assert.All(requests, r => Assert.StartsWith("Bearer token-", r.Header("Authorization"), StringComparison.Ordinal));
        Assert.Equal(3, requests.Select(r => r.Header("MS-CorrelationId")).Distinct().Count());

        var patch = requests[1];
        Assert.Equal("application/json; charset=utf-8", patch.Header("Content-Type"));
        Assert.Equal("application/json", patch.Header("Accept"));
        Assert.Equal("v1", patch.Header("MS-Contract-Version"));
        var expected = JsonNode.Parse(SubscriptionJson())!;
        expected["status"] = "suspended";
        var sent = JsonNode.Parse(patch.Body)!;
        Assert.True(JsonNode.DeepEquals(expected, sent), $"The PATCH body differs from the resource as read:\n{sent}");
        Assert.Equal("2024-03-01T10:15:30.12Z", sent["creationDate"]!.GetValue<string>()); // the text as read, not re-formatted
    }

    [Fact]
    public async Task Suspend_AlreadySuspended_SendsNothing()
    {
        var stored = SubscriptionJson("suspended");
        await using var server = await PartnerCenterServer.StartAsync((c, r) => StatefulPartnerCenter(c, r, ref stored));
        await using var provider = Build(server.Url, new TestTokenCredential());

        var result = await provider.Client().SuspendSubscriptionAsync(Customer, SubscriptionId);

        Assert.Equal(SuspensionOutcome.AlreadySuspended, result.Outcome);
        Assert.Equal(["GET"], server.Requests.Select(r => r.Method));
    }

    [Theory]
    [InlineData("deleted")]
    [InlineData("expired")]
    public async Task Suspend_DeletedOrExpired_RefusedWithoutPatch(string status)
    {
        var stored = SubscriptionJson(status);
        await using var server = await PartnerCenterServer.StartAsync((c, r) => StatefulPartnerCenter(c, r, ref stored));
        await using var provider = Build(server.Url, new TestTokenCredential());

        var error = await Assert.ThrowsAsync<PartnerCenterException>(() => provider.Client().SuspendSubscriptionAsync(Customer, SubscriptionId));

        Assert.Equal(PartnerCenterErrorKind.Conflict, error.Kind);
        Assert.Contains($"is {status}", error.Message, StringComparison.Ordinal);
        Assert.Equal(["GET"], server.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task Suspend_PatchAcceptedButReadBackStillActive_NotConfirmed()
    {
        await using var server = await PartnerCenterServer.StartAsync((c, r) =>
            PartnerCenterServer.Json(c, 200, r.Method == "PATCH" ? r.Body : SubscriptionJson("active")));
        await using var provider = Build(server.Url, new TestTokenCredential());

        var result = await provider.Client().SuspendSubscriptionAsync(Customer, SubscriptionId);

        Assert.Equal(SuspensionOutcome.NotConfirmed, result.Outcome);
        Assert.False(result.IsSuspended);
        Assert.Equal(PartnerCenterSubscriptionStatus.Active, result.After.Status);
        Assert.Equal(["GET", "PATCH", "GET"], server.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task Suspend_ConnectionDroppedAfterPatchWasApplied_NotReplayedAndReadBackConfirms()
    {
        var stored = SubscriptionJson();
        await using var server = await PartnerCenterServer.StartAsync((c, r) =>
        {
            if (r.Method == "PATCH")
            {
                stored = r.Body; // Partner Center carried it out, then the connection broke before the answer
                c.Abort();
                return Task.CompletedTask;
            }

            return StatefulPartnerCenter(c, r, ref stored);
        });
        await using var provider = Build(server.Url, new TestTokenCredential());

        var result = await provider.Client().SuspendSubscriptionAsync(Customer, SubscriptionId);

        Assert.Equal(SuspensionOutcome.SuspendedAfterNoAnswer, result.Outcome);
        Assert.True(result.IsSuspended);
        Assert.Equal(["GET", "PATCH", "GET"], server.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task Suspend_ConnectionDroppedAndNotApplied_OutcomeUnknownAndPatchNotReplayed()
    {
        await using var server = await PartnerCenterServer.StartAsync((c, r) =>
        {
            if (r.Method == "PATCH")
            {
                c.Abort();
                return Task.CompletedTask;
            }

            return PartnerCenterServer.Json(c, 200, SubscriptionJson());
        });
        await using var provider = Build(server.Url, new TestTokenCredential());

        var error = await Assert.ThrowsAsync<PartnerCenterException>(() => provider.Client().SuspendSubscriptionAsync(Customer, SubscriptionId));

        Assert.Equal(PartnerCenterErrorKind.OutcomeUnknown, error.Kind);
        Assert.True(error.IsOutcomeUnknown);
        Assert.Contains("was not sent again", error.Message, StringComparison.Ordinal);
        Assert.Contains("active", error.Message, StringComparison.Ordinal);
        Assert.Equal(["GET", "PATCH", "GET"], server.Requests.Select(r => r.Method));
        Assert.Equal(server.Requests.Single(r => r.Method == "PATCH").Header("MS-CorrelationId"), error.CorrelationId);
    }

    [Fact]
    public async Task Suspend_PatchTimesOut_NotReplayedAndOutcomeUnknown()
    {
        await using var server = await PartnerCenterServer.StartAsync(async (c, r) =>
        {
            if (r.Method == "PATCH")
            {
                await Task.Delay(TimeSpan.FromSeconds(5), c.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return;
            }

            await PartnerCenterServer.Json(c, 200, SubscriptionJson());
        });
        await using var provider = Build(server.Url, new TestTokenCredential(), new Dictionary<string, string?> { ["PartnerCenter:AttemptTimeout"] = "00:00:01" });

        var error = await Assert.ThrowsAsync<PartnerCenterException>(() => provider.Client().SuspendSubscriptionAsync(Customer, SubscriptionId));

        Assert.Equal(PartnerCenterErrorKind.OutcomeUnknown, error.Kind);
        Assert.Single(server.Requests, r => r.Method == "PATCH");
    }

    [Fact]
    public async Task Suspend_PatchThrottledOnce_RetriedAfterRetryAfterAndSucceeds()
    {
        var stored = SubscriptionJson();
        var patches = 0;
        await using var server = await PartnerCenterServer.StartAsync((c, r) =>
        {
            if (r.Method == "PATCH" && Interlocked.Increment(ref patches) == 1)
            {
                c.Response.Headers.RetryAfter = "1";
                return PartnerCenterServer.Json(c, 429, """{"code":"429","description":"Rate limit is exceeded.","source":"PartnerFD"}""");
            }

            return StatefulPartnerCenter(c, r, ref stored);
        });
        await using var provider = Build(server.Url, new TestTokenCredential());

        var result = await provider.Client().SuspendSubscriptionAsync(Customer, SubscriptionId);

        Assert.Equal(SuspensionOutcome.Suspended, result.Outcome);
        var patchRequests = server.Requests.Where(r => r.Method == "PATCH").ToList();
        Assert.Equal(2, patchRequests.Count);
        Assert.Equal(patchRequests[0].Body, patchRequests[1].Body);
        Assert.Equal(patchRequests[0].Header("MS-RequestId"), patchRequests[1].Header("MS-RequestId")); // a retry keeps the request id
    }

    [Fact]
    public async Task Suspend_PatchGetsServiceError_NotRetried()
    {
        await using var server = await PartnerCenterServer.StartAsync((c, r) => r.Method == "PATCH"
            ? PartnerCenterServer.Json(c, 503, """{"code":"503","description":"Service unavailable.","source":"PartnerFD"}""")
            : PartnerCenterServer.Json(c, 200, SubscriptionJson()));
        await using var provider = Build(server.Url, new TestTokenCredential());

        var error = await Assert.ThrowsAsync<PartnerCenterException>(() => provider.Client().SuspendSubscriptionAsync(Customer, SubscriptionId));

        Assert.Equal(PartnerCenterErrorKind.ServiceError, error.Kind);
        Assert.Contains("Read it again to see whether the change was made", error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests, r => r.Method == "PATCH");
    }

    [Theory]
    [InlineData(502, true)]
    [InlineData(504, true)]
    [InlineData(502, false)]
    [InlineData(504, false)]
    public async Task Suspend_GatewayErrorOnPatch_NotReplayedAndReadBackDecides(int status, bool appliedBehindTheGateway)
    {
        var stored = SubscriptionJson();
        await using var server = await PartnerCenterServer.StartAsync((c, r) =>
        {
            if (r.Method == "PATCH")
            {
                if (appliedBehindTheGateway)
                {
                    stored = r.Body;
                }

                return PartnerCenterServer.Json(c, status, """{"code":"gateway","description":"The upstream did not answer in time.","source":"Gateway"}""");
            }

            return StatefulPartnerCenter(c, r, ref stored);
        });
        await using var provider = Build(server.Url, new TestTokenCredential());

        if (appliedBehindTheGateway)
        {
            var result = await provider.Client().SuspendSubscriptionAsync(Customer, SubscriptionId);
            Assert.Equal(SuspensionOutcome.SuspendedAfterNoAnswer, result.Outcome);
        }
        else
        {
            var error = await Assert.ThrowsAsync<PartnerCenterException>(() => provider.Client().SuspendSubscriptionAsync(Customer, SubscriptionId));
            Assert.Equal(PartnerCenterErrorKind.OutcomeUnknown, error.Kind);
        }

        Assert.Equal(["GET", "PATCH", "GET"], server.Requests.Select(r => r.Method));
    }

    /// <summary>GET answers the stored resource; PATCH stores the body as the new resource and answers it.</summary>
    private static Task StatefulPartnerCenter(HttpContext context, PartnerCenterRequest request, ref string stored)
    {
        if (request.Method == "PATCH")
        {
            stored = request.Body;
        }

        return PartnerCenterServer.Json(context, 200, stored);
    }
}
