using System.ComponentModel.DataAnnotations;

namespace SesBot.Bot.Dialogs;

/// <summary>The <c>Dialogs</c> configuration section.</summary>
public sealed class DialogOptions
{
    public const string Section = "Dialogs";

    /// <summary>A dialog left alone this long is forgotten; the next message says so.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan Expiry { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How many customers a selection card lists before it relies on search.</summary>
    [Range(5, 100)]
    public int CustomerPageSize { get; set; } = 25;
}
