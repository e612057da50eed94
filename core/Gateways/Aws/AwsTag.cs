using System.Text.Json.Serialization;

namespace SesBot.Core.Gateways.Aws;

/// <summary>A tag on an Organizations resource (deleted from an account when it leaves, so record them first).</summary>
public sealed record AwsTag([property: JsonPropertyName("Key")] string Key, [property: JsonPropertyName("Value")] string Value);
