namespace SesBot.Core.Tests.Gateways.Azure;

/// <summary>One request as the local Partner Center server received it; <see cref="Number"/> counts from 1.</summary>
internal sealed record PartnerCenterRequest(int Number, string Method, string RawTarget, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
