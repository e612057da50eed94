using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http.Features;
using SesBot.Bot.Channels.Teams.Protocol;

namespace SesBot.Bot.Channels.Teams;

/// <summary>
/// Reads and parses the body of an authenticated request: JSON only (415), at most a given size (413), valid Unicode
/// in every string (400: a lone surrogate escape such as <c>\ud800</c> would otherwise fail deep inside a turn), and an
/// activity with a type (400).
/// </summary>
internal static class ActivityReader
{
    /// <summary>The body's bytes, or the refusal and why (for the log).</summary>
    public static async Task<(byte[]? Body, InboundRefusal? Refusal, string? Reason)> ReadAsync(HttpContext context, long maxBytes, CancellationToken cancellationToken)
    {
        if (!IsJson(context.Request.ContentType))
        {
            return (null, InboundRefusal.UnsupportedMediaType, "The content type is not application/json");
        }

        if (context.Request.ContentLength > maxBytes)
        {
            return (null, InboundRefusal.TooLarge, "Content-Length is over the limit");
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }

        try
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await context.Request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return (null, InboundRefusal.TooLarge, "The body is over the limit");
                }

                buffer.Write(chunk, 0, read);
            }

            return (buffer.ToArray(), null, null);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, InboundRefusal.TooLarge, "The body is over the limit");
        }
        catch (BadHttpRequestException)
        {
            return (null, InboundRefusal.BadRequest, "The body could not be read");
        }
    }

    /// <summary>The activity, or the refusal and why (for the log; never the sender's text).</summary>
    public static (Activity? Activity, InboundRefusal? Refusal, string? Reason) Parse(byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        Activity? activity;
        try
        {
            if (!HasValidText(body))
            {
                return (null, InboundRefusal.InvalidText, "A string is not valid UTF-8/UTF-16 (e.g. a lone surrogate)");
            }

            activity = JsonSerializer.Deserialize<Activity>(body, ProtocolJson.Options);
        }
        catch (JsonException ex)
        {
            return (null, InboundRefusal.BadRequest, $"The body is not JSON of an activity (line {ex.LineNumber}, byte {ex.BytePositionInLine})");
        }

        return activity?.Type is { Length: > 0 }
            ? (activity, null, null)
            : (null, InboundRefusal.BadRequest, "The activity has no type");
    }

    /// <summary>
    /// Every property name and string decodes to valid Unicode. A text without escapes is checked as UTF-8 where it lies
    /// (an encoded surrogate is not valid UTF-8); one with escapes is decoded (the reader throws on a lone surrogate).
    /// </summary>
    internal static bool HasValidText(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 });
        while (reader.Read())
        {
            if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName))
            {
                continue;
            }

            if (!reader.ValueIsEscaped)
            {
                if (!Utf8.IsValid(reader.ValueSpan))
                {
                    return false;
                }

                continue;
            }

            try
            {
                _ = reader.GetString();
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type)
        && string.Equals(type.MediaType, "application/json", StringComparison.OrdinalIgnoreCase)
        && (type.CharSet is null || string.Equals(type.CharSet.Trim('"'), "utf-8", StringComparison.OrdinalIgnoreCase));
}
