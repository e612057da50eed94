using SesBot.Core.Domain;

namespace SesBot.Core.Policy;

/// <summary>Everything the policy says about one account or customer: the options and the warnings that stand above them.</summary>
public sealed record PolicyDecision(IReadOnlyList<OptionDecision> Options, IReadOnlyList<string> Warnings)
{
    public OptionDecision? For(RemovalOption option) => Options.FirstOrDefault(o => o.Option == option);

    public IEnumerable<OptionDecision> Allowed => Options.Where(o => o.IsAllowed);

    public IEnumerable<OptionDecision> Denied => Options.Where(o => !o.IsAllowed);
}
