using Microsoft.Extensions.Logging;
using SesBot.Bot.Tests.Channels.Teams.Connector;

namespace SesBot.Bot.Tests.Hosting;

/// <summary>The start-up check that tells an operator the runtime's tiering was left at its defaults.</summary>
public sealed class RuntimeTieringTests
{
    private static Func<string, string?> Environment(params (string Name, string Value)[] set) =>
        name => set.FirstOrDefault(v => v.Name == name).Value;

    [Theory]
    [InlineData(1, 1000)]
    [InlineData(2, 100)]
    [InlineData(16, 100)]
    public void UnsetDelay_NothingSet_IsTheRuntimesDefaultForThatManyProcessors(int processors, int expectedMs)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), RuntimeTiering.UnsetDelay(processors, Environment()));
    }

    [Theory]
    [InlineData(RuntimeTiering.DelayVariable, "0")]
    [InlineData(RuntimeTiering.DelayVariable, "250")]
    [InlineData(RuntimeTiering.MultiplierVariable, "1")]
    [InlineData("COMPlus_TC_CallCountingDelayMs", "0")]
    [InlineData("COMPlus_TC_DelaySingleProcMultiplier", "1")]
    public void UnsetDelay_EitherVariableSet_IsNullWhateverTheValue(string variable, string value)
    {
        Assert.Null(RuntimeTiering.UnsetDelay(1, Environment((variable, value))));
    }

    [Fact]
    public void Check_OneProcessorNothingSet_WarnsNamingTheVariableAndTheLauncher()
    {
        using var logs = new RecordingLoggerProvider();
        var logger = logs.CreateLogger("test");

        RuntimeTiering.Check(logger, 1, Environment());

        var record = Assert.Single(logs.Entries);
        Assert.Equal(LogLevel.Warning, record.Level);
        Assert.Equal(1004, record.EventId);
        Assert.Contains("DOTNET_TC_CallCountingDelayMs=30 and DOTNET_TC_DelaySingleProcMultiplier=1", record.Message, StringComparison.Ordinal);
        Assert.Contains("1000 ms", record.Message, StringComparison.Ordinal);
        Assert.Contains("sesbot", record.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SeveralProcessorsNothingSet_OnlyInforms()
    {
        using var logs = new RecordingLoggerProvider();
        var logger = logs.CreateLogger("test");

        RuntimeTiering.Check(logger, 4, Environment());

        var record = Assert.Single(logs.Entries);
        Assert.Equal(LogLevel.Information, record.Level);
        Assert.Contains("100 ms", record.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Set_SaysNothing()
    {
        using var logs = new RecordingLoggerProvider();
        var logger = logs.CreateLogger("test");

        RuntimeTiering.Check(logger, 1, Environment((RuntimeTiering.DelayVariable, "0")));

        Assert.Empty(logs.Entries);
    }
}
