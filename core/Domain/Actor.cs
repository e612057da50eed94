namespace SesBot.Core.Domain;

/// <summary>Who did something: a person (with a role and, for reseller users, their reseller) or the system itself.</summary>
public sealed record Actor(string Id, string DisplayName, Role Role, string? ResellerId = null)
{
    public static Actor System { get; } = new("system", "SesBot", Role.Admin);

    public bool IsSupport => Role is Role.SupportAgent or Role.Admin;
}
