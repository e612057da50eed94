using System.Text.Json.Nodes;
using SesBot.Bot.Tests.Support;

namespace SesBot.Bot.Tests.Manifests.Teams;

/// <summary>manifests/teams/manifest.json as committed, and with its placeholders filled with test values.</summary>
public static class TeamsManifestFile
{
    public const string TestAppId = "5b8f4d3e-2c1a-4e6f-9a7b-0c1d2e3f4a5b";
    public const string TestBotId = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    public const string TestDomain = "sesbot.example.com";

    public static string Directory => RepoPaths.InRoot("manifests", "teams");

    public static string ReadRaw() => File.ReadAllText(Path.Combine(Directory, "manifest.json"));

    public static string ReadSubstituted() => ReadRaw()
        .Replace("${{TEAMS_APP_ID}}", TestAppId, StringComparison.Ordinal)
        .Replace("${{BOT_ID}}", TestBotId, StringComparison.Ordinal)
        .Replace("${{BOT_DOMAIN}}", TestDomain, StringComparison.Ordinal);

    public static JsonObject ParseSubstituted() => JsonNode.Parse(ReadSubstituted())!.AsObject();
}
