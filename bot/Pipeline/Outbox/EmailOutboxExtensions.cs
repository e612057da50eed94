using SesBot.Core.Email;

namespace SesBot.Bot.Pipeline.Outbox;

/// <summary>Wires email into the outbox: the sender (SMTP with <c>Smtp:Host</c>, else .eml files under <c>Email:PickupDirectory</c>) and its handlers.</summary>
public static class EmailOutboxExtensions
{
    public static IServiceCollection AddSesBotEmailOutbox(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(UnlinkInstructionsEmailHandler)))
        {
            return services;
        }

        services.AddSesBotEmail(configuration);
        services.AddSingleton<UnlinkInstructionsEmailHandler>();
        services.AddSingleton<IOutboxHandler>(sp => sp.GetRequiredService<UnlinkInstructionsEmailHandler>());
        return services;
    }
}
