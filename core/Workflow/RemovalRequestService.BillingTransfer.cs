using Microsoft.EntityFrameworkCore;
using SesBot.Core.Domain;
using SesBot.Core.Policy;

namespace SesBot.Core.Workflow;

/// <summary>
/// A billing transfer covers the customer's whole AWS organization: every account SES bills through the same transfer
/// ends with it, so a request to end it holds all of them.
/// </summary>
public sealed partial class RemovalRequestService
{
    /// <summary>The shadow column holding an account's transfer id (see CloudAccountConfiguration).</summary>
    private const string TransferIdColumn = "BillingTransferId";

    /// <summary>The other accounts billed through the same transfer as <paramref name="account"/>, by account id.</summary>
    private async Task<List<CloudAccount>> SameTransferAsync(CloudAccount account, bool tracked, CancellationToken cancellationToken)
    {
        if (account.BillingTransfer is not { } transfer)
        {
            return [];
        }

        var query = db.CloudAccounts.Include(a => a.BillingRecords)
            .Where(a => a.Id != account.Id && EF.Property<string?>(a, TransferIdColumn) == transfer.Id);
        return await (tracked ? query : query.AsNoTracking()).OrderBy(a => a.ExternalId).ToListAsync(cancellationToken);
    }

    /// <summary>An open request to end the same billing transfer, filed for another account of the organization.</summary>
    private async Task<OpenRequestRef?> OpenTransferEndAsync(RemovalOption option, CloudAccount? account, string? exceptId, CancellationToken cancellationToken)
    {
        if (option != RemovalOption.AwsEndBillingTransfer || account?.BillingTransfer is not { } transfer)
        {
            return null;
        }

        return await (
            from r in db.RemovalRequests.AsNoTracking()
            join a in db.CloudAccounts.AsNoTracking() on r.CloudAccountId equals a.Id
            where r.OpenSubjectKey != null && r.Id != exceptId && r.Kind == RemovalOption.AwsEndBillingTransfer
                && EF.Property<string?>(a, TransferIdColumn) == transfer.Id
            select new OpenRequestRef(r.Id, r.Kind))
            .FirstOrDefaultAsync(cancellationToken);
    }
}
