using System.Text.Json;

namespace SesBot.Bot.Tests.Support;

/// <summary>
/// Validates a Teams app manifest offline against the schema bundled in <c>@microsoft/app-manifest</c>
/// (tests/node/validate-manifest.js); the manifest's <c>$schema</c> picks the bundled version.
/// </summary>
public static class TeamsManifestValidator
{
    public static async Task<ManifestValidationResult> ValidateAsync(string manifestJson, CancellationToken cancellationToken = default)
    {
        var run = await NodeScript.RunAsync("validate-manifest.js", [], manifestJson, cancellationToken: cancellationToken);
        if (run.ExitCode is not (0 or 1))
        {
            throw new InvalidOperationException($"validate-manifest.js failed ({run.ExitCode}): {run.StandardError}");
        }

        return JsonSerializer.Deserialize<ManifestValidationResult>(run.StandardOutput)
            ?? throw new InvalidOperationException("validate-manifest.js printed nothing.");
    }
}
