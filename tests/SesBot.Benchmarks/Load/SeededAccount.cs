namespace SesBot.Benchmarks.Load;

/// <summary>A customer-owned AWS account seeded for one removal flow.</summary>
internal sealed record SeededAccount(string CustomerId, string AccountId);
