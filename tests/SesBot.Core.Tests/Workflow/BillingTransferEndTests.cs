using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SesBot.Core.Domain;
using SesBot.Core.Tests.Support;
using SesBot.Core.Workflow;

namespace SesBot.Core.Tests.Workflow;

/// <summary>
/// Ending a billing transfer end to end on a real SQLite database: the options with what is invoiced up to the month's
/// end, the request with its preview, support accepting and ending it, the account and the audit trail afterwards.
/// </summary>
public sealed class BillingTransferEndTests : IAsyncLifetime
{
    private const string Account = "a-bt";
    private const string TransferId = "rt-coho7x2k9m4q";
    private const string Sibling = "a-bt-shop";
    private static readonly DateTimeOffset TransferStart = new(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Now);
    private SqliteTestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        await using var db = _database.CreateContext();
        db.Resellers.Add(new Reseller(TestData.ResellerId, "Northwind"));
        var coho = new Customer(TestData.CustomerId, TestData.ResellerId, "Coho Winery");
        var account = coho.AddAccount(new CloudAccount(Account, coho.Id, CloudProvider.Aws, "890123456789", "Coho Winery (own organization)", AccountOrigin.BillingTransfer, TransferStart)
            .WithBillingTransfer(TransferId, TransferStart, "890123456789"));
        account.AddBillingRecord(new DateOnly(2026, 11, 1), 500m, "USD");
        coho.AddAccount(new CloudAccount(Sibling, coho.Id, CloudProvider.Aws, "890123456790", "Web shop", AccountOrigin.BillingTransfer, TransferStart)
            .WithBillingTransfer(TransferId, TransferStart, "890123456789"));
        coho.AddAccount(new CloudAccount("a-other", coho.Id, CloudProvider.Aws, "890123456791", "Another organization", AccountOrigin.BillingTransfer, TransferStart)
            .WithBillingTransfer("rt-other0000000", TransferStart, "890123456791"));
        account.AddBillingRecord(new DateOnly(2026, 12, 1), 515m, "USD");
        db.Customers.Add(coho);
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task GetAccountOptions_BillingTransfer_InvoiceUpToTheMonthEndWithTheAmountSoFar()
    {
        await using var db = _database.CreateContext();

        var options = (await new RemovalRequestService(db, _clock).GetAccountOptionsAsync(TestData.Requester, Account))!;

        Assert.Equal(new BillingTransfer(TransferId, TransferStart, "890123456789", null), options.Account.BillingTransfer);
        Assert.Null(options.RemoveFromPayerImpact);
        var impact = options.EndTransferImpact!;
        Assert.Equal(new DateTimeOffset(2026, 12, 31, 23, 59, 59, TimeSpan.Zero), impact.PeriodEnd);
        Assert.Equal((31, 31, 100m), (impact.LinkedDays, impact.DaysInMonth, impact.PercentOfMonth));
        Assert.Equal([new MonthToDateAmount(new DateOnly(2026, 12, 1), 515m, "USD")], options.MonthToDate);
    }

    [Fact]
    public async Task Submit_AcceptEnd_CompletesDepartsAtTheEndAndAudits()
    {
        var submitted = await TurnAsync(s => s.SubmitAsync(new SubmitRemovalRequest("key-1", TestData.Requester, RemovalOption.AwsEndBillingTransfer, Account)));
        Assert.Equal(OutcomeKind.Ok, submitted.Kind);
        var id = submitted.Request!.Id;
        Assert.Equal(RequestStatus.Submitted, submitted.Request.Status);
        Assert.Equal(new DateTimeOffset(2026, 12, 31, 23, 59, 59, TimeSpan.Zero), submitted.Request.BillingImpact!.PeriodEnd);
        Assert.Equal(AccountState.Active, (await LoadAccountAsync()).State);

        var second = await TurnAsync(s => s.SubmitAsync(new SubmitRemovalRequest("key-2", TestData.Colleague, RemovalOption.AwsEndBillingTransfer, Account)));
        Assert.Equal(OutcomeKind.Denied, second.Kind);
        Assert.Contains($"Request {id} (end the billing transfer) is already open", second.Message, StringComparison.Ordinal);

        Assert.Equal(OutcomeKind.Ok, (await ApplyAsync(id, RequestTrigger.Accept, TestData.SupportAgent)).Kind);
        _clock.Advance(TimeSpan.FromDays(30)); // support ends it on 3 January: it runs to the end of January
        var ended = await ApplyAsync(id, RequestTrigger.EndBillingTransfer, TestData.SupportAgent);

        Assert.Equal(OutcomeKind.Ok, ended.Kind);
        Assert.Equal(RequestStatus.Completed, ended.Request!.Status);
        var januaryEnd = new DateTimeOffset(2027, 1, 31, 23, 59, 59, TimeSpan.Zero);
        var request = await LoadRequestAsync(id);
        Assert.Equal(januaryEnd, request.BillingImpact!.PeriodEnd);
        Assert.Equal((31, 31), (request.BillingImpact.LinkedDays, request.BillingImpact.DaysInMonth));
        var account = await LoadAccountAsync();
        Assert.Equal(AccountState.Departed, account.State);
        Assert.Equal(januaryEnd, account.ClosedAt);
        Assert.Equal(januaryEnd, account.BillingTransfer!.EndsAt);
        Assert.Equal(["Submitted", "Accept", "EndBillingTransfer"], await AuditActionsAsync(nameof(RemovalRequest), id));
        Assert.Equal(["BillingTransferEnded"], await AuditActionsAsync(nameof(CloudAccount), Account));
        await using var db = _database.CreateContext();
        var detail = await db.AuditEvents.Where(e => e.EntityId == Account).Select(e => e.Details).SingleAsync();
        Assert.Equal($"Billing transfer {TransferId} ended by request {id}; it ends 2027-01-31 23:59:59 UTC.", detail);
    }

