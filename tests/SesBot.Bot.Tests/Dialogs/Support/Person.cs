using SesBot.Core.Persistence;

namespace SesBot.Bot.Tests.Dialogs.Support;

/// <summary>Someone talking to SesBot in their personal chat, as the Agents Playground's demo users are mapped.</summary>
public sealed record Person(string Name, string UserKey, string TenantKey = DemoData.PlaygroundTenantId)
{
    /// <summary>The locale the person's client sends with each activity (Teams: <c>locale</c>); null sends none.</summary>
    public string? Locale { get; init; }

    /// <summary>Northwind reseller user.</summary>
    public static Person Alex { get; } = new("Alex Wilber", "00000000-0000-0000-0000-0000000000020");

    /// <summary>Support agent.</summary>
    public static Person Megan { get; } = new("Megan Bowen", "00000000-0000-0000-0000-0000000000021");

    /// <summary>SES admin.</summary>
    public static Person Isaiah { get; } = new("Isaiah Langer", "00000000-0000-0000-0000-0000000000023");

    /// <summary>Fabrikam reseller user.</summary>
    public static Person Adele { get; } = new("Adele Vance", "00000000-0000-0000-0000-0000000000022");

    /// <summary>A second Northwind reseller user.</summary>
    public static Person Patti { get; } = new("Patti Fernandez", "00000000-0000-0000-0000-0000000000024");

    /// <summary>Someone in the tenant who is linked to no reseller.</summary>
    public static Person Stranger { get; } = new("Lee Gu", "00000000-0000-0000-0000-0000000000099");

    public string ConversationKey => "a:personal-" + UserKey;

    /// <summary>The actor id the core records for this person.</summary>
    public string ActorId => $"msteams:{TenantKey}:{UserKey}";
}
