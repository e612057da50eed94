using SesBot.Bot.Channels.Teams.Protocol;

namespace SesBot.Bot.Channels.Teams;

/// <summary>
/// Who a Teams activity is from, as SesBot may trust it: the tenant id and the sender's AAD object id, nothing else.
/// <c>from.id</c> is an address to reply to, never an identity (Web Chat and Direct Line clients choose it). An
/// activity without an AAD object id is from nobody SesBot knows.
/// </summary>
public static class TeamsIdentity
{
    /// <summary>Longest key accepted (the ChannelUsers.UserKey column holds 256).</summary>
    public const int MaxKeyLength = 128;

    /// <summary>The sender's AAD object id; null when absent or implausible.</summary>
    public static string? UserKeyOf(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return Plausible(activity.From?.AadObjectId);
    }

    /// <summary>The tenant: <c>conversation.tenantId</c> and <c>channelData.tenant.id</c>; null when absent or when they disagree.</summary>
    public static string? TenantKeyOf(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var fromConversation = Plausible(activity.Conversation?.TenantId);
        var fromChannelData = Plausible(activity.ChannelData?.Tenant?.Id);
        if (fromConversation is not null && fromChannelData is not null)
        {
            return string.Equals(fromConversation, fromChannelData, StringComparison.OrdinalIgnoreCase) ? fromConversation : null;
        }

        return fromConversation ?? fromChannelData;
    }

    /// <summary>
    /// The activity as the turn pipeline may see it: when it names no AAD object id, its <c>from.id</c> is dropped
    /// too, so nothing downstream can look the sender up (or link a person registered by email) by an id the sender
    /// chose.
    /// </summary>
    public static Activity WithoutUntrustedIdentity(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.From is null || (UserKeyOf(activity) is not null && TenantKeyOf(activity) is not null))
        {
            return activity;
        }

        return activity with { From = activity.From with { Id = null, AadObjectId = null } };
    }

    private static string? Plausible(string? value) =>
        value is { Length: > 0 and <= MaxKeyLength } && !value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) ? value : null;
}
