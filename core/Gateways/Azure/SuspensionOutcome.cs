namespace SesBot.Core.Gateways.Azure;

/// <summary>How a suspension ended, as confirmed by reading the subscription back.</summary>
public enum SuspensionOutcome
{
    /// <summary>SesBot suspended it and the read-back shows <c>suspended</c>.</summary>
    Suspended,

    /// <summary>It was already suspended; nothing was sent.</summary>
    AlreadySuspended,

    /// <summary>The PATCH got no answer, was not replayed, and the read-back shows <c>suspended</c>: it did happen.</summary>
    SuspendedAfterNoAnswer,

    /// <summary>Partner Center accepted the PATCH but the read-back shows another status (see <see cref="SubscriptionSuspension.After"/>).</summary>
    NotConfirmed,
}
