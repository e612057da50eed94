using Xunit.Sdk;

namespace SesBot.Bot.Tests.Support;

public sealed class GoldenTests
{
    private const string Name = "golden-self-check";

    [Fact]
    public void AssertJson_SameContentOtherWhitespace_Passes()
    {
        Golden.AssertJson(Name, """{"golden":"self-check","items":[1,2]}""");

        Assert.False(File.Exists(Path.Combine(Golden.Directory, Name + ".received.json")));
    }

    [Fact]
    public void AssertJson_DifferentContent_FailsAndWritesReceivedFile()
    {
        if (Environment.GetEnvironmentVariable("SESBOT_ACCEPT_GOLDEN") == "1")
        {
            return; // accepting would overwrite the fixture
        }

        var received = Path.Combine(Golden.Directory, Name + ".received.json");
        try
        {
            var failure = Assert.Throws<FailException>(() => Golden.AssertJson(Name, """{"golden":"self-check","items":[2,1]}"""));

            Assert.Contains("received.json", failure.Message, StringComparison.Ordinal);
            Assert.Contains("[\n    2,\n    1\n  ]", File.ReadAllText(received), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(received);
        }
    }
}
