using System.Text.Json.Serialization;
using SesBot.Bot.Channels.Teams.AdaptiveCards;

namespace SesBot.Bot.Channels.Teams.Protocol;

/// <summary>
/// The Teams wire and card types, with their JSON contracts generated at build time rather than built by reflection in
/// a running process: a fresh process writes its first card without that work, and the ReadyToRun publish has the code
/// precompiled. Used as the first resolver of <see cref="ProtocolJson.Options"/> and <see cref="AdaptiveCardSerializer"/>;
/// a type not listed here (an anonymous error body, say) still goes through reflection. The options (names, nulls,
/// order) are those of the serializers that use it; the contracts come from the types' own attributes. Extension data
/// properties (<c>Extra</c>) have setters, not <c>init</c>: a generated contract fills them after construction.
/// </summary>
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(InvokeResponse))]
[JsonSerializable(typeof(AdaptiveCard))]
[JsonSerializable(typeof(TeamsOutboundMessage))]
[JsonSerializable(typeof(TeamsConversationReference))]
[JsonSerializable(typeof(TeamsPersonalChatMessage))]
[JsonSerializable(typeof(TeamsChannelThreadMessage))]
[JsonSerializable(typeof(ConversationParameters))]
[JsonSerializable(typeof(ConversationResourceResponse))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(PagedMembersResult))]
[JsonSerializable(typeof(TeamsChannelAccount))]
[JsonSerializable(typeof(string))]
internal sealed partial class TeamsJsonContext : JsonSerializerContext;
