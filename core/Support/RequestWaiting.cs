using SesBot.Core.Domain;

namespace SesBot.Core.Support;

/// <summary>
/// Who an open request waits on, read from its kind and status: one table, asked by reminders (and by anyone who
/// shows "waiting for …"). A status that waits on the reseller (support asked for more information) goes here.
/// </summary>
public static class RequestWaiting
{
    public static WaitingOn Of(RemovalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        // Support asked the reseller a question (on the support card): the request waits on their answer.
        if (request.IsWaitingOnReseller && !RemovalRequest.IsFinal(request.Status))
        {
            return WaitingOn.Reseller;
        }

        return Of(request.Kind, request.Status);
    }

    public static WaitingOn Of(RemovalOption kind, RequestStatus status) => status switch
    {
        _ when RemovalRequest.IsFinal(status) => WaitingOn.Nobody,

        // SesBot emails the instructions first; the email's delivery is shown on the request (and can be retried there).
        RequestStatus.Submitted when RemovalOptionCatalog.Get(kind).Handling == OptionHandling.EndCustomerInstructions => WaitingOn.Nobody,

        // The end customer leaves the organization themselves: the reseller follows up with them (or cancels).
        RequestStatus.InstructionsSent => WaitingOn.Reseller,
        _ => WaitingOn.Support,
    };
}
