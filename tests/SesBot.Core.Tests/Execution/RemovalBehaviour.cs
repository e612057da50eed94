namespace SesBot.Core.Tests.Execution;

internal enum RemovalBehaviour
{
    Answer,
    RefusePaymentInstrument,

    /// <summary>The account leaves, then no answer comes: the client gives up (an unknown outcome).</summary>
    TakeEffectThenHang,

    /// <summary>500 without effect: for a change the client reports an unknown outcome.</summary>
    ServerErrorWithoutEffect,
}
