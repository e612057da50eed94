using SesBot.Core.Localization;

namespace SesBot.Core.Execution;

/// <summary>
/// The texts of the cloud executions (refusals when one cannot start, preflight findings, the notes stored on the
/// request), in the ambient UI language (resources: Resources/Execution/ExecutionTexts.resx).
/// </summary>
internal static class ExecutionTexts
{
    public static Strings S { get; } = Strings.For(typeof(ExecutionTexts));
}
