using System.Collections.Frozen;
using Microsoft.IdentityModel.Tokens;

namespace SesBot.Bot.Channels.Teams.Auth;

/// <summary>A signing key and its endorsements (the channel ids it may sign for; null: the key has no entry).</summary>
internal sealed record SigningKeyEntry(SecurityKey Key, FrozenSet<string>? Endorsements);
