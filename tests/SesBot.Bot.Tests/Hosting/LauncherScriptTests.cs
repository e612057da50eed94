using SesBot.Bot.Tests.Support;

namespace SesBot.Bot.Tests.Hosting;

/// <summary>
/// scripts/sesbot-launcher.sh, which scripts/publish.sh puts beside the published bot as <c>sesbot</c>: run against a
/// stand-in <c>SesBot.Bot</c> in a folder of its own, which prints what it was started with.
/// </summary>
public sealed class LauncherScriptTests : IDisposable
{
    private readonly string _publish = Directory.CreateTempSubdirectory("sesbot-launcher-").FullName;
    private readonly string _elsewhere = Directory.CreateTempSubdirectory("sesbot-launcher-cwd-").FullName;

    public LauncherScriptTests()
    {
        File.Copy(RepoPaths.InRoot("scripts", "sesbot-launcher.sh"), Path.Combine(_publish, "sesbot"));
        File.WriteAllText(Path.Combine(_publish, "SesBot.Bot"), """
            #!/usr/bin/env bash
            echo "delay=${DOTNET_TC_CallCountingDelayMs-unset}"
            echo "multiplier=${DOTNET_TC_DelaySingleProcMultiplier-unset}"
            echo "cwd=$PWD"
            echo "pid=$$"
            for a in "$@"; do echo "arg=$a"; done
            env | grep '^Logging__' | sed 's/^/env=/'
            exit 0
            """.ReplaceLineEndings("\n"));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(_publish, "sesbot"), (UnixFileMode)0b111_101_101);
            File.SetUnixFileMode(Path.Combine(_publish, "SesBot.Bot"), (UnixFileMode)0b111_101_101);
        }
    }

    public void Dispose()
    {
        Directory.Delete(_publish, recursive: true);
        Directory.Delete(_elsewhere, recursive: true);
    }

    private Task<ProcessResult> RunAsync(string? delay, params string[] arguments) => RunAsync(delay, null, arguments);

    private Task<ProcessResult> RunAsync(string? delay, string? multiplier, string[] arguments) =>
        ProcessRunner.RunAsync(Path.Combine(_publish, "sesbot"), arguments, workingDirectory: _elsewhere,
            environment: new Dictionary<string, string?>
            {
                ["DOTNET_TC_CallCountingDelayMs"] = delay,
                ["DOTNET_TC_DelaySingleProcMultiplier"] = multiplier,
                ["Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command"] = "Information",
            });

    [Fact]
    public async Task Run_NothingSet_StartsTheBotBesideItWithTheServerTieringInTheCallersFolderWithEveryArgument()
    {
        var run = await RunAsync(null, "--urls", "http://127.0.0.1:5080", "a value with spaces");

        Assert.True(run.ExitCode == 0, run.StandardError);
        var lines = run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains($"delay={RuntimeTiering.LauncherDelayMs}", lines); // what the start-up check recommends
        Assert.Contains("multiplier=1", lines);
        Assert.Contains($"cwd={_elsewhere}", lines);
        Assert.Equal(["arg=--urls", "arg=http://127.0.0.1:5080", "arg=a value with spaces"], lines.Where(l => l.StartsWith("arg=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Run_SettingWithADotInItsName_ReachesTheBot()
    {
        // ASP.NET Core settings for a log category have dots in their variable names; a POSIX sh like Debian's dash
        // leaves such variables out of the environment of what it starts (the load benchmark's SQL count found it).
        var run = await RunAsync(null);

        Assert.True(run.ExitCode == 0, run.StandardError);
        Assert.Contains("env=Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command=Information", run.StandardOutput.Split('\n'));
    }

    [Fact]
    public async Task Run_OperatorSetAValue_KeepsIt()
    {
        var run = await RunAsync("250", "4", []);

        Assert.True(run.ExitCode == 0, run.StandardError);
        Assert.Contains("delay=250", run.StandardOutput.Split('\n'));
        Assert.Contains("multiplier=4", run.StandardOutput.Split('\n'));
    }

    [Fact]
    public async Task Run_ReplacesItselfWithTheBot_SoTheProcessIdIsTheBots()
    {
        // A supervisor (systemd, a container runtime, the load benchmark's taskset) signals and measures the process it
        // started: the launcher must exec the bot, not run it as a child.
        var start = new System.Diagnostics.ProcessStartInfo(Path.Combine(_publish, "sesbot"))
        {
            WorkingDirectory = _elsewhere,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Contains($"pid={process.Id}", output.Split('\n'));
    }

    [Fact]
    public void Publish_CopiesTheLauncherBesideTheBot()
    {
        var script = File.ReadAllText(RepoPaths.InRoot("scripts", "publish.sh"));

        Assert.Contains("cp scripts/sesbot-launcher.sh \"$out/sesbot\"", script, StringComparison.Ordinal);
        Assert.Contains("chmod +x \"$out/sesbot\"", script, StringComparison.Ordinal);
    }
}
