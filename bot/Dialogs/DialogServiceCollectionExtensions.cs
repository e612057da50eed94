using SesBot.Bot.Dialogs.Turns;
using SesBot.Bot.Localization;

namespace SesBot.Bot.Dialogs;

/// <summary>Registers the channel-neutral dialogs (every channel shares them).</summary>
public static class DialogServiceCollectionExtensions
{
    public static IServiceCollection AddSesBotDialogs(this IServiceCollection services)
    {
        services.AddOptions<DialogOptions>().BindConfiguration(DialogOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<UserDirectory>();
        services.AddScoped<DialogStore>();
        services.AddSingleton<ActorCache>();
        services.AddScoped<DialogRouter>();
        services.AddScoped<RemovalDialog>();
        services.AddScoped<IDialog>(sp => sp.GetRequiredService<RemovalDialog>());
        services.AddScoped<Support.SupportDesk>();
        services.AddScoped<SesBotTurnHandler>();
        services.AddSesBotLanguages();
        services.AddScoped<ITurnHandler, TurnCultureHandler>();
        return services;
    }
}
