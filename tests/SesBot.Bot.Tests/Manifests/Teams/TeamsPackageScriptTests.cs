using System.IO.Compression;
using System.Text.Json.Nodes;
using SesBot.Bot.Tests.Support;

namespace SesBot.Bot.Tests.Manifests.Teams;

/// <summary>scripts/build-teams-package.sh: the sideloadable zip.</summary>
public sealed class TeamsPackageScriptTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sesbot-teams-package-").FullName;

    private static Dictionary<string, string?> Values(string? appId = TeamsManifestFile.TestAppId, string? domain = TeamsManifestFile.TestDomain) => new()
    {
        ["TEAMS_APP_ID"] = appId,
        ["BOT_ID"] = TeamsManifestFile.TestBotId,
        ["BOT_DOMAIN"] = domain,
    };

    private static Task<ProcessResult> BuildAsync(string output, Dictionary<string, string?> environment) =>
        ProcessRunner.RunAsync("bash", [RepoPaths.InRoot("scripts", "build-teams-package.sh"), output], environment: environment);

    [Fact]
    public async Task Build_WithValues_ZipsExactlyManifestIconsAndLocalizationsAtTheRoot()
    {
        var zipPath = Path.Combine(_dir, "sesbot-teams.zip");

        var run = await BuildAsync(zipPath, Values());

        Assert.True(run.ExitCode == 0, run.StandardError);
        using var zip = ZipFile.OpenRead(zipPath);
        Assert.Equal(["color.png", "de.json", "fr.json", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        await using var stream = await zip.GetEntry("manifest.json")!.OpenAsync();
        var manifest = (await JsonNode.ParseAsync(stream))!;
        Assert.Equal(TeamsManifestFile.TestAppId, (string?)manifest["id"]);
        Assert.Equal(TeamsManifestFile.TestBotId, (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal(TeamsManifestFile.TestDomain, (string?)manifest["validDomains"]![0]);
        Assert.Equal(
            await File.ReadAllBytesAsync(Path.Combine(TeamsManifestFile.Directory, "color.png")),
            await ReadAllBytesAsync(zip.GetEntry("color.png")!));
    }

    [Fact]
    public async Task Build_WithoutTeamsAppId_FailsAndSaysWhich()
    {
        var zipPath = Path.Combine(_dir, "missing.zip");

        var run = await BuildAsync(zipPath, Values(appId: ""));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("TEAMS_APP_ID is not set", run.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(zipPath));
    }

    [Fact]
    public async Task Build_DomainWithScheme_Fails()
    {
        var zipPath = Path.Combine(_dir, "scheme.zip");

        var run = await BuildAsync(zipPath, Values(domain: "https://sesbot.example.com"));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("BOT_DOMAIN", run.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(zipPath));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static async Task<byte[]> ReadAllBytesAsync(ZipArchiveEntry entry)
    {
        await using var stream = await entry.OpenAsync();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
