using SesBot.Bot.Dialogs;
using SesBot.Bot.Pipeline.Outbox;

namespace SesBot.Bot.Pipeline;

/// <summary>Registers the channel-neutral turn pipeline, the dialogs it hosts and the outbox dispatcher.</summary>
public static class PipelineServiceCollectionExtensions
{
    public static IServiceCollection AddTurnPipeline(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(TurnPipeline)))
        {
            return services; // every channel asks for it; once is enough
        }

        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TurnPipeline>();
        services.AddSingleton<ConversationCache>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxHandoff>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        services.AddScoped<TurnTransaction>();
        services.AddScoped<ConversationBook>();
        services.AddSesBotDialogs();
        return services;
    }
}
