using System.Text.RegularExpressions;
using SesBot.Core.Persistence;

namespace SesBot.Core.Tests;

/// <summary>The boundaries of the core (CONVENTIONS.md §3): time comes from a TimeProvider, and no channel or ASP.NET type gets in.</summary>
public sealed partial class ArchitectureTests
{
    [Fact]
    public void CoreSources_NoFile_ReadsTheSystemClock()
    {
        var files = CoreSourceFiles();

        var offenders = files
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line, number: i + 1)))
            .Where(x => SystemClock().IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(RepositoryRoot(), x.file)}:{x.number}: {x.line.Trim()}")
            .ToList();

        Assert.True(files.Count > 20, $"Only {files.Count} source files found under core/.");
        Assert.Empty(offenders);
    }

    [Theory]
    [InlineData("var now = DateTime.Now;", true)]
    [InlineData("var now = DateTime.UtcNow;", true)]
    [InlineData("var now = DateTimeOffset.Now;", true)]
    [InlineData("var now = System.DateTimeOffset.UtcNow;", true)]
    [InlineData("var today = DateTime.Today;", true)]
    [InlineData("var now = DateTimeOffset . UtcNow;", true)]
    [InlineData("var now = clock.GetUtcNow();", false)]
    [InlineData("var at = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);", false)]
    [InlineData("var nowish = DateTimeOffset.UnixEpoch;", false)]
    public void SystemClockPattern_Line_MatchesOnlyClockReads(string line, bool expected) =>
        Assert.Equal(expected, SystemClock().IsMatch(line));

    [Fact]
    public void CoreAssembly_References_NoAspNetCoreOrChannelAssembly()
    {
        var references = typeof(SesBotDbContext).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? string.Empty).ToList();

        Assert.NotEmpty(references);
        Assert.Contains(references, r => r.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.Bot", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.Teams", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(references, r => r.Contains("Slack", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void CoreProject_References_NoAspNetCoreFrameworkOrPackage()
    {
        var project = File.ReadAllText(Path.Combine(RepositoryRoot(), "core", "SesBot.Core.csproj"));

        Assert.DoesNotContain("Microsoft.AspNetCore", project, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Sdk.Web", project, StringComparison.OrdinalIgnoreCase);
    }

    private static List<string> CoreSourceFiles()
    {
        var core = Path.Combine(RepositoryRoot(), "core");
        var separator = Path.DirectorySeparatorChar;
        return [.. Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{separator}obj{separator}", StringComparison.Ordinal)
                && !f.Contains($"{separator}bin{separator}", StringComparison.Ordinal))];
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "core", "SesBot.Core.csproj")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No repository root above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"\bDateTime(Offset)?\s*\.\s*(Now|UtcNow|Today)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SystemClock();
}
