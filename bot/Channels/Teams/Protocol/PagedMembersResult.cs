using System.Text.Json.Serialization;

namespace SesBot.Bot.Channels.Teams.Protocol;

/// <summary>One page of <c>GET /v3/conversations/{id}/pagedmembers</c>; no continuation token means the last page.</summary>
public sealed record PagedMembersResult
{
    [JsonPropertyName("continuationToken")]
    public string? ContinuationToken { get; init; }

    [JsonPropertyName("members")]
    public IReadOnlyList<TeamsChannelAccount>? Members { get; init; }
}
