using SesBot.Core.Domain;

namespace SesBot.Core.Policy;

/// <summary>A request that is still open for an account or customer.</summary>
public sealed record OpenRequestRef(string RequestId, RemovalOption Kind);
