using System.Text.Json;

namespace SesBot.Bot.Tests.Hosting;

/// <summary>
/// The runtime settings the bot is built with (bot/SesBot.Bot.csproj), as the runtime reads them: from the
/// runtimeconfig.json written beside SesBot.Bot.dll, which the publish carries too.
/// </summary>
public sealed class RuntimeSettingsTests
{
    private static JsonElement ConfigProperties()
    {
        var path = Path.Combine(Path.GetDirectoryName(typeof(Program).Assembly.Location)!, "SesBot.Bot.runtimeconfig.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").Clone();
    }

    [Fact]
    public void Runtimeconfig_TieringWaitIsShort_SoHotCodeIsOptimizedUnderLoadNotMinutesLater()
    {
        var properties = ConfigProperties();

        // 5 ms, ten times that on one processor; the runtime's default is 100 ms (1 s on one processor).
        Assert.Equal(5, properties.GetProperty("System.Runtime.TieredCompilation.CallCountingDelayMs").GetInt32());
    }

    [Fact]
    public void Runtimeconfig_NoInstrumentedPgoTier()
    {
        Assert.False(ConfigProperties().GetProperty("System.Runtime.TieredPGO").GetBoolean());
    }
}
