using SesBot.Core.Localization;

namespace SesBot.Bot.Localization;

/// <summary>Registers the languages: the resources for <c>IStringLocalizer&lt;T&gt;</c> and the turn's culture.</summary>
public static class LanguageServiceCollectionExtensions
{
    public static IServiceCollection AddSesBotLanguages(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = Strings.ResourcesPath);
        services.AddSingleton<LocaleCache>();
        services.AddScoped<TurnCultures>();
        return services;
    }
}
