namespace SesBot.Core.Domain;

/// <summary>What a person may do in SesBot.</summary>
public enum Role
{
    ResellerUser,
    SupportAgent,
    Admin,
}
