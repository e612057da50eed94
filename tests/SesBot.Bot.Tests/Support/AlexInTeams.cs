using System.Text.Json.Nodes;
using SesBot.Core.Persistence;

namespace SesBot.Bot.Tests.Support;

/// <summary>
/// Activities as Teams posts them for the demo user Alex Wilber (a reseller user of Northwind Cloud Partners) in a
/// personal chat: a typed message, and the <c>adaptiveCard/action</c> invoke an Action.Execute button sends.
/// </summary>
internal static class AlexInTeams
{
    public const string AadObjectId = "00000000-0000-0000-0000-0000000000020";

    public static JsonObject Message(string serviceUrl, string conversationId, string activityId, string text)
    {
        var message = Activity(serviceUrl, conversationId, activityId, "message");
        message["text"] = text;
        message["textFormat"] = "plain";
        return message;
    }

    /// <summary>A click on an Action.Execute button: its verb and its data (with the card's inputs merged in, as Teams does).</summary>
    public static JsonObject CardAction(string serviceUrl, string conversationId, string activityId, string verb, JsonObject data)
    {
        var invoke = Activity(serviceUrl, conversationId, activityId, "invoke");
        invoke["name"] = "adaptiveCard/action";
        invoke["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        };
        return invoke;
    }

    /// <summary>The Connector path the bot posts a conversation's messages to (its prefix; a reply adds the activity id).</summary>
    public static string ActivitiesPath(string conversationId) => $"/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities";

    private static JsonObject Activity(string serviceUrl, string conversationId, string activityId, string type) => new()
    {
        ["type"] = type,
        ["id"] = activityId,
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject { ["id"] = "29:alex", ["name"] = "Alex Wilber", ["aadObjectId"] = AadObjectId },
        ["recipient"] = new JsonObject { ["id"] = "28:sesbot", ["name"] = "SesBot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal", ["tenantId"] = DemoData.PlaygroundTenantId },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = DemoData.PlaygroundTenantId } },
    };
}
