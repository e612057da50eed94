namespace SesBot.Core.Gateways.Aws;

/// <summary>What a support agent should do about an error, and a ready text for the end customer.</summary>
public sealed record AwsErrorGuidance(string SupportText, string CustomerText);
