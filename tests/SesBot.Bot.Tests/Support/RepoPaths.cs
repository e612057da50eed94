namespace SesBot.Bot.Tests.Support;

/// <summary>Paths in the source tree, found from the test binaries (tests run on the machine that built them).</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The directory that holds SesBot.sln.</summary>
    public static string Root => RootPath.Value;

    /// <summary>The build configuration the tests were built with (Debug or Release).</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    /// <summary>tests/node: the Node.js counterparts and their scripts.</summary>
    public static string NodeDirectory => Path.Combine(Root, "tests", "node");

    public static string NodeModules => Path.Combine(NodeDirectory, "node_modules");

    /// <summary>tests/SesBot.Bot.Tests (the source folder, not the output folder).</summary>
    public static string BotTestsDirectory => Path.Combine(Root, "tests", "SesBot.Bot.Tests");

    /// <summary>The bot as built alongside the tests.</summary>
    public static string BotDll => Path.Combine(Root, "bot", "bin", Configuration, "net10.0", "SesBot.Bot.dll");

    public static string InRoot(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SesBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No SesBot.sln above {AppContext.BaseDirectory}.");
    }
}
