namespace SesBot.Bot.Tests.Support;

/// <summary>How a program run by <see cref="ProcessRunner"/> ended.</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError);
