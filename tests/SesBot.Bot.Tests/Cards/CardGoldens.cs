using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SesBot.Bot.Channels.Teams;
using SesBot.Bot.Channels.Teams.AdaptiveCards;
using SesBot.Bot.Channels.Teams.Protocol;
using SesBot.Bot.Dialogs.Turns;
using SesBot.Bot.Tests.Dialogs.Support;
using SesBot.Bot.Tests.Support;

namespace SesBot.Bot.Tests.Cards;

/// <summary>
/// Renders replies the way Teams receives them and compares them with Golden/cards/&lt;name&gt;.json: a card reply as
/// its Adaptive Card (<see cref="TeamsReplyRenderer.ToCard"/>), a plain-text reply as the message activity
/// (<see cref="TeamsReplyRenderer.ToActivity"/>). Random ids become stable placeholders first: each flow id
/// (<c>flow-1</c>, …) and each request id found in the database (<c>R-REQ001</c>, …), numbered in the order a test
/// first shows them. Mismatches are collected, so one run writes every *.received.json; <see cref="AssertAllMatched"/>
/// then fails once, naming them all.
/// </summary>
public sealed partial class CardGoldens(DialogHost host)
{
    public const string Folder = "cards";

    private readonly TeamsReplyRenderer _renderer = new();
    private readonly Dictionary<string, string> _placeholders = new(StringComparer.Ordinal);
    private readonly List<string> _failures = [];
    private int _flows;
    private int _requests;

    public static string Directory => Path.Combine(Golden.Directory, Folder);

    /// <summary>The JSON Teams gets for this reply, with placeholders for the random ids.</summary>
    public async Task<string> RenderAsync(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var json = reply.IsPlainText
            ? JsonSerializer.Serialize(_renderer.ToActivity(reply), ProtocolJson.Options)
            : AdaptiveCardSerializer.Serialize(_renderer.ToCard(reply));
        return await StabilizeAsync(json);
    }

    /// <summary>Compares the only reply of the turn with the golden file.</summary>
    public Task CheckAsync(string name, Turn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        Assert.True(turn.Replies.Count == 1, $"{name}: expected one reply, got {turn.Replies.Count}:\n{turn}");
        return CheckAsync(name, turn.Replies[0]);
    }

    public async Task CheckAsync(string name, Reply reply)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var json = await RenderAsync(reply);
        try
        {
            Golden.AssertJson($"{Folder}/{name}", json);
        }
        catch (Xunit.Sdk.FailException ex)
        {
            _failures.Add(ex.Message);
        }
    }

    public void AssertAllMatched()
    {
        if (_failures.Count > 0)
        {
            Assert.Fail($"{_failures.Count} golden card(s) differ:\n" + string.Join("\n", _failures));
        }
    }

    private async Task<string> StabilizeAsync(string json)
    {
        var requestIds = await host.DbAsync(db => db.RemovalRequests.AsNoTracking().Select(r => r.Id).ToListAsync());
        var known = requestIds.ToHashSet(StringComparer.Ordinal);
        json = RequestId().Replace(json, m => known.Contains(m.Value) ? Placeholder(m.Value, () => $"R-REQ{++_requests:000}") : m.Value);
        return FlowId().Replace(json, m => Placeholder(m.Value, () => $"flow-{++_flows}"));
    }

    private string Placeholder(string value, Func<string> next)
    {
        if (!_placeholders.TryGetValue(value, out var placeholder))
        {
            placeholder = next();
            _placeholders[value] = placeholder;
        }

        return placeholder;
    }

    [GeneratedRegex(@"\bR-[A-Z0-9]{6}\b", RegexOptions.CultureInvariant)]
    private static partial Regex RequestId();

    [GeneratedRegex(@"\b[0-9a-f]{32}\b", RegexOptions.CultureInvariant)]
    private static partial Regex FlowId();
}
