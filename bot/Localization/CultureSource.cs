namespace SesBot.Bot.Localization;

/// <summary>Where a turn's culture came from.</summary>
public enum CultureSource
{
    /// <summary>The activity's own locale.</summary>
    Activity,

    /// <summary>The locale the person's last activity carried (the activity had none: an install event).</summary>
    LastKnown,

    /// <summary>English: no locale known, or one in a language SesBot does not speak.</summary>
    Default,
}
