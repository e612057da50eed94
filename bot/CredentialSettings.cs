namespace SesBot.Bot;

/// <summary>
/// The one definition of "a credential is configured": local mode (<see cref="LocalMode"/>) and the Teams endpoint
/// both ask this. A credential is any non-empty value under one of <see cref="Keys"/> or <see cref="Sections"/>.
/// </summary>
public static class CredentialSettings
{
    /// <summary>Single keys that hold a credential or identify a registration that has one.</summary>
    public static readonly IReadOnlyList<string> Keys = ["Teams:AppId", "Teams:AppPassword", "Teams:TenantId", "Smtp:User", "Smtp:Password"];

    /// <summary>Sections in which every value counts as a credential.</summary>
    public static readonly IReadOnlyList<string> Sections = ["Slack", "Aws", "PartnerCenter"];

    /// <summary>The configuration keys (never their values) of the credentials that are configured; empty in local mode.</summary>
    public static IReadOnlyList<string> Configured(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = Keys.Where(key => !string.IsNullOrWhiteSpace(configuration[key])).ToList();
        foreach (var section in Sections)
        {
            configured.AddRange(configuration.GetSection(section).AsEnumerable()
                .Where(pair => !string.IsNullOrWhiteSpace(pair.Value))
                .Select(pair => pair.Key));
        }

        return configured;
    }
}
