using System.Globalization;

namespace SesBot.Benchmarks.Load;

/// <summary>The load benchmark's settings: <c>--name value</c> pairs on the command line.</summary>
internal sealed record LoadOptions
{
    public int Conversations { get; init; } = 64;

    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan Measure { get; init; } = TimeSpan.FromSeconds(30);

    public int ColdStarts { get; init; } = 3;

    /// <summary>Accounts seeded for SesBot; each flow uses one (a fresh copy of the database for every start).</summary>
    public int Accounts { get; init; } = 24_000;

    /// <summary>Flows run one after another on a separate SesBot start to count SQL statements and commits per turn (0: skip).</summary>
    public int SqlFlows { get; init; } = 10;

    /// <summary>Keep the temporary folder (databases, server logs) for a look afterwards.</summary>
    public bool Keep { get; init; }

    /// <summary>Which servers to measure, of sesbot, peer, bare.</summary>
    public IReadOnlyList<string> Servers { get; init; } = ["sesbot", "peer", "bare"];

    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var options = new LoadOptions();
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "--conversations" => options with { Conversations = Int(value) },
                "--warmup" => options with { Warmup = TimeSpan.FromSeconds(Int(value)) },
                "--measure" => options with { Measure = TimeSpan.FromSeconds(Int(value)) },
                "--cold-starts" => options with { ColdStarts = Int(value) },
                "--accounts" => options with { Accounts = Int(value) },
                "--sql-flows" => options with { SqlFlows = Int(value) },
                "--keep" => options with { Keep = bool.Parse(value) },
                "--servers" => options with { Servers = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                _ => throw new ArgumentException($"Unknown option {args[i]}. Options: --conversations N --warmup S --measure S --cold-starts N --accounts N --sql-flows N --servers sesbot,peer,bare --keep false"),
            };
        }

        if (args.Count % 2 != 0)
        {
            throw new ArgumentException($"Option {args[^1]} has no value.");
        }

        return options;
    }

    private static int Int(string value) => int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
}
