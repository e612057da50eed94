namespace SesBot.Core.Domain;

/// <summary>A partner company that resells the distributor's cloud services to its customers.</summary>
public sealed class Reseller
{
    public Reseller(string id, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Id = id;
        Name = name;
    }

    public string Id { get; private set; }

    public string Name { get; private set; }
}
