using System.Text.Json.Serialization;

namespace SesBot.Bot.Channels.Teams;

[JsonConverter(typeof(JsonStringEnumConverter<TeamsOutboundOperation>))]
public enum TeamsOutboundOperation
{
    /// <summary>POST /v3/conversations/{id}/activities.</summary>
    Send,

    /// <summary>POST /v3/conversations/{id}/activities/{activityId}: into the thread of that activity.</summary>
    Reply,

    /// <summary>PUT /v3/conversations/{id}/activities/{activityId}: replace a message (idempotent).</summary>
    Update,
}
