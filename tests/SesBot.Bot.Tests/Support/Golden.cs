using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SesBot.Bot.Tests.Support;

/// <summary>
/// Compares JSON with a reviewed golden file, tests/SesBot.Bot.Tests/Golden/&lt;name&gt;.json (in the source tree).
/// Both sides are re-indented first, so only content and property order count (not whitespace or escaping). On a mismatch (or a missing golden
/// file) it writes &lt;name&gt;.received.json beside it and fails: review the diff, then rename it over the golden file.
/// With SESBOT_ACCEPT_GOLDEN=1 it writes the golden file instead of failing.
/// </summary>
public static class Golden
{
    // Relaxed escaping only makes the files readable (e.g. "€" instead of "\u20AC"); both sides are normalized alike.
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Directory => Path.Combine(RepoPaths.BotTestsDirectory, "Golden");

    public static void AssertJson(string name, string json)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var goldenPath = Path.Combine(Directory, name + ".json");
        var receivedPath = Path.Combine(Directory, name + ".received.json");
        var received = Normalize(json);

        if (File.Exists(goldenPath) && Normalize(File.ReadAllText(goldenPath)) == received)
        {
            File.Delete(receivedPath);
            return;
        }

        if (Environment.GetEnvironmentVariable("SESBOT_ACCEPT_GOLDEN") == "1")
        {
            File.WriteAllText(goldenPath, received);
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received);
        Assert.Fail(File.Exists(goldenPath)
            ? $"{name}: the JSON differs from Golden/{name}.json. Compare with Golden/{name}.received.json; if the change is right, rename it over the golden file."
            : $"{name}: no golden file yet. Review Golden/{name}.received.json and rename it to {name}.json.");
    }

    private static string Normalize(string json)
    {
        var node = JsonNode.Parse(json) ?? throw new ArgumentException("The JSON is null.", nameof(json));
        return node.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";
    }
}
