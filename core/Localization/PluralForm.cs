namespace SesBot.Core.Localization;

/// <summary>A plural form: the resource key of a countable text ends in <c>.One</c> or <c>.Other</c>.</summary>
public enum PluralForm
{
    One,
    Other,
}
