using System.Diagnostics;

namespace SesBot.Bot.Tests.Cli;

/// <summary>
/// The check commands as an operator runs them (a separate process of the bot): what was found goes to stdout, what
/// failed and what to do to stderr, so <c>2&gt;/dev/null</c> or a script's error capture sees the same split for both.
/// </summary>
public sealed class CheckCommandStreamTests
{
    [Fact]
    public async Task PartnerCenterCheck_InvalidConfiguration_FailureOnStderrBotModeOnStdoutExit1()
    {
        var (exit, stdout, stderr) = await RunAsync("partner-center", "check", "--PartnerCenter:Endpoint=http://partner.example.com");

        Assert.Equal(1, exit);
        Assert.Contains("FAILED: the PartnerCenter configuration is invalid:", stderr, StringComparison.Ordinal);
        Assert.Contains("PartnerCenter:Endpoint must use https", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Bot mode", stderr, StringComparison.Ordinal);
        Assert.StartsWith("Bot mode: Partner Center (the PartnerCenter section is configured)", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("FAILED", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AwsCheck_InvalidConfiguration_FailureOnStderrNothingFailedOnStdoutExit1()
    {
        var (exit, stdout, stderr) = await RunAsync("aws", "check", "--Aws:RoleArn=not-an-arn");

        Assert.Equal(1, exit);
        Assert.Contains("AWS check failed: invalid configuration", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("failed", stdout, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Directory.CreateTempSubdirectory("sesbot-check-streams").FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SesBot.Bot.dll"));
        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys
            .Where(k => k.StartsWith("Aws__", StringComparison.OrdinalIgnoreCase) || k.StartsWith("PartnerCenter__", StringComparison.OrdinalIgnoreCase)
                || k.StartsWith("AWS_", StringComparison.Ordinal) || k.StartsWith("AZURE_", StringComparison.Ordinal))
            .ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
