using System.Collections.Frozen;
using Microsoft.IdentityModel.Tokens;

namespace SesBot.Bot.Channels.Teams.Auth;

/// <summary>One fetched copy of the Bot Framework signing keys.</summary>
/// <param name="Keys">The RSA signing keys by <c>kid</c>.</param>
/// <param name="Algorithms">The metadata's <c>id_token_signing_alg_values_supported</c>; null when the document has none.</param>
/// <param name="FetchedAt">When this copy was fetched.</param>
internal sealed record SigningKeySet(
    FrozenDictionary<string, SigningKeyEntry> Keys,
    FrozenSet<string>? Algorithms,
    DateTimeOffset FetchedAt);
