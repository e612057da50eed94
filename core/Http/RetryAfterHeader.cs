using System.Net;

namespace SesBot.Core.Http;

/// <summary>Reads the <c>Retry-After</c> of an answer (seconds or an HTTP date), for every outbound client.</summary>
public static class RetryAfterHeader
{
    /// <summary>The wait the answer asks for, from now and never negative; null when it has none.</summary>
    public static TimeSpan? Wait(HttpResponseMessage response, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(time);
        if (response.Headers.RetryAfter is not { } retryAfter)
        {
            return null;
        }

        TimeSpan? wait = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - time.GetUtcNow() : null);
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }

    /// <summary>The wait a 429 asks for, capped; null (let the backoff decide) for any other answer or none.</summary>
    public static TimeSpan? ThrottledDelay(HttpResponseMessage? response, TimeSpan cap, TimeProvider time)
    {
        if (response is not { StatusCode: HttpStatusCode.TooManyRequests } || Wait(response, time) is not { } wait)
        {
            return null;
        }

        return wait > cap ? cap : wait;
    }
}
