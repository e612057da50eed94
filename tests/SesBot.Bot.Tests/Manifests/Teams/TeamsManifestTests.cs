using System.Text.Json.Nodes;
using SesBot.Bot.Tests.Support;

namespace SesBot.Bot.Tests.Manifests.Teams;

public sealed class TeamsManifestTests
{
    private static readonly string[] Commands = ["remove account", "remove customer", "my requests", "status", "help", "cancel"];

    [Fact]
    public async Task Manifest_PlaceholdersFilled_ValidatesAgainstBundledV130Schema()
    {
        var result = await TeamsManifestValidator.ValidateAsync(TeamsManifestFile.ReadSubstituted());

        Assert.True(result.Valid, result.ToString());
        Assert.Contains("teams/v1.30/MicrosoftTeams.schema.json", result.Schema, StringComparison.Ordinal);
    }

    [Fact]
    public void Manifest_AsCommitted_HasPlaceholdersForIdsAndDomainOnly()
    {
        var raw = TeamsManifestFile.ReadRaw();
        var manifest = JsonNode.Parse(raw)!;

        Assert.Equal("https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json", (string?)manifest["$schema"]);
        Assert.Equal("1.30", (string?)manifest["manifestVersion"]);
        Assert.Equal("${{TEAMS_APP_ID}}", (string?)manifest["id"]);
        Assert.Equal("${{BOT_ID}}", (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal(["${{BOT_DOMAIN}}"], manifest["validDomains"]!.AsArray().Select(d => (string?)d));
        var placeholders = System.Text.RegularExpressions.Regex.Matches(raw, @"\$\{\{([A-Z_]+)\}\}").Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Equal(["BOT_DOMAIN", "BOT_ID", "TEAMS_APP_ID"], placeholders.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Manifest_Bot_HasThreeScopesAndTheCommandsInEveryScope()
    {
        var bot = Assert.Single(TeamsManifestFile.ParseSubstituted()["bots"]!.AsArray())!;

        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(s => (string?)s));
        var lists = bot["commandLists"]!.AsArray();
        var scopes = lists.SelectMany(l => l!["scopes"]!.AsArray().Select(s => (string)s!)).ToList();
        Assert.Equal(["groupChat", "personal", "team"], scopes.Order(StringComparer.Ordinal));
        Assert.All(lists, list =>
        {
            var commands = list!["commands"]!.AsArray();
            Assert.Equal(Commands, commands.Select(c => (string?)c!["title"]));
            Assert.All(commands, c => Assert.False(string.IsNullOrWhiteSpace((string?)c!["description"])));
        });
    }

    [Fact]
    public async Task Manifest_ThirteenCommands_IsRejected()
    {
        var manifest = TeamsManifestFile.ParseSubstituted();
        var commands = manifest["bots"]![0]!["commandLists"]![0]!["commands"]!.AsArray();
        for (var i = commands.Count; i < 13; i++)
        {
            commands.Add(new JsonObject { ["title"] = $"command {i}", ["description"] = "one too many" });
        }

        var result = await TeamsManifestValidator.ValidateAsync(manifest.ToJsonString());

        Assert.False(result.Valid);
        Assert.Contains(result.Errors, e => e.Path == "/bots/0/commandLists/0/commands" && e.Message.Contains("12", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Manifest_WithoutBotId_IsRejected()
    {
        var manifest = TeamsManifestFile.ParseSubstituted();
        manifest["bots"]![0]!.AsObject().Remove("botId");

        var result = await TeamsManifestValidator.ValidateAsync(manifest.ToJsonString());

        Assert.False(result.Valid);
        Assert.Contains(result.Errors, e => e.Path == "/bots/0" && e.Message.Contains("botId", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Manifest_PlaceholdersLeftIn_IsRejected()
    {
        var result = await TeamsManifestValidator.ValidateAsync(TeamsManifestFile.ReadRaw());

        Assert.False(result.Valid);
        Assert.Contains(result.Errors, e => e.Path == "/id");
        Assert.Contains(result.Errors, e => e.Path == "/bots/0/botId");
    }

    [Fact]
    public void Manifest_Icons_AreTheCommittedFiles()
    {
        var icons = TeamsManifestFile.ParseSubstituted()["icons"]!;

        Assert.Equal("color.png", (string?)icons["color"]);
        Assert.Equal("outline.png", (string?)icons["outline"]);
    }
}
