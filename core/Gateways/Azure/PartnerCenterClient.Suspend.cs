namespace SesBot.Core.Gateways.Azure;

/// <summary>Suspending a subscription the way FACTS §E describes, and confirming it by reading it back.</summary>
public sealed partial class PartnerCenterClient
{
    /// <summary>
    /// Reads the subscription, PATCHes the full resource as read with <c>status: suspended</c>, and reads it back to
    /// confirm. Already suspended: nothing is sent. Deleted or expired: refused before anything is sent. A PATCH that
    /// gets no answer (or a 502/504 from a gateway) is not replayed: the read-back decides (<see cref="SuspensionOutcome.SuspendedAfterNoAnswer"/>),
    /// and if it still shows another status the outcome stays unknown (<see cref="PartnerCenterErrorKind.OutcomeUnknown"/>).
    /// </summary>
    public async Task<SubscriptionSuspension> SuspendSubscriptionAsync(string customerTenantId, string subscriptionId, CancellationToken cancellationToken = default)
    {
        var before = await GetSubscriptionAsync(customerTenantId, subscriptionId, cancellationToken);
        if (before.IsSuspended)
        {
            Log.SubscriptionAlreadySuspended(_logger, subscriptionId, customerTenantId);
            return new SubscriptionSuspension(SuspensionOutcome.AlreadySuspended, before, before);
        }

        if (string.Equals(before.Status, PartnerCenterSubscriptionStatus.Deleted, StringComparison.OrdinalIgnoreCase)
            || string.Equals(before.Status, PartnerCenterSubscriptionStatus.Expired, StringComparison.OrdinalIgnoreCase))
        {
            throw new PartnerCenterException(
                PartnerCenterErrorKind.Conflict,
                "SuspendSubscription",
                GatewayTexts.S.Format("PartnerCenter.NothingToSuspend", subscriptionId, customerTenantId, before.Status));
        }

        // The full resource as read, with only the status changed; unknown fields travel back in ExtensionData.
        var change = before with { Id = before.Id ?? subscriptionId, Status = PartnerCenterSubscriptionStatus.Suspended };
        var outcome = SuspensionOutcome.Suspended;
        try
        {
            await UpdateSubscriptionAsync(customerTenantId, change, cancellationToken);
        }
        catch (PartnerCenterException ex) when (ex.IsOutcomeUnknown)
        {
            Log.SuspensionOutcomeUnknown(_logger, subscriptionId, customerTenantId, ex.CorrelationId);
            var seen = await ReadBackAfterNoAnswerAsync(customerTenantId, subscriptionId, ex, cancellationToken);
            if (!seen.IsSuspended)
            {
                throw new PartnerCenterException(
                    PartnerCenterErrorKind.OutcomeUnknown,
                    "SuspendSubscription",
                    GatewayTexts.S.Format("PartnerCenter.SuspendNoAnswer", subscriptionId, customerTenantId, seen.Status, ex.CorrelationId),
                    ex)
                {
                    CorrelationId = ex.CorrelationId,
                    RequestId = ex.RequestId,
                };
            }

            Log.SubscriptionSuspended(_logger, subscriptionId, customerTenantId, true);
            return new SubscriptionSuspension(SuspensionOutcome.SuspendedAfterNoAnswer, before, seen);
        }

        var after = await GetSubscriptionAsync(customerTenantId, subscriptionId, cancellationToken);
        if (!after.IsSuspended)
        {
            Log.SuspensionNotConfirmed(_logger, subscriptionId, customerTenantId, after.Status);
            outcome = SuspensionOutcome.NotConfirmed;
        }
        else
        {
            Log.SubscriptionSuspended(_logger, subscriptionId, customerTenantId, false);
        }

        return new SubscriptionSuspension(outcome, before, after);
    }

    private async Task<PartnerCenterSubscription> ReadBackAfterNoAnswerAsync(
        string customerTenantId, string subscriptionId, PartnerCenterException noAnswer, CancellationToken cancellationToken)
    {
        try
        {
            return await GetSubscriptionAsync(customerTenantId, subscriptionId, cancellationToken);
        }
        catch (PartnerCenterException readFailed)
        {
            throw new PartnerCenterException(
                PartnerCenterErrorKind.OutcomeUnknown,
                "SuspendSubscription",
                GatewayTexts.S.Format("PartnerCenter.SuspendNoAnswerReadFailed", subscriptionId, customerTenantId, readFailed.Kind, noAnswer.CorrelationId),
                readFailed)
            {
                CorrelationId = noAnswer.CorrelationId,
                RequestId = noAnswer.RequestId,
            };
        }
    }
}
