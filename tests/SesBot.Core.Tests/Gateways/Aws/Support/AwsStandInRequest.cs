namespace SesBot.Core.Tests.Gateways.Aws.Support;

/// <summary>A request an AWS stand-in received, with the verdict of its independent signature check.</summary>
internal sealed record AwsStandInRequest(
    int Number,
    string Method,
    string Path,
    string? ContentType,
    string? Target,
    string Body,
    IReadOnlyDictionary<string, string> Headers,
    string? SignatureProblem)
{
    /// <summary>The operation name from X-Amz-Target (Organizations) or the Action form field (STS).</summary>
    public string Operation => Target?.Split('.').Last() ?? string.Empty;

    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;
}
