using System.Diagnostics;
using System.Net;
using SesBot.Core.Gateways.Azure;
using static SesBot.Core.Tests.Gateways.Azure.PartnerCenterTestHost;

namespace SesBot.Core.Tests.Gateways.Azure;

/// <summary>Each Partner Center error answer becomes the typed error a support agent can act on; reads are retried, throttling waits.</summary>
public sealed class PartnerCenterErrorTests
{
    [Theory]
    [InlineData(401, PartnerCenterErrorKind.Authentication, "rejected SesBot's token", 1)]
    [InlineData(403, PartnerCenterErrorKind.Forbidden, "Admin agent role", 1)]
    [InlineData(404, PartnerCenterErrorKind.NotFound, "Check the customer's Microsoft ID", 1)]
    [InlineData(409, PartnerCenterErrorKind.Conflict, "Read it again", 1)]
    [InlineData(412, PartnerCenterErrorKind.Conflict, "Read it again", 1)]
    [InlineData(400, PartnerCenterErrorKind.BadRequest, "as invalid", 1)]
    [InlineData(500, PartnerCenterErrorKind.ServiceError, "Nothing was changed", 3)]
    [InlineData(503, PartnerCenterErrorKind.ServiceError, "Nothing was changed", 3)]
    public async Task GetSubscription_ErrorAnswer_MapsToKindWithActionableMessage(int status, PartnerCenterErrorKind kind, string advice, int attempts)
    {
        await using var server = await PartnerCenterServer.StartAsync((c, _) =>
            PartnerCenterServer.Json(c, status, """{"code":"800002","description":"The subscription could not be processed.","data":[],"source":"PartnerFD"}"""));
        await using var provider = Build(server.Url, new TestTokenCredential());

        var error = await Assert.ThrowsAsync<PartnerCenterException>(() => provider.Client().GetSubscriptionAsync(Customer, SubscriptionId));

        Assert.Equal(kind, error.Kind);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal("800002", error.ErrorCode);
        Assert.Equal("The subscription could not be processed.", error.Description);
        Assert.Equal("GetSubscription", error.Operation);
        Assert.Contains(advice, error.Message, StringComparison.Ordinal);
        Assert.Contains("The subscription could not be processed.", error.Message, StringComparison.Ordinal);
        Assert.Contains(SubscriptionId, error.Message, StringComparison.Ordinal);
        Assert.Equal(attempts, server.Requests.Count); // 5xx on a read: retried (MaxRetryAttempts 2); other errors: not
        var last = server.Requests.Last();
        Assert.Equal(last.Header("MS-CorrelationId"), error.CorrelationId);
        Assert.Equal(last.Header("MS-RequestId"), error.RequestId);
        Assert.Contains(error.CorrelationId!, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSubscription_NumericCodeAndNoBody_StillTyped()
    {
        var calls = 0;
        await using var server = await PartnerCenterServer.StartAsync((c, _) => Interlocked.Increment(ref calls) == 1
            ? PartnerCenterServer.Json(c, 404, """{"code":600,"description":"Customer not found.","source":"PartnerFD"}""")
            : PartnerCenterServer.Json(c, 403, string.Empty));
        await using var provider = Build(server.Url, new TestTokenCredential());

        var notFound = await Assert.ThrowsAsync<PartnerCenterException>(() => provider.Client().GetSubscriptionAsync(Customer, SubscriptionId));
        var forbidden = await Assert.ThrowsAsync<PartnerCenterException>(() => provider.Client().GetSubscriptionAsync(Customer, SubscriptionId));

        Assert.Equal("600", notFound.ErrorCode);
        Assert.Equal(PartnerCenterErrorKind.Forbidden, forbidden.Kind);
        Assert.Null(forbidden.ErrorCode);
    }

    [Fact]
    public async Task GetSubscription_ThrottledOnce_WaitsRetryAfterAndRetriesWithTheSameRequestId()
    {
        var calls = 0;
        await using var server = await PartnerCenterServer.StartAsync((c, _) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                c.Response.Headers.RetryAfter = "1";
                return PartnerCenterServer.Json(c, 429, """{"code":"429","description":"Rate limit is exceeded.","source":"PartnerFD"}""");
            }

            return PartnerCenterServer.Json(c, 200, SubscriptionJson());
        });
        var credential = new TestTokenCredential();
        await using var provider = Build(server.Url, credential);
        var clock = Stopwatch.StartNew();

        var subscription = await provider.Client().GetSubscriptionAsync(Customer, SubscriptionId);

        Assert.Equal(SubscriptionId, subscription.Id);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(950), $"Retried after {clock.Elapsed}, before the Retry-After of 1 s.");
        var requests = server.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.Equal(requests[0].Header("MS-RequestId"), requests[1].Header("MS-RequestId"));
        Assert.Equal(requests[0].Header("MS-CorrelationId"), requests[1].Header("MS-CorrelationId"));
        Assert.Equal(["Bearer token-1", "Bearer token-2"], requests.Select(r => r.Header("Authorization"))); // a token per attempt
    }

    [Fact]
    public async Task GetSubscription_ThrottledEveryTime_ThrottledWithRetryAfterAfterTheRetries()
    {
        await using var server = await PartnerCenterServer.StartAsync((c, _) =>
        {
            c.Response.Headers.RetryAfter = "600";
            return PartnerCenterServer.Json(c, 429, """{"code":"429","description":"Rate limit is exceeded.","source":"PartnerFD"}""");
        });
        await using var provider = Build(server.Url, new TestTokenCredential(), new Dictionary<string, string?> { ["PartnerCenter:MaxRetryAfter"] = "00:00:00.200" });
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<PartnerCenterException>(() => provider.Client().GetSubscriptionAsync(Customer, SubscriptionId));

        Assert.Equal(PartnerCenterErrorKind.Throttled, error.Kind);
        Assert.Equal(TimeSpan.FromSeconds(600), error.RetryAfter);
        Assert.Contains("Try again after 600 seconds", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, server.Requests.Count);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"The 600 s Retry-After was not capped: {clock.Elapsed}.");
    }

    [Fact]
    public async Task GetSubscription_ConnectionDroppedOnce_RetriedAndSucceeds()
    {
        var calls = 0;
        await using var server = await PartnerCenterServer.StartAsync((c, _) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                c.Abort();
                return Task.CompletedTask;
            }

            return PartnerCenterServer.Json(c, 200, SubscriptionJson());
        });
        await using var provider = Build(server.Url, new TestTokenCredential());

        var subscription = await provider.Client().GetSubscriptionAsync(Customer, SubscriptionId);

        Assert.Equal(SubscriptionId, subscription.Id);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task GetSubscription_ConnectionAlwaysDropped_NoAnswerAfterTheRetries()
    {
        await using var server = await PartnerCenterServer.StartAsync((c, _) =>
        {
            c.Abort();
            return Task.CompletedTask;
        });
        await using var provider = Build(server.Url, new TestTokenCredential());

        var error = await Assert.ThrowsAsync<PartnerCenterException>(() => provider.Client().GetSubscriptionAsync(Customer, SubscriptionId));

        Assert.Equal(PartnerCenterErrorKind.NoAnswer, error.Kind);
        Assert.False(error.IsOutcomeUnknown);
        Assert.Contains("Nothing was changed", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task GetSubscription_UnreadableSuccessBody_UnreadableAnswer()
    {
        await using var server = await PartnerCenterServer.StartAsync((c, _) => PartnerCenterServer.Json(c, 200, "<html>login</html>"));
        await using var provider = Build(server.Url, new TestTokenCredential());

        var error = await Assert.ThrowsAsync<PartnerCenterException>(() => provider.Client().GetSubscriptionAsync(Customer, SubscriptionId));

        Assert.Equal(PartnerCenterErrorKind.UnreadableAnswer, error.Kind);
    }

    [Fact]
    public async Task GetSubscription_CredentialFails_AuthenticationErrorAndNothingSent()
    {
        await using var server = await PartnerCenterServer.StartAsync((c, _) => PartnerCenterServer.Json(c, 200, SubscriptionJson()));
        var credential = new TestTokenCredential { FailWith = "ClientSecretCredential authentication failed: AADSTS7000215: Invalid client secret provided." };
        await using var provider = Build(server.Url, credential);

        var error = await Assert.ThrowsAsync<PartnerCenterException>(() => provider.Client().GetSubscriptionAsync(Customer, SubscriptionId));

        Assert.Equal(PartnerCenterErrorKind.Authentication, error.Kind);
        Assert.Contains("AADSTS7000215", error.Message, StringComparison.Ordinal);
        Assert.Contains("PartnerCenter:ClientId", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
        Assert.Single(credential.ScopesRequested); // a refused credential is not asked again and again
    }
}
