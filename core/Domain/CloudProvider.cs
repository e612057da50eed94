namespace SesBot.Core.Domain;

/// <summary>The cloud a cloud account lives in.</summary>
public enum CloudProvider
{
    Aws,
    Azure,
}
