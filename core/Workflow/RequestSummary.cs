using SesBot.Core.Domain;

namespace SesBot.Core.Workflow;

/// <summary>A request as a list shows it: with the customer and the account it is about.</summary>
public sealed record RequestSummary(RemovalRequest Request, string CustomerName, CloudProvider? Provider, string? AccountExternalId);
