using SesBot.Bot.Channels.Teams;
using SesBot.Bot.Channels.Teams.Protocol;

namespace SesBot.Bot.Tests.Channels.Teams;

/// <summary>The Teams wire payloads in Fixtures/teams/ (copied next to the test assembly), read the way the endpoint reads a body.</summary>
public static class TeamsFixtures
{
    public const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string AlexAad = "6d2f0a3c-58a1-4c8e-9b7e-2f1d4a6b8c90";
    public const string AlexMri = "29:1GcS4EyB_oSI8A88XmWBN7NJFyMqe3QGnJdgLfFGkJnVelzRGos0bPbpsfJjcbAD22bmKc4GMbrY2g4JDrWl8w";
    public const string BotId = "28:f3b5c2d1-7a6e-4b9f-8c0d-1e2a3b4c5d6e";
    public const string PersonalChat = "a:1Hq3Z8uG9kXb2vS7pLmN0wRtYcE4fJdA6oK5iU1xV3nB8zQ";
    public const string Channel = "19:5e7a1c2b3d4f40a98b6c7d8e9f0a1b2c@thread.tacv2";
    public const string Team = "19:0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d@thread.tacv2";
    public const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Fixtures", "teams");

    public static string Text(string name) => File.ReadAllText(Path.Combine(Directory, name + ".json"));

    /// <summary>The activity as <see cref="ActivityReader.Parse"/> accepts it (the fixture must be a valid activity).</summary>
    public static Activity Activity(string name)
    {
        var (activity, refusal, reason) = ActivityReader.Parse(File.ReadAllBytes(Path.Combine(Directory, name + ".json")));
        Assert.True(activity is not null, $"{name}: refused ({refusal}): {reason}");
        return activity;
    }
}
