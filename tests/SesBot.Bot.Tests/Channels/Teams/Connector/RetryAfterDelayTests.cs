using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Time.Testing;
using SesBot.Bot.Channels.Teams.Connector;

namespace SesBot.Bot.Tests.Channels.Teams.Connector;

public sealed class RetryAfterDelayTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(7, 7)]
    [InlineData(3600, 60)]
    public void RetryAfterDelay_Seconds_AreHonouredUpToTheCap(int seconds, int expected)
    {
        using var response = Throttled(new RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds)));

        Assert.Equal(TimeSpan.FromSeconds(expected), ConnectorResilience.RetryAfterDelay(response, Cap, new FakeTimeProvider(Now)));
    }

    [Theory]
    [InlineData(12, 12)]
    [InlineData(-30, 0)]
    [InlineData(600, 60)]
    public void RetryAfterDelay_HttpDate_IsMeasuredFromTheInjectedClock(int secondsFromNow, int expected)
    {
        using var response = Throttled(new RetryConditionHeaderValue(Now.AddSeconds(secondsFromNow)));

        Assert.Equal(TimeSpan.FromSeconds(expected), ConnectorResilience.RetryAfterDelay(response, Cap, new FakeTimeProvider(Now)));
    }

    [Fact]
    public void RetryAfterDelay_NoHeaderOrNot429_LeavesItToTheBackoff()
    {
        using var noHeader = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        using var unavailable = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        unavailable.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(5));

        Assert.Null(ConnectorResilience.RetryAfterDelay(noHeader, Cap, TimeProvider.System));
        Assert.Null(ConnectorResilience.RetryAfterDelay(unavailable, Cap, TimeProvider.System));
    }

    private static HttpResponseMessage Throttled(RetryConditionHeaderValue retryAfter)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = retryAfter;
        return response;
    }
}
