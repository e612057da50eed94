using SesBot.Core.Domain;
using SesBot.Core.Localization;

namespace SesBot.Core.Workflow;

/// <summary>What the workflow tells people (wrong input, refusals), in the turn's language (resources: Resources/Workflow/WorkflowTexts.resx).</summary>
internal static class WorkflowTexts
{
    private static readonly Strings S = Strings.For(typeof(WorkflowTexts));

    public static string Get(string key) => S[key];

    public static string Format(string key, params object?[] args) => S.Format(key, args);

    /// <summary>A request's status inside a sentence ("it is now accepted by support").</summary>
    public static string Status(RequestStatus status) => S["Status." + status];

    /// <summary>What a trigger does, as a verb inside a sentence ("… can cancel it").</summary>
    public static string Trigger(RequestTrigger trigger) => S["Trigger." + trigger];

    /// <summary>A country's name in the turn's language; its code for one SesBot has no name for.</summary>
    /// <summary>A country's name from its ISO code, when the resources have one.</summary>
    public static string? CountryName(string code) => S.Find("Country." + code.ToUpperInvariant());

    public static string Country(Country country) => S.Find("Country." + country.Code) ?? country.Code;
}
