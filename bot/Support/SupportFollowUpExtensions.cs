namespace SesBot.Bot.Support;

/// <summary>Registers reminders and escalation: the notices any feature can send about a request, and the reminder service.</summary>
public static class SupportFollowUpExtensions
{
    public static IServiceCollection AddSupportFollowUps(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(SupportReminderService)))
        {
            return services;
        }

        services.AddScoped<RequestNotices>();
        services.AddSingleton<SupportReminderService>();
        services.AddHostedService(sp => sp.GetRequiredService<SupportReminderService>());
        return services;
    }
}
