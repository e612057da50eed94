namespace SesBot.Bot.Tests.Support;

/// <summary>Where things are in the repository, found from the test assembly's folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The build configuration the tests were built with (Debug or Release).</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    public static string NodeModules => Path.Combine(Root, "tests", "node", "node_modules");

    public static string BotDll => Path.Combine(Root, "bot", "bin", Configuration, "net10.0", "SesBot.Bot.dll");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SesBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SesBot.sln not found above " + AppContext.BaseDirectory);
    }
}
