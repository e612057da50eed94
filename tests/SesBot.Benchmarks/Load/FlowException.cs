namespace SesBot.Benchmarks.Load;

/// <summary>A turn whose answer was not the one the flow needs (wrong status, missing card or action, time-out).</summary>
internal sealed class FlowException : Exception
{
    public FlowException()
    {
    }

    public FlowException(string message)
        : base(message)
    {
    }

    public FlowException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Whether the conversation should stop running flows (nothing left to run them on).</summary>
    public bool StopsConversation { get; init; }
}
