namespace SesBot.Bot;

/// <summary>
/// Whether the .NET runtime was started with the tiering a server wants (<c>scripts/sesbot-launcher.sh</c>, published as
/// <c>sesbot</c>). Without it the runtime recompiles hot methods into faster code only after no method has run for the
/// first time in 100 ms, 1 s on one processor; under steady load that quiet spell rarely comes, and the hot path stays
/// on slower precompiled code. Checked once at start, so that an operator who starts <c>SesBot.Bot</c> directly learns why.
/// </summary>
internal static class RuntimeTiering
{
    /// <summary>The runtime's wait, in ms (the launcher sets 30).</summary>
    public const string DelayVariable = "DOTNET_TC_CallCountingDelayMs";

    /// <summary>What the runtime multiplies the wait by on one processor (the launcher sets 1).</summary>
    public const string MultiplierVariable = "DOTNET_TC_DelaySingleProcMultiplier";

    private const string LegacyPrefix = "COMPlus_";

    /// <summary>The wait the launcher sets, in ms.</summary>
    public const int LauncherDelayMs = 30;

    /// <summary>
    /// The wait the runtime applies when none of the settings is given (under either prefix the runtime reads): 100 ms,
    /// ten times that on one processor, the runtime's own defaults. Null when any is given: an operator's choice.
    /// </summary>
    public static TimeSpan? UnsetDelay(int processorCount, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        string[] names = [DelayVariable, MultiplierVariable, LegacyPrefix + DelayVariable["DOTNET_".Length..], LegacyPrefix + MultiplierVariable["DOTNET_".Length..]];
        if (names.Any(name => environment(name) is not null))
        {
            return null;
        }

        return TimeSpan.FromMilliseconds(processorCount == 1 ? 1000 : 100);
    }

    /// <summary>Logs once, at start, when the settings are missing: a warning on one processor, where it costs most.</summary>
    public static void Check(ILogger logger, int processorCount, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(logger);
        if (UnsetDelay(processorCount, environment) is not { } delay)
        {
            return;
        }

        if (processorCount == 1)
        {
            Log.TieringDelayOnOneProcessor(logger, (int)delay.TotalMilliseconds, DelayVariable, LauncherDelayMs, MultiplierVariable);
        }
        else
        {
            Log.TieringDelay(logger, (int)delay.TotalMilliseconds, DelayVariable, LauncherDelayMs);
        }
    }
}
