using System.Text.Json.Nodes;

namespace SesBot.Benchmarks.Load;

/// <summary>An activity a bot sent to the Connector stand-in, with its arrival time (<see cref="System.Diagnostics.Stopwatch"/> ticks).</summary>
internal sealed record Delivery(long ArrivedAt, JsonObject Activity);
