namespace SesBot.Bot.Tests.Support;

/// <summary>Runs a script of tests/node with <c>node</c> (installed by scripts/install-test-deps.sh).</summary>
public static class NodeScript
{
    public static Task<ProcessResult> RunAsync(
        string script, IEnumerable<string> arguments, string? standardInput, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(Path.Combine(RepoPaths.NodeDirectory, "node_modules")))
        {
            throw new InvalidOperationException(
                "tests/node/node_modules is missing: run scripts/install-test-deps.sh (it needs node and npm).");
        }

        return ProcessRunner.RunAsync(
            "node",
            [Path.Combine(RepoPaths.NodeDirectory, script), .. arguments],
            standardInput,
            RepoPaths.NodeDirectory,
            cancellationToken: cancellationToken);
    }
}
