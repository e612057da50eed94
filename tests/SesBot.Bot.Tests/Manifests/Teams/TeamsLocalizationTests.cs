using System.Text.Json.Nodes;
using SesBot.Bot.Tests.Support;

namespace SesBot.Bot.Tests.Manifests.Teams;

/// <summary>
/// The manifest's localization: English by default, German and French in localization files that validate against the
/// bundled official localization schema and translate the same strings (names, descriptions, command descriptions).
/// </summary>
public sealed class TeamsLocalizationTests
{
    public static TheoryData<string> Languages => ["de", "fr"];

    [Fact]
    public void Manifest_LocalizationInfo_EnglishByDefaultWithGermanAndFrenchFiles()
    {
        var info = TeamsManifestFile.ParseSubstituted()["localizationInfo"]!;

        Assert.Equal("en", (string?)info["defaultLanguageTag"]);
        var languages = info["additionalLanguages"]!.AsArray().Select(l => ((string?)l!["languageTag"], (string?)l!["file"])).ToList();
        Assert.Equal([("de", "de.json"), ("fr", "fr.json")], languages);
        Assert.All(languages, l => Assert.True(File.Exists(Path.Combine(TeamsManifestFile.Directory, l.Item2!)), l.Item2));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task LocalizationFile_ValidatesAgainstBundledV130LocalizationSchema(string language)
    {
        var result = await TeamsManifestValidator.ValidateAsync(Read(language));

        Assert.True(result.Valid, result.ToString());
        Assert.Contains("teams/v1.30/MicrosoftTeams.Localization.schema.json", result.Schema, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void LocalizationFile_TranslatesEveryNameDescriptionAndCommandDescription(string language)
    {
        var manifest = TeamsManifestFile.ParseSubstituted();
        var expected = new List<string> { "name.short", "name.full", "description.short", "description.full" };
        var lists = manifest["bots"]![0]!["commandLists"]!.AsArray();
        for (var i = 0; i < lists.Count; i++)
        {
            expected.AddRange(Enumerable.Range(0, lists[i]!["commands"]!.AsArray().Count).Select(j => $"bots[0].commandLists[{i}].commands[{j}].description"));
        }

        var file = JsonNode.Parse(Read(language))!.AsObject();
        var keys = file.Select(p => p.Key).Where(k => k != "$schema").ToList();
        Assert.Equal(expected.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
        Assert.All(keys.Where(k => k != "name.short"), k =>
            Assert.NotEqual(Resolve(manifest, k), (string?)file[k]));
    }

    [Fact]
    public async Task LocalizationFile_MissingFullDescription_IsRejected()
    {
        var file = JsonNode.Parse(Read("de"))!.AsObject();
        file.Remove("description.full");

        var result = await TeamsManifestValidator.ValidateAsync(file.ToJsonString());

        Assert.False(result.Valid);
        Assert.Contains(result.Errors, e => e.Message.Contains("description.full", StringComparison.Ordinal));
    }

    private static string Read(string language) => File.ReadAllText(Path.Combine(TeamsManifestFile.Directory, $"{language}.json"));

    /// <summary>The English text a localization key stands for ("bots[0].commandLists[1].commands[2].description").</summary>
    private static string? Resolve(JsonObject manifest, string key)
    {
        JsonNode? node = manifest;
        foreach (var part in key.Split('.'))
        {
            var name = part.Split('[')[0];
            node = node![name];
            foreach (var index in part.Split('[').Skip(1))
            {
                node = node![int.Parse(index.TrimEnd(']'), System.Globalization.CultureInfo.InvariantCulture)];
            }
        }

        return (string?)node;
    }
}
