namespace SesBot.Bot.Channels.Teams;

/// <summary>How the bot's Azure registration is set up. New registrations are single-tenant (multi-tenant creation ended 31 Jul 2025).</summary>
public enum TeamsAppType
{
    SingleTenant,
    MultiTenant,
}
