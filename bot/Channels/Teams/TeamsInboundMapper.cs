using System.Text.Json;
using System.Text.RegularExpressions;
using SesBot.Bot.Channels.Teams.Protocol;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Core.Conversations;

namespace SesBot.Bot.Channels.Teams;

/// <summary>Translates Teams activities into channel-neutral turns.</summary>
public static partial class TeamsInboundMapper
{
    public const string ChannelName = "msteams";

    /// <summary>The key a card action carries its verb under when it arrives as Action.Submit (the Action.Execute fallback).</summary>
    public const string VerbKey = Channels.Teams.AdaptiveCards.ExecuteAction.VerbDataKey;

    public static ConversationScope ScopeOf(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.Conversation?.ConversationType switch
        {
            "channel" => ConversationScope.TeamChannel,
            "groupChat" => ConversationScope.GroupChat,
            "personal" => ConversationScope.Personal,
            _ => activity.Conversation?.IsGroup == true ? ConversationScope.GroupChat : ConversationScope.Personal,
        };
    }

    /// <summary>Whether the activity @mentions the bot.</summary>
    public static bool MentionsBot(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var botId = activity.Recipient?.Id;
        return activity.Entities?.Any(e => e.Type == "mention" && e.Mentioned?.Id is { } id && id == botId) == true;
    }

    /// <summary>
    /// A typed message or an Action.Submit as a turn; null when the bot should stay silent (a group or channel
    /// message that does not mention it).
    /// </summary>
    public static TurnInput? FromMessage(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var scope = ScopeOf(activity);
        var values = activity.Value is { ValueKind: JsonValueKind.Object } value ? Flatten(value) : null;
        if (values is null && scope != ConversationScope.Personal && !MentionsBot(activity))
        {
            return null;
        }

        string? verb = null;
        if (values is not null && values.TryGetValue(VerbKey, out var submitted))
        {
            verb = submitted;
            values.Remove(VerbKey);
        }

        return Base(activity, scope) with
        {
            Text = verb is null ? StripMentions(activity) : null,
            Verb = verb,
            Values = values ?? [],
        };
    }

    /// <summary>An <c>adaptiveCard/action</c> invoke (Action.Execute) as a turn.</summary>
    public static TurnInput? FromCardAction(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty("action", out var action)
            || action.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var verb = action.TryGetProperty("verb", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var values = action.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object ? Flatten(data) : [];
        if (verb is null && values.TryGetValue(VerbKey, out var fromData))
        {
            verb = fromData;
        }

        values.Remove(VerbKey);
        return string.IsNullOrEmpty(verb) ? null : Base(activity, ScopeOf(activity)) with { Verb = verb, Values = values };
    }

    /// <summary>An <c>application/search</c> invoke (typeahead): the dataset, the typed text and the page asked for.</summary>
    public static (TurnInput Input, string Dataset, string? Text, int Skip, int Top)? FromSearch(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty("dataset", out var dataset) || dataset.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var text = value.TryGetProperty("queryText", out var q) && q.ValueKind == JsonValueKind.String ? q.GetString() : null;
        int skip = 0, top = 15;
        if (value.TryGetProperty("queryOptions", out var paging) && paging.ValueKind == JsonValueKind.Object)
        {
            skip = paging.TryGetProperty("skip", out var s) && s.TryGetInt32(out var sv) ? Math.Max(0, sv) : 0;
            top = paging.TryGetProperty("top", out var t) && t.TryGetInt32(out var tv) ? Math.Clamp(tv, 1, 50) : 15;
        }

        return (Base(activity, ScopeOf(activity)), dataset.GetString()!, text, skip, top);
    }

    /// <summary>The message text without the <c>&lt;at&gt;…&lt;/at&gt;</c> mentions, trimmed.</summary>
    public static string StripMentions(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var text = activity.Text ?? string.Empty;
        foreach (var mention in activity.Entities?.Where(e => e.Type == "mention" && e.Mentioned?.Id == activity.Recipient?.Id) ?? [])
        {
            if (!string.IsNullOrEmpty(mention.Text))
            {
                text = text.Replace(mention.Text, " ", StringComparison.Ordinal);
            }
        }

        text = AtTag().Replace(text, " ");
        return Spaces().Replace(System.Net.WebUtility.HtmlDecode(text), " ").Trim();
    }

    /// <summary>Who and where, without text or action (a welcome, for instance).</summary>
    public static TurnInput ForConversation(Activity activity) => Base(activity, ScopeOf(activity));

    private static TurnInput Base(Activity activity, ConversationScope scope) => new()
    {
        Channel = ChannelName,
        ConversationKey = activity.Conversation?.Id ?? string.Empty,
        Scope = scope,
        ConversationAddressKey = TeamsConversationStore.KeyOf(activity),
        // Identity is the tenant and the AAD object id only (TeamsIdentity); never from.id.
        TenantKey = TeamsIdentity.TenantKeyOf(activity) ?? string.Empty,
        UserKey = TeamsIdentity.UserKeyOf(activity) ?? string.Empty,
        ChannelUserId = activity.From?.Id,
        UserName = activity.From?.Name,
        Locale = activity.Locale,
        ReplyToKey = string.IsNullOrEmpty(activity.ReplyToId) ? null : activity.ReplyToId,
    };

    private static Dictionary<string, string> Flatten(JsonElement data)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in data.EnumerateObject())
        {
            var text = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Number => property.Value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => null, // nested objects (e.g. msteams) are not dialog input
            };
            if (text is not null)
            {
                values[property.Name] = text;
            }
        }

        return values;
    }

    [GeneratedRegex("<at>[^<]*</at>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AtTag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
