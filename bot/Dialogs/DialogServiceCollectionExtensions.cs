using Microsoft.Extensions.DependencyInjection.Extensions;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Bot.Localization;
using SesBot.Core.Audit;
using SesBot.Core.Workflow;

namespace SesBot.Bot.Dialogs;

/// <summary>Registers the channel-neutral dialogs (every channel shares them).</summary>
public static class DialogServiceCollectionExtensions
{
    public static IServiceCollection AddSesBotDialogs(this IServiceCollection services)
    {
        services.AddOptions<DialogOptions>().BindConfiguration(DialogOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<UserDirectory>();
        services.AddScoped<DialogStore>();
        services.AddSingleton<DialogStateCache>();
        services.AddSingleton<ActorCache>();
        services.AddScoped<DialogRouter>();
        services.AddScoped<RemovalDialog>();
        services.AddScoped<IDialog>(sp => sp.GetRequiredService<RemovalDialog>());
        services.AddScoped<Support.SupportDesk>();
        services.AddScoped<Support.SupportActions>();
        services.AddScoped<Support.RequestUpdates>();
        services.TryAddScoped<AuditLogQuery>();
        services.TryAddScoped<AccountHistory>();
        services.AddScoped<Audit.AuditCommands>();
        services.TryAddScoped<InstructionsEmailRetry>();
        services.AddScoped<Support.RequestEmailRetry>();
        services.AddScoped<Support.CloudDesk>(); // needs the cloud gateways: AddCloudGateways (the host's AddCloudExecution)
        services.AddScoped<SesBotTurnHandler>();
        services.AddSesBotLanguages();
        services.AddScoped<ITurnHandler, TurnCultureHandler>();
        return services;
    }
}
