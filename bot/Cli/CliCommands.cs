namespace SesBot.Bot.Cli;

/// <summary>
/// Commands the bot executable runs instead of the web host (<c>dotnet run --project bot -- aws check</c>).
/// Returns false when the arguments name no command, so the host starts as usual.
/// </summary>
public static class CliCommands
{
    public static async Task<bool> TryRunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length >= 2 && args[0] == "aws" && args[1] == "check")
        {
            Environment.ExitCode = await AwsCheckCommand.RunAsync(args[2..], Console.Out, Console.Error).ConfigureAwait(false);
            return true;
        }

        if (PartnerCenterCheckCommand.Matches(args))
        {
            Environment.ExitCode = await PartnerCenterCheckCommand.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
            return true;
        }

        return false;
    }
}
