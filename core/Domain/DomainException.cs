namespace SesBot.Core.Domain;

/// <summary>A broken invariant of the domain. Expected outcomes (a denied option, invalid input) are results, not this.</summary>
public sealed class DomainException : Exception
{
    public DomainException()
    {
    }

    public DomainException(string message)
        : base(message)
    {
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
