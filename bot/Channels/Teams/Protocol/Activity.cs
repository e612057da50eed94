using System.Text.Json;
using System.Text.Json.Serialization;

namespace SesBot.Bot.Channels.Teams.Protocol;

/// <summary>
/// A Bot Framework activity, as much of it as SesBot reads or writes. Unknown fields are kept in <see cref="Extra"/>
/// and unknown types pass through untouched.
/// </summary>
public sealed record Activity
{
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("timestamp")]
    public DateTimeOffset? Timestamp { get; init; }

    [JsonPropertyName("localTimestamp")]
    public DateTimeOffset? LocalTimestamp { get; init; }

    [JsonPropertyName("serviceUrl")]
    public string? ServiceUrl { get; init; }

    [JsonPropertyName("channelId")]
    public string? ChannelId { get; init; }

    [JsonPropertyName("from")]
    public ChannelAccount? From { get; init; }

    [JsonPropertyName("conversation")]
    public ConversationAccount? Conversation { get; init; }

    [JsonPropertyName("recipient")]
    public ChannelAccount? Recipient { get; init; }

    [JsonPropertyName("textFormat")]
    public string? TextFormat { get; init; }

    [JsonPropertyName("text")]
    public string? Text { get; init; }

    [JsonPropertyName("summary")]
    public string? Summary { get; init; }

    [JsonPropertyName("locale")]
    public string? Locale { get; init; }

    [JsonPropertyName("attachmentLayout")]
    public string? AttachmentLayout { get; init; }

    [JsonPropertyName("attachments")]
    public IReadOnlyList<Attachment>? Attachments { get; init; }

    [JsonPropertyName("entities")]
    public IReadOnlyList<Entity>? Entities { get; init; }

    [JsonPropertyName("channelData")]
    public TeamsChannelData? ChannelData { get; init; }

    [JsonPropertyName("replyToId")]
    public string? ReplyToId { get; init; }

    /// <summary>Action.Submit data, or an invoke's value.</summary>
    [JsonPropertyName("value")]
    public JsonElement? Value { get; init; }

    /// <summary>The invoke name, e.g. <c>adaptiveCard/action</c>.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>installationUpdate: <c>add</c> or <c>remove</c> (also <c>add-upgrade</c>, <c>remove-upgrade</c>).</summary>
    [JsonPropertyName("action")]
    public string? Action { get; init; }

    [JsonPropertyName("membersAdded")]
    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }

    [JsonPropertyName("membersRemoved")]
    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }

    [JsonPropertyName("reactionsAdded")]
    public IReadOnlyList<JsonElement>? ReactionsAdded { get; init; }

    [JsonPropertyName("reactionsRemoved")]
    public IReadOnlyList<JsonElement>? ReactionsRemoved { get; init; }

    [JsonPropertyName("inputHint")]
    public string? InputHint { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
