using System.Text.RegularExpressions;
using System.Xml.Linq;
using SesBot.Bot.Tests.Support;

namespace SesBot.Bot.Tests.Localization;

/// <summary>One .resx file of the source tree, read as XML: its entries (name → value).</summary>
public sealed partial record ResxFile(string Path, IReadOnlyDictionary<string, string> Entries)
{
    /// <summary>The languages that must have every neutral text.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["de", "fr"];

    /// <summary>The neutral (English) resource files of core and bot, relative to the repository root.</summary>
    public static IEnumerable<string> NeutralFiles() =>
        new[] { "core", "bot" }
            .SelectMany(project => Directory.EnumerateFiles(RepoPaths.InRoot(project, "Resources"), "*.resx", SearchOption.AllDirectories))
            .Where(path => !Languages.Any(l => path.EndsWith($".{l}.resx", StringComparison.Ordinal)))
            .Select(path => System.IO.Path.GetRelativePath(RepoPaths.Root, path))
            .Order(StringComparer.Ordinal);

    public static ResxFile Read(string relativePath)
    {
        var document = XDocument.Load(RepoPaths.InRoot(relativePath));
        var entries = document.Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? string.Empty, StringComparer.Ordinal);
        return new ResxFile(relativePath, entries);
    }

    /// <summary>The file of the same resources in <paramref name="language"/>.</summary>
    public static string InLanguage(string neutralPath, string language) =>
        neutralPath[..^".resx".Length] + $".{language}.resx";

    /// <summary>The placeholders of a text ({0}, {1:N2} → 0, 1), as a set.</summary>
    public static IReadOnlySet<int> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();

    [GeneratedRegex(@"(?<!\{)\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();
}
