using SesBot.Core.Workflow;

namespace SesBot.Core.Execution;

/// <summary>
/// What one dispatcher run of an execution came to: the execution as it is now, the request details when this run
/// ended it, the text for the end customer on a refusal, and whether a retry makes sense.
/// </summary>
public sealed record ExecutionReport(CloudExecution Execution, bool EndedNow)
{
    /// <summary>The request with its timeline after this run (set when this run ended the execution).</summary>
    public RequestDetails? Details { get; init; }

    /// <summary>A ready text for the end customer (an AWS refusal they can fix), when there is one.</summary>
    public string? CustomerText { get; init; }

    /// <summary>Nothing changed at the provider and trying again can help (after waiting, or after the customer acted).</summary>
    public bool RetryMakesSense { get; init; }

    /// <summary>The execution was taken by another run (or no longer exists): this run did nothing.</summary>
    public bool NothingDone { get; init; }
}
