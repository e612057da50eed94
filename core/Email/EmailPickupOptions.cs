using System.ComponentModel.DataAnnotations;

namespace SesBot.Core.Email;

/// <summary>Where emails go in local mode (no <c>Smtp:Host</c>), bound from <c>Email:</c>.</summary>
public sealed class EmailPickupOptions
{
    public const string Section = "Email";

    /// <summary>Folder for <c>&lt;message-id&gt;.eml</c> files; relative to the working directory.</summary>
    [Required]
    public string PickupDirectory { get; set; } = "data/outbox";
}