    [Fact]
    public async Task SameTransfer_OneRequestHoldsEveryAccountAndEndsThemAll()
    {
        await using (var db = _database.CreateContext())
        {
            var options = (await new RemovalRequestService(db, _clock).GetAccountOptionsAsync(TestData.Requester, Account))!;
            Assert.Equal([Sibling], options.TransferAccounts.Select(a => a.Id));
        }

        var id = (await TurnAsync(s => s.SubmitAsync(new SubmitRemovalRequest("key-1", TestData.Requester, RemovalOption.AwsEndBillingTransfer, Account)))).Request!.Id;
        var second = await TurnAsync(s => s.SubmitAsync(new SubmitRemovalRequest("key-2", TestData.Colleague, RemovalOption.AwsEndBillingTransfer, Sibling)));
        Assert.Equal(OutcomeKind.Denied, second.Kind);
        Assert.Contains($"Request {id} (end the billing transfer) is already open", second.Message, StringComparison.Ordinal);
        var other = await TurnAsync(s => s.SubmitAsync(new SubmitRemovalRequest("key-3", TestData.Colleague, RemovalOption.AwsEndBillingTransfer, "a-other")));
        Assert.Equal(OutcomeKind.Ok, other.Kind); // another organization's transfer is not held

        await ApplyAsync(id, RequestTrigger.Accept, TestData.SupportAgent);
        await ApplyAsync(id, RequestTrigger.EndBillingTransfer, TestData.SupportAgent);

        await using var check = _database.CreateContext();
        var states = await check.CloudAccounts.ToDictionaryAsync(a => a.Id, a => a.State);
        Assert.Equal(AccountState.Departed, states[Account]);
        Assert.Equal(AccountState.Departed, states[Sibling]);
        Assert.Equal(AccountState.Active, states["a-other"]);
        Assert.Equal(["BillingTransferEnded"], await AuditActionsAsync(nameof(CloudAccount), Sibling));
    }

    [Fact]
    public async Task End_ByTheRequesterOrBeforeAccept_Refused()
    {
        var id = (await TurnAsync(s => s.SubmitAsync(new SubmitRemovalRequest("key-1", TestData.Requester, RemovalOption.AwsEndBillingTransfer, Account)))).Request!.Id;

        Assert.Equal(OutcomeKind.Invalid, (await ApplyAsync(id, RequestTrigger.EndBillingTransfer, TestData.SupportAgent)).Kind);
        await ApplyAsync(id, RequestTrigger.Accept, TestData.SupportAgent);
        Assert.Equal(OutcomeKind.Invalid, (await ApplyAsync(id, RequestTrigger.EndBillingTransfer, TestData.Requester)).Kind);
        Assert.Equal(AccountState.Active, (await LoadAccountAsync()).State);
    }

    [Fact]
    public async Task End_FailThenRetry_EndsOnTheRetry()
    {
        var id = (await TurnAsync(s => s.SubmitAsync(new SubmitRemovalRequest("key-1", TestData.Requester, RemovalOption.AwsEndBillingTransfer, Account)))).Request!.Id;
        await ApplyAsync(id, RequestTrigger.Accept, TestData.SupportAgent);

        Assert.Equal(RequestStatus.Failed, (await ApplyAsync(id, RequestTrigger.Fail, TestData.SupportAgent)).Request!.Status);
        Assert.Equal(RequestStatus.Accepted, (await ApplyAsync(id, RequestTrigger.Retry, TestData.SupportAgent)).Request!.Status);
        Assert.Equal(RequestStatus.Completed, (await ApplyAsync(id, RequestTrigger.EndBillingTransfer, TestData.SupportAgent)).Request!.Status);
    }

    [Fact]
    public async Task Submit_MemberOnlyOption_DeniedWithTheTransferReason()
    {
        var result = await TurnAsync(s => s.SubmitAsync(new SubmitRemovalRequest("key-1", TestData.Requester, RemovalOption.AwsRemoveFromPayer, Account)));

        Assert.Equal(OutcomeKind.Denied, result.Kind);
        Assert.Contains("not a member of the distributor's payer organization", result.Message, StringComparison.Ordinal);
    }

    private Task<WorkflowResult> ApplyAsync(string requestId, RequestTrigger trigger, Actor actor) =>
        TurnAsync(s => s.ApplyAsync(new ApplyRequestTrigger(requestId, trigger, actor)));

    private async Task<WorkflowResult> TurnAsync(Func<RemovalRequestService, Task<WorkflowResult>> command)
    {
        await using var db = _database.CreateContext();
        var result = await command(new RemovalRequestService(db, _clock));
        await db.SaveChangesAsync();
        return result;
    }

    private async Task<CloudAccount> LoadAccountAsync()
    {
        await using var db = _database.CreateContext();
        return await db.CloudAccounts.SingleAsync(a => a.Id == Account);
    }

    private async Task<RemovalRequest> LoadRequestAsync(string id)
    {
        await using var db = _database.CreateContext();
        return await db.RemovalRequests.SingleAsync(r => r.Id == id);
    }

    private async Task<List<string>> AuditActionsAsync(string entityType, string entityId)
    {
        await using var db = _database.CreateContext();
        return await db.AuditEvents.Where(e => e.EntityType == entityType && e.EntityId == entityId).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
    }
}
