using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SesBot.Core.Domain;
using SesBot.Core.Email;
using SesBot.Core.Outbox;
using SesBot.Core.Persistence;
using SesBot.Core.Tests.Support;
using SesBot.Core.Workflow;

namespace SesBot.Core.Tests.Workflow;

/// <summary>The service end to end on a real SQLite database: every call gets a fresh context, as each turn of the bot does.</summary>
public sealed class RemovalRequestServiceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2027, 3, 15, 10, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset OwnedLinkedAt = new(2027, 3, 4, 14, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Now);
    private SqliteTestDatabase _database = null!;
    private int _keys;

    // Customer c-1 of reseller r-1: one account of every kind.
    private const string Assigned = "a-assigned";      // AWS, distributor-assigned, billed
    private const string AssignedFresh = "a-fresh";    // AWS, distributor-assigned, no billing
    private const string Owned = "a-owned";            // AWS, customer-owned, billed, linked mid-month
    private const string AzureBilled = "z-billed";
    private const string AzureFresh = "z-fresh";
    private const string Deleted = "a-deleted";        // deleted from SES in error
    private const string FreshNumber = "333333333333";

    // Customer c-2 of reseller r-1, without billing data; c-3 belongs to reseller r-2.
    private const string Removable = "c-2";
    private const string OtherResellersAccount = "a-r2";

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        await using var db = _database.CreateContext();
        db.Resellers.AddRange(new Reseller(TestData.ResellerId, "Northwind"), new Reseller(TestData.OtherResellerId, "Fabrikam"));

        var contoso = new Customer(TestData.CustomerId, TestData.ResellerId, "Contoso Ltd");
        contoso.AddAccount(TestData.Aws(AccountOrigin.DistributorAssigned, billedMonths: 3, id: Assigned, number: "111111111111"));
        contoso.AddAccount(TestData.Aws(AccountOrigin.DistributorAssigned, id: AssignedFresh, number: FreshNumber));
        contoso.AddAccount(TestData.Aws(AccountOrigin.CustomerOwned, billedMonths: 2, id: Owned, number: "222222222222", linkedAt: OwnedLinkedAt));
        contoso.AddAccount(TestData.Azure(billedMonths: 1, id: AzureBilled, subscription: "11111111-1111-1111-1111-111111111111"));
        contoso.AddAccount(TestData.Azure(id: AzureFresh, subscription: "22222222-2222-2222-2222-222222222222"));
        contoso.AddAccount(TestData.Aws(id: Deleted, number: "666666666666")).MarkDeleted(Now.AddDays(-1));

        var tailspin = new Customer(Removable, TestData.ResellerId, "Tailspin Toys");
        tailspin.AddAccount(TestData.Aws(AccountOrigin.CustomerOwned, id: "a-c2", number: "444444444444", customerId: Removable));
        tailspin.AddAccount(TestData.Azure(id: "z-c2", subscription: "33333333-3333-3333-3333-333333333333", customerId: Removable));

        var woodgrove = new Customer("c-3", TestData.OtherResellerId, "Woodgrove Bank");
        woodgrove.AddAccount(TestData.Aws(AccountOrigin.CustomerOwned, id: OtherResellersAccount, number: "555555555555", customerId: "c-3"));

        db.Customers.AddRange(contoso, tailspin, woodgrove);
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    // ---- Submit: allowed paths ----

    [Fact]
    public async Task SubmitAsync_DeleteWithAccountIdTyped_DeletesAccountAndAudits()
    {
        var result = await SubmitAsync(RemovalOption.DeleteFromPlatform, AssignedFresh, confirmation: "3333-3333-3333");

        Assert.Equal(OutcomeKind.Ok, result.Kind);
        Assert.Equal(RequestStatus.Completed, result.Request!.Status);
        Assert.Null(result.Request.OpenSubjectKey);
        var account = await LoadAccountAsync(AssignedFresh);
        Assert.Equal(AccountState.Deleted, account.State);
        Assert.Equal(Now, account.ClosedAt);
        Assert.Equal(["Submitted", "Complete"], await AuditActionsAsync(result.Request.Id));
        var deleted = Assert.Single(await AuditOfAsync(nameof(CloudAccount), AssignedFresh));
        Assert.Equal("Deleted", deleted.Action);
        Assert.Equal(TestData.Requester.Id, deleted.ActorId);
        Assert.Contains(result.Request.Id, deleted.Details, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("333333333334")]
    [InlineData("33333333333")]
    [InlineData("yes")]
    public async Task SubmitAsync_DeleteWithWrongTypedId_InvalidAndNothingDeleted(string? typed)
    {
        var result = await SubmitAsync(RemovalOption.DeleteFromPlatform, AssignedFresh, confirmation: typed);

        Assert.Equal(OutcomeKind.Invalid, result.Kind);
        Assert.False(result.Succeeded);
        Assert.Contains($"type the account id {FreshNumber} exactly. Nothing was deleted.", result.Message, StringComparison.Ordinal);
        Assert.Equal(AccountState.Active, (await LoadAccountAsync(AssignedFresh)).State);
        await AssertNoRequestsAsync();
    }

    [Fact]
    public async Task SubmitAsync_DeleteAzureWithSubscriptionInUpperCase_Deleted()
    {
        var result = await SubmitAsync(RemovalOption.DeleteFromPlatform, AzureFresh, confirmation: " 22222222-2222-2222-2222-222222222222 ".ToUpperInvariant());

        Assert.Equal(OutcomeKind.Ok, result.Kind);
        Assert.Equal(AccountState.Deleted, (await LoadAccountAsync(AzureFresh)).State);
    }

    [Fact]
    public async Task SubmitAsync_TransferOfOwnershipWithValidContact_SubmittedWithNormalizedContact()
    {
        var result = await SubmitAsync(RemovalOption.AwsTransferOwnership, Assigned, contact: Contacts.ValidUs());

        Assert.Equal(OutcomeKind.Ok, result.Kind);
        var stored = await LoadRequestAsync(result.Request!.Id);
        Assert.Equal(RequestStatus.Submitted, stored.Status);
        Assert.Equal("+12015550123", stored.Contact!.ContactPhone);
        Assert.Equal("US", stored.Contact.Country);
        Assert.Equal($"account:{Assigned}", stored.OpenSubjectKey);
        Assert.Equal(TestData.ResellerId, stored.ResellerId);
        Assert.Equal(TestData.CustomerId, stored.CustomerId);
        Assert.Equal(Assigned, stored.CloudAccountId);
        Assert.Equal(Now, stored.CreatedAt);
        Assert.Matches("^R-[A-Z2-9]{6}$", stored.Id);
        Assert.Equal(AccountState.Active, (await LoadAccountAsync(Assigned)).State);
    }

    [Fact]
    public async Task SubmitAsync_TransferOfOwnershipWithInvalidContact_InvalidWithFieldErrors()
    {
        var draft = Contacts.ValidUs() with { BillingContactEmail = "nope", PostalCode = null };

        var result = await SubmitAsync(RemovalOption.AwsTransferOwnership, Assigned, contact: draft);

        Assert.Equal(OutcomeKind.Invalid, result.Kind);
        Assert.NotNull(result.FieldErrors);
        Assert.Equal([ContactField.PostalCode, ContactField.BillingContactEmail], result.FieldErrors.Keys.Order());
        await AssertNoRequestsAsync();
    }

    [Fact]
    public async Task SubmitAsync_TransferOfOwnershipWithoutContact_EveryFieldInvalid()
    {
        var result = await SubmitAsync(RemovalOption.AwsTransferOwnership, Assigned);

        Assert.Equal(OutcomeKind.Invalid, result.Kind);
        Assert.Equal(Enum.GetValues<ContactField>().Length, result.FieldErrors!.Count);
    }

    [Fact]
    public async Task SubmitAsync_RemoveFromPayer_SubmittedWithBillingImpactOfTheMonth()
    {
        var result = await SubmitAsync(RemovalOption.AwsRemoveFromPayer, Owned);

        Assert.Equal(OutcomeKind.Ok, result.Kind);
        var impact = (await LoadRequestAsync(result.Request!.Id)).BillingImpact;
        Assert.NotNull(impact);
        Assert.Equal(OwnedLinkedAt, impact.PeriodStart);
        Assert.Equal(Now, impact.PeriodEnd);
        Assert.Equal(new DateOnly(2027, 3, 4), impact.FirstDay);
        Assert.Equal(new DateOnly(2027, 3, 15), impact.LastDay);
        Assert.Equal(12, impact.LinkedDays);
        Assert.Equal(31, impact.DaysInMonth);
        Assert.Equal(BillingImpactCalculator.Calculate(OwnedLinkedAt, Now), impact);
    }

    [Fact]
    public async Task SubmitAsync_SelfUnlink_StaysSubmittedAndQueuesTheEmailInTheSameCommit()
    {
        var result = await SubmitAsync(RemovalOption.AwsSelfUnlink, Owned, endCustomerEmail: "root@adventure-works.com");

        Assert.Equal(OutcomeKind.Ok, result.Kind);
        var stored = await LoadRequestAsync(result.Request!.Id);
        Assert.Equal(RequestStatus.Submitted, stored.Status);
        Assert.Equal("root@adventure-works.com", stored.EndCustomerEmail);
        Assert.True(stored.IsOpen);
        Assert.Equal(["Submitted"], await AuditActionsAsync(stored.Id));

        await using var db = _database.CreateContext();
        var queued = Assert.Single(await db.OutboxMessages.ToListAsync());
        Assert.Equal((UnlinkInstructionsOutbox.Kind, $"email.unlink-instructions:{stored.Id}", $"request:{stored.Id}", OutboxStatus.Pending),
            (queued.Kind, queued.IdempotencyKey, queued.OrderingKey, queued.Status));
        Assert.Equal(stored.Id, UnlinkInstructionsOutbox.RequestIdOf(queued));
        Assert.Equal(new EmailDelivery(EmailDeliveryState.Queued, "root@adventure-works.com", "en", null, null, 0), result.Details!.Email);
    }

    [Fact]
    public async Task SubmitAsync_SelfUnlinkSubmittedTwice_OneRequestOneEmail()
    {
        var first = await SubmitAsync(RemovalOption.AwsSelfUnlink, Owned, key: "same-card", endCustomerEmail: "root@adventure-works.com");
        var again = await SubmitAsync(RemovalOption.AwsSelfUnlink, Owned, key: "same-card", endCustomerEmail: "root@adventure-works.com");

        Assert.Equal((OutcomeKind.Ok, OutcomeKind.Duplicate), (first.Kind, again.Kind));
        await using var db = _database.CreateContext();
        Assert.Single(await db.OutboxMessages.ToListAsync());
    }

    [Fact]
    public async Task SubmitAsync_OtherOptions_QueueNoEmail()
    {
        await SubmitAsync(RemovalOption.AwsRemoveFromPayer, Owned);
        await SubmitAsync(RemovalOption.DeleteFromPlatform, AssignedFresh, confirmation: FreshNumber);

        await using var db = _database.CreateContext();
        Assert.Empty(await db.OutboxMessages.ToListAsync());
    }

    [Fact]
    public async Task SubmitAsync_RemoveFromPayerAfterUnlinkInstructionsCancelled_Allowed()
    {
        // The end customer could not leave the organization (no payment method): the reseller falls back to support.
        var unlink = await SubmitAsync(RemovalOption.AwsSelfUnlink, Owned, endCustomerEmail: "root@adventure-works.com");
        var cancelled = await ApplyAsync(unlink.Request!.Id, RequestTrigger.Cancel, TestData.Requester);

        var fromPayer = await SubmitAsync(RemovalOption.AwsRemoveFromPayer, Owned);

        Assert.Equal(OutcomeKind.Ok, cancelled.Kind);
        Assert.Equal(OutcomeKind.Ok, fromPayer.Kind);
        Assert.Equal(AccountState.Active, (await LoadAccountAsync(Owned)).State);
    }

    [Fact]
    public async Task SubmitAsync_SelfUnlinkWithPaddedEmail_StoredTrimmed()
    {
        var result = await SubmitAsync(RemovalOption.AwsSelfUnlink, Owned, endCustomerEmail: "  root@adventure-works.com ");

        Assert.Equal(OutcomeKind.Ok, result.Kind);
        Assert.Equal("root@adventure-works.com", (await LoadRequestAsync(result.Request!.Id)).EndCustomerEmail);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("root")]
    [InlineData("root@localhost")]
    public async Task SubmitAsync_SelfUnlinkWithoutValidEmail_Invalid(string? email)
    {
        var result = await SubmitAsync(RemovalOption.AwsSelfUnlink, Owned, endCustomerEmail: email);

        Assert.Equal(OutcomeKind.Invalid, result.Kind);
        Assert.Contains("email", result.Message, StringComparison.Ordinal);
        await AssertNoRequestsAsync();
    }

    [Fact]
    public async Task SubmitAsync_AzureTransfer_SubmittedWithPartner()
    {
        var tenant = "44444444-4444-4444-4444-444444444444";

        var result = await SubmitAsync(RemovalOption.AzureTransferToCsp, AzureBilled, partnerName: "Fabrikam CSP", partnerTenant: tenant);

        Assert.Equal(OutcomeKind.Ok, result.Kind);
        var stored = await LoadRequestAsync(result.Request!.Id);
        Assert.Equal(RequestStatus.Submitted, stored.Status);
        Assert.Equal("Fabrikam CSP", stored.TargetPartnerName);
        Assert.Equal(tenant, stored.TargetPartnerTenantId);
    }

    [Fact]
    public async Task SubmitAsync_AzureTransferWithBadTenantId_Invalid()
    {
        var result = await SubmitAsync(RemovalOption.AzureTransferToCsp, AzureBilled, partnerTenant: "fabrikam.onmicrosoft.com");

        Assert.Equal(OutcomeKind.Invalid, result.Kind);
        Assert.Contains("is not a tenant id", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitAsync_AzureTransferWithBlankTenantId_SubmittedWithoutTenant()
    {
        var result = await SubmitAsync(RemovalOption.AzureTransferToCsp, AzureBilled, partnerName: "Fabrikam CSP", partnerTenant: "   ");

        Assert.Equal(OutcomeKind.Ok, result.Kind);
        Assert.Null((await LoadRequestAsync(result.Request!.Id)).TargetPartnerTenantId);
    }

    [Fact]
    public async Task SubmitAsync_AzureSuspendWithReason_Submitted()
    {
        var result = await SubmitAsync(RemovalOption.AzureSuspend, AzureBilled, reason: "Project ended");

        Assert.Equal(OutcomeKind.Ok, result.Kind);
        Assert.Equal("Project ended", (await LoadRequestAsync(result.Request!.Id)).Reason);
        Assert.Equal(AccountState.Active, (await LoadAccountAsync(AzureBilled)).State);
    }

    [Fact]
    public async Task SubmitAsync_AzureSuspendWithoutReason_Invalid()
    {
        var result = await SubmitAsync(RemovalOption.AzureSuspend, AzureBilled, reason: "  ");

        Assert.Equal(OutcomeKind.Invalid, result.Kind);
        await AssertNoRequestsAsync();
    }

    [Fact]
    public async Task SubmitAsync_DeletedInErrorTicketForDeletedAccount_Submitted()
    {
        var result = await SubmitAsync(RemovalOption.DeletedInErrorTicket, Deleted, reason: "Deleted the wrong one");

        Assert.Equal(OutcomeKind.Ok, result.Kind);
        Assert.Equal(RequestStatus.Submitted, result.Request!.Status);
    }

    [Fact]
    public async Task SubmitAsync_RemoveCustomerWithoutBillingData_CascadesToAccounts()
    {
        var result = await SubmitAsync(RemovalOption.RemoveCustomer, Removable);

        Assert.Equal(OutcomeKind.Ok, result.Kind);
        Assert.Equal(RequestStatus.Completed, result.Request!.Status);
        Assert.Null(result.Request.CloudAccountId);
        await using var db = _database.CreateContext();
        var customer = await db.Customers.Include(c => c.Accounts).SingleAsync(c => c.Id == Removable);
        Assert.Equal(Now, customer.RemovedAt);
        Assert.All(customer.Accounts, a => Assert.Equal(AccountState.Deleted, a.State));
        Assert.Equal(2, customer.Accounts.Count);
        Assert.Equal(["Removed"], (await AuditOfAsync(nameof(Customer), Removable)).Select(e => e.Action));
        Assert.Equal(["Deleted"], (await AuditOfAsync(nameof(CloudAccount), "a-c2")).Select(e => e.Action));
        Assert.Equal(["Deleted"], (await AuditOfAsync(nameof(CloudAccount), "z-c2")).Select(e => e.Action));
        // Other customers are untouched.
        Assert.Equal(AccountState.Active, (await LoadAccountAsync(AssignedFresh)).State);
    }

    // ---- Submit: denied and refused paths ----

    [Fact]
    public async Task SubmitAsync_DeleteWithBillingData_DeniedWithPolicyReason()
    {
        var result = await SubmitAsync(RemovalOption.DeleteFromPlatform, Assigned, confirmation: "111111111111");

        Assert.Equal(OutcomeKind.Denied, result.Kind);
        Assert.Contains("3 months of billing data", result.Message, StringComparison.Ordinal);
        Assert.Contains("cloud provider's console", result.Message, StringComparison.Ordinal);
        Assert.Equal(AccountState.Active, (await LoadAccountAsync(Assigned)).State);
        await AssertNoRequestsAsync();
    }

    [Theory]
    [InlineData(RemovalOption.AwsTransferOwnership, Owned, "already owns this account")]
    [InlineData(RemovalOption.AwsRemoveFromPayer, Assigned, "transfer of ownership")]
    [InlineData(RemovalOption.AwsSelfUnlink, Assigned, "root access")]
    [InlineData(RemovalOption.DeletedInErrorTicket, AssignedFresh, "Only an account that was deleted")]
    [InlineData(RemovalOption.DeleteFromPlatform, Deleted, "deleted from SES")]
    public async Task SubmitAsync_OptionThePolicyDenies_DeniedWithItsReason(RemovalOption option, string accountId, string reason)
    {
        var result = await SubmitAsync(option, accountId, contact: Contacts.ValidUs(), reason: "because", endCustomerEmail: "a@b.com");

        Assert.Equal(OutcomeKind.Denied, result.Kind);
        Assert.Contains(reason, result.Message, StringComparison.Ordinal);
        await AssertNoRequestsAsync();
    }

    [Theory]
    [InlineData(RemovalOption.AzureSuspend, AssignedFresh)]
    [InlineData(RemovalOption.AzureTransferToCsp, Assigned)]
    [InlineData(RemovalOption.AwsTransferOwnership, AzureFresh)]
    public async Task SubmitAsync_OptionOfTheOtherCloud_DeniedAndNothingSaved(RemovalOption option, string accountId)
    {
        var result = await SubmitAsync(option, accountId, contact: Contacts.ValidUs(), reason: "because");

        Assert.Equal(OutcomeKind.Denied, result.Kind);
        await AssertNoRequestsAsync();
    }

    [Fact]
    public async Task SubmitAsync_RemoveCustomerWhileAnAccountHasAnOpenRequest_DeniedAndAccountKept()
    {
        // Support is removing a-c2 from the payer organization: removing its customer must not delete it under them.
        var open = await SubmitAsync(RemovalOption.AwsRemoveFromPayer, "a-c2");
        await ApplyAsync(open.Request!.Id, RequestTrigger.Accept, TestData.SupportAgent);

        var result = await SubmitAsync(RemovalOption.RemoveCustomer, Removable);

        Assert.Equal(OutcomeKind.Denied, result.Kind);
        Assert.Contains(open.Request.Id, result.Message, StringComparison.Ordinal);
        Assert.Equal(AccountState.Active, (await LoadAccountAsync("a-c2")).State);
        await using var db = _database.CreateContext();
        Assert.Null((await db.Customers.SingleAsync(c => c.Id == Removable)).RemovedAt);
        var options = await new RemovalRequestService(db, _clock).GetCustomerRemovalAsync(TestData.Requester, Removable);
        Assert.False(options!.Value.Decision.IsAllowed);
    }

    [Fact]
    public async Task SubmitAsync_RemoveCustomerAfterAccountRequestClosed_Allowed()
    {
        var closed = await SubmitAsync(RemovalOption.AwsRemoveFromPayer, "a-c2");
        await ApplyAsync(closed.Request!.Id, RequestTrigger.Cancel, TestData.Requester);

        var result = await SubmitAsync(RemovalOption.RemoveCustomer, Removable);

        Assert.Equal(OutcomeKind.Ok, result.Kind);
    }

    [Fact]
    public async Task SubmitAsync_RemoveCustomerWithBillingData_Denied()
    {
        var result = await SubmitAsync(RemovalOption.RemoveCustomer, TestData.CustomerId);

        Assert.Equal(OutcomeKind.Denied, result.Kind);
        Assert.Contains("have billing data", result.Message, StringComparison.Ordinal);
        await using var db = _database.CreateContext();
        Assert.Null((await db.Customers.SingleAsync(c => c.Id == TestData.CustomerId)).RemovedAt);
    }

    [Fact]
    public async Task SubmitAsync_SameKeyTwice_OneRequestAndDuplicate()
    {
        var first = await SubmitAsync(RemovalOption.AwsRemoveFromPayer, Owned, key: "card-42");
        _clock.Advance(TimeSpan.FromSeconds(3));

        var second = await SubmitAsync(RemovalOption.AwsRemoveFromPayer, Owned, key: "card-42");

        Assert.Equal(OutcomeKind.Ok, first.Kind);
        Assert.Equal(OutcomeKind.Duplicate, second.Kind);
        Assert.True(second.Succeeded);
        Assert.Equal(first.Request!.Id, second.Request!.Id);
        Assert.Contains(first.Request.Id, second.Message, StringComparison.Ordinal);
        await using var db = _database.CreateContext();
        Assert.Equal(1, await db.RemovalRequests.CountAsync());
        Assert.Equal(["Submitted"], await AuditActionsAsync(first.Request.Id));
    }

    [Fact]
    public async Task SubmitAsync_SelfServiceDeleteTwice_DeletedOnceAndDuplicate()
    {
        var first = await SubmitAsync(RemovalOption.DeleteFromPlatform, AssignedFresh, key: "del-1", confirmation: FreshNumber);

        var second = await SubmitAsync(RemovalOption.DeleteFromPlatform, AssignedFresh, key: "del-1", confirmation: FreshNumber);

        Assert.Equal(OutcomeKind.Ok, first.Kind);
        Assert.Equal(OutcomeKind.Duplicate, second.Kind);
        Assert.Single(await AuditOfAsync(nameof(CloudAccount), AssignedFresh));
    }

    [Fact]
    public async Task SubmitAsync_KeyUsedBySomeoneElse_Invalid()
    {
        await SubmitAsync(RemovalOption.AwsRemoveFromPayer, Owned, key: "card-42");

        var result = await SubmitAsync(RemovalOption.AwsRemoveFromPayer, Owned, key: "card-42", actor: TestData.Colleague);

        Assert.Equal(OutcomeKind.Invalid, result.Kind);
        Assert.Null(result.Request);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task SubmitAsync_NoIdempotencyKey_Invalid(string key)
    {
        var result = await SubmitAsync(RemovalOption.AwsRemoveFromPayer, Owned, key: key);

        Assert.Equal(OutcomeKind.Invalid, result.Kind);
        await AssertNoRequestsAsync();
    }

    [Fact]
    public async Task SubmitAsync_IdempotencyKeyTooLong_Invalid()
    {
        var result = await SubmitAsync(RemovalOption.AwsRemoveFromPayer, Owned, key: new string('k', 129));

        Assert.Equal(OutcomeKind.Invalid, result.Kind);
    }

    [Fact]
    public async Task SubmitAsync_AnotherOptionWhileARequestIsOpen_DeniedNamingTheOpenRequest()
    {
        var first = await SubmitAsync(RemovalOption.AwsRemoveFromPayer, Owned);

        var second = await SubmitAsync(RemovalOption.AwsSelfUnlink, Owned, endCustomerEmail: "root@adventure-works.com", actor: TestData.Colleague);

        Assert.Equal(OutcomeKind.Denied, second.Kind);
        Assert.Contains($"Request {first.Request!.Id} (remove from the payer organization) is already open", second.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitAsync_AfterEarlierRequestCancelled_Allowed()
    {
        var first = await SubmitAsync(RemovalOption.AwsRemoveFromPayer, Owned);
        await ApplyAsync(first.Request!.Id, RequestTrigger.Cancel, TestData.Requester);

        var second = await SubmitAsync(RemovalOption.AwsRemoveFromPayer, Owned);

        Assert.Equal(OutcomeKind.Ok, second.Kind);
        Assert.NotEqual(first.Request.Id, second.Request!.Id);
    }

    [Theory]
    [InlineData(RemovalOption.AwsRemoveFromPayer, OtherResellersAccount)]
    [InlineData(RemovalOption.DeleteFromPlatform, OtherResellersAccount)]
    [InlineData(RemovalOption.RemoveCustomer, "c-3")]
    [InlineData(RemovalOption.AwsRemoveFromPayer, "a-missing")]
    public async Task SubmitAsync_SubjectOfAnotherResellerOrMissing_NotFound(RemovalOption option, string subjectId)
    {
        var result = await SubmitAsync(option, subjectId, confirmation: "555555555555", endCustomerEmail: "a@b.com");

        Assert.Equal(OutcomeKind.NotFound, result.Kind);
        await AssertNoRequestsAsync();
        Assert.Equal(AccountState.Active, (await LoadAccountAsync(OtherResellersAccount)).State);
    }

    [Fact]
    public async Task SubmitAsync_ResellerUserWithoutReseller_NotFound()
    {
        var result = await SubmitAsync(RemovalOption.AwsRemoveFromPayer, Owned, actor: new Actor("u-x", "X", Role.ResellerUser));

        Assert.Equal(OutcomeKind.NotFound, result.Kind);
    }

    // ---- Apply ----

    [Fact]
    public async Task ApplyAsync_TransferOfOwnershipMilestonesToCompleted_AccountDeparted()
    {
        var submitted = await SubmitAsync(RemovalOption.AwsTransferOwnership, Assigned, contact: Contacts.ValidUs());
        RequestTrigger[] milestones =
        [
            RequestTrigger.Accept, RequestTrigger.MarkAwsContacted, RequestTrigger.MarkPaperworkComplete,
            RequestTrigger.MarkCredentialsDelivered, RequestTrigger.MarkRemovedFromPayer,
        ];

        WorkflowResult? last = null;
        foreach (var trigger in milestones)
        {
            _clock.Advance(TimeSpan.FromDays(1));
            last = await ApplyAsync(submitted.Request!.Id, trigger, TestData.SupportAgent);
            Assert.Equal(OutcomeKind.Ok, last.Kind);
            var expected = trigger == RequestTrigger.MarkRemovedFromPayer ? AccountState.Departed : AccountState.Active;
            Assert.Equal(expected, (await LoadAccountAsync(Assigned)).State);
        }

        Assert.Equal(RequestStatus.Completed, last!.Request!.Status);
        Assert.Equal(5, last.Request.Version);
        var account = await LoadAccountAsync(Assigned);
        Assert.Equal(AccountState.Departed, account.State);
        Assert.Equal(_clock.GetUtcNow(), account.ClosedAt);
        Assert.Equal(3, account.BillingRecords.Count); // history stays
        Assert.Equal(["Submitted", .. milestones.Select(m => m.ToString())], await AuditActionsAsync(submitted.Request!.Id));
        var departed = Assert.Single(await AuditOfAsync(nameof(CloudAccount), Assigned));
        Assert.Equal("Departed", departed.Action);
        Assert.Equal(TestData.SupportAgent.Id, departed.ActorId);
    }

    [Fact]
    public async Task ApplyAsync_RemoveFromPayerAcceptedAndDone_AccountDeparted()
    {
        var submitted = await SubmitAsync(RemovalOption.AwsRemoveFromPayer, Owned);

        await ApplyAsync(submitted.Request!.Id, RequestTrigger.Accept, TestData.SupportAgent);
        var done = await ApplyAsync(submitted.Request.Id, RequestTrigger.MarkRemovedFromPayer, TestData.SupportAgent);

        Assert.Equal(OutcomeKind.Ok, done.Kind);
        Assert.Equal(AccountState.Departed, (await LoadAccountAsync(Owned)).State);
        Assert.Null((await LoadRequestAsync(submitted.Request.Id)).OpenSubjectKey);
    }

    [Fact]
    public async Task ApplyAsync_SelfUnlinkConfirmedBySupport_AccountDeparted()
    {
        var submitted = await SubmitAsync(RemovalOption.AwsSelfUnlink, Owned, endCustomerEmail: "root@adventure-works.com");
        Assert.Equal(OutcomeKind.Invalid, (await ApplyAsync(submitted.Request!.Id, RequestTrigger.Complete, TestData.SupportAgent)).Kind); // not emailed yet
        await ApplyAsync(submitted.Request.Id, RequestTrigger.SendInstructions, Actor.System);

        var done = await ApplyAsync(submitted.Request.Id, RequestTrigger.Complete, TestData.SupportAgent);

        Assert.Equal(OutcomeKind.Ok, done.Kind);
        Assert.Equal(AccountState.Departed, (await LoadAccountAsync(Owned)).State);
    }

    [Fact]
    public async Task ApplyAsync_AzureSuspendCompleted_AccountSuspended()
    {
        var submitted = await SubmitAsync(RemovalOption.AzureSuspend, AzureBilled, reason: "Project ended");

        await ApplyAsync(submitted.Request!.Id, RequestTrigger.Accept, TestData.SupportAgent);
        var done = await ApplyAsync(submitted.Request.Id, RequestTrigger.Complete, TestData.SupportAgent);

        Assert.Equal(OutcomeKind.Ok, done.Kind);
        var account = await LoadAccountAsync(AzureBilled);
        Assert.Equal(AccountState.Suspended, account.State);
        Assert.Equal(["Suspended"], (await AuditOfAsync(nameof(CloudAccount), AzureBilled)).Select(e => e.Action));
    }

    [Fact]
    public async Task ApplyAsync_CompletedWithEarlierEffect_SuspensionDatedWhenItTookEffect()
    {
        var submitted = await SubmitAsync(RemovalOption.AzureSuspend, AzureBilled, reason: "Project ended");
        await ApplyAsync(submitted.Request!.Id, RequestTrigger.Accept, TestData.SupportAgent);

        var tookEffect = Now.AddMinutes(-42);
        var done = await TurnAsync(s => s.ApplyAsync(new ApplyRequestTrigger(submitted.Request.Id, RequestTrigger.Complete, TestData.SupportAgent, TookEffectAt: tookEffect)));

        Assert.Equal(OutcomeKind.Ok, done.Kind);
        var account = await LoadAccountAsync(AzureBilled);
        Assert.Equal(AccountState.Suspended, account.State);
        Assert.Equal(tookEffect, account.ClosedAt);
    }

    [Fact]
    public async Task ApplyAsync_CompletedWithEffectInTheFuture_DatedNow()
    {
        var submitted = await SubmitAsync(RemovalOption.AzureSuspend, AzureBilled, reason: "Project ended");
        await ApplyAsync(submitted.Request!.Id, RequestTrigger.Accept, TestData.SupportAgent);

        await TurnAsync(s => s.ApplyAsync(new ApplyRequestTrigger(submitted.Request.Id, RequestTrigger.Complete, TestData.SupportAgent, TookEffectAt: Now.AddDays(3))));

        Assert.Equal(Now, (await LoadAccountAsync(AzureBilled)).ClosedAt); // nothing is dated after it was recorded
    }

    [Fact]
    public async Task ApplyAsync_AzureTransferCompleted_AccountDeparted()
    {
        var submitted = await SubmitAsync(RemovalOption.AzureTransferToCsp, AzureBilled, partnerName: "Fabrikam CSP");

        await ApplyAsync(submitted.Request!.Id, RequestTrigger.Accept, TestData.SupportAgent);
        await ApplyAsync(submitted.Request.Id, RequestTrigger.Complete, TestData.SupportAgent);

        Assert.Equal(AccountState.Departed, (await LoadAccountAsync(AzureBilled)).State);
    }

    [Fact]
    public async Task ApplyAsync_DeletedInErrorCompleted_AccountRestored()
    {
        var submitted = await SubmitAsync(RemovalOption.DeletedInErrorTicket, Deleted);

        await ApplyAsync(submitted.Request!.Id, RequestTrigger.Accept, TestData.SupportAgent);
        var done = await ApplyAsync(submitted.Request.Id, RequestTrigger.Complete, TestData.SupportAgent);

        Assert.Equal(OutcomeKind.Ok, done.Kind);
        var account = await LoadAccountAsync(Deleted);
        Assert.Equal(AccountState.Active, account.State);
        Assert.Null(account.ClosedAt);
        Assert.Equal(["Restored"], (await AuditOfAsync(nameof(CloudAccount), Deleted)).Select(e => e.Action));
    }

    [Fact]
    public async Task ApplyAsync_CompleteDeleteAfterBillingDataAppeared_RejectedWithPolicyReason()
    {
        var request = new RemovalRequest("R-LATE01", "key-late", RemovalOption.DeleteFromPlatform, TestData.Requester, TestData.ResellerId, TestData.CustomerId, AssignedFresh, Now);
        await using (var db = _database.CreateContext())
        {
            db.RemovalRequests.Add(request);
            await db.SaveChangesAsync();
        }

        await using (var db = _database.CreateContext())
        {
            var account = await db.CloudAccounts.Include(a => a.BillingRecords).SingleAsync(a => a.Id == AssignedFresh);
            account.AddBillingRecord(new DateOnly(2027, 3, 1), 12.5m, "USD");
            await db.SaveChangesAsync();
        }

        var result = await ApplyAsync("R-LATE01", RequestTrigger.Complete, TestData.Requester);

        Assert.Equal(OutcomeKind.Denied, result.Kind);
        Assert.StartsWith("The policy no longer allows this:", result.Message, StringComparison.Ordinal);
        Assert.Contains("1 month of billing data", result.Message, StringComparison.Ordinal);
        var stored = await LoadRequestAsync("R-LATE01");
        Assert.Equal(RequestStatus.Rejected, stored.Status);
        Assert.Equal(result.Message, stored.LastNote);
        Assert.Null(stored.OpenSubjectKey);
        Assert.Equal(AccountState.Active, (await LoadAccountAsync(AssignedFresh)).State);
        var audit = await AuditOfAsync(nameof(RemovalRequest), "R-LATE01");
        Assert.Equal(["Submitted", "Reject"], audit.Select(e => e.Action));
        Assert.Equal(Actor.System.Id, audit[1].ActorId);
    }

    [Fact]
    public async Task ApplyAsync_CompleteCustomerRemovalSubmittedEarlier_CascadesToAccounts()
    {
        await SaveDirectlyAsync(new RemovalRequest("R-CUST01", "key-cust", RemovalOption.RemoveCustomer, TestData.Requester, TestData.ResellerId, Removable, null, Now));

        var result = await ApplyAsync("R-CUST01", RequestTrigger.Complete, TestData.Requester);

        Assert.Equal(OutcomeKind.Ok, result.Kind);
        Assert.Equal(AccountState.Deleted, (await LoadAccountAsync("a-c2")).State);
        Assert.Equal(AccountState.Deleted, (await LoadAccountAsync("z-c2")).State);
    }

    [Fact]
    public async Task ApplyAsync_CompleteCustomerRemovalWhileAccountRequestOpen_RejectedAndAccountsKept()
    {
        await SaveDirectlyAsync(new RemovalRequest("R-CUST01", "key-cust", RemovalOption.RemoveCustomer, TestData.Requester, TestData.ResellerId, Removable, null, Now));
        var accountRequest = await SubmitAsync(RemovalOption.AwsRemoveFromPayer, "a-c2");

        var result = await ApplyAsync("R-CUST01", RequestTrigger.Complete, TestData.Requester);

        Assert.Equal(OutcomeKind.Denied, result.Kind);
        Assert.Contains(accountRequest.Request!.Id, result.Message, StringComparison.Ordinal);
        Assert.Equal(RequestStatus.Rejected, (await LoadRequestAsync("R-CUST01")).Status);
        Assert.Equal(AccountState.Active, (await LoadAccountAsync("a-c2")).State);
    }

    [Fact]
    public async Task ApplyAsync_CompleteCustomerRemovalAfterBillingDataAppeared_Rejected()
    {
        await SaveDirectlyAsync(new RemovalRequest("R-CUST01", "key-cust", RemovalOption.RemoveCustomer, TestData.Requester, TestData.ResellerId, Removable, null, Now));
        await using (var db = _database.CreateContext())
        {
            (await db.CloudAccounts.Include(a => a.BillingRecords).SingleAsync(a => a.Id == "z-c2")).AddBillingRecord(new DateOnly(2027, 3, 1), 1m, "USD");
            await db.SaveChangesAsync();
        }

        var result = await ApplyAsync("R-CUST01", RequestTrigger.Complete, TestData.Requester);

        Assert.Equal(OutcomeKind.Denied, result.Kind);
        Assert.Contains("has billing data", result.Message, StringComparison.Ordinal);
        Assert.Equal(AccountState.Active, (await LoadAccountAsync("a-c2")).State);
    }

    [Fact]
    public async Task ApplyAsync_RemoveFromPayerAfterAccountLeft_DeniedAndNothingChanged()
    {
        var submitted = await SubmitAsync(RemovalOption.AwsRemoveFromPayer, Owned);
        await ApplyAsync(submitted.Request!.Id, RequestTrigger.Accept, TestData.SupportAgent);
        await using (var db = _database.CreateContext())
        {
            (await db.CloudAccounts.SingleAsync(a => a.Id == Owned)).MarkDeparted(Now);
            await db.SaveChangesAsync();
        }

        var result = await ApplyAsync(submitted.Request.Id, RequestTrigger.MarkRemovedFromPayer, TestData.SupportAgent);

        Assert.Equal(OutcomeKind.Denied, result.Kind);
        Assert.Contains("already left", result.Message, StringComparison.Ordinal);
        // Accepted has no Reject row: the request stays where it was for support to Fail it.
        Assert.Equal(RequestStatus.Accepted, (await LoadRequestAsync(submitted.Request.Id)).Status);
    }

    [Fact]
    public async Task ApplyAsync_ExpectedVersionMismatch_ConflictAndUnchanged()
    {
        var submitted = await SubmitAsync(RemovalOption.AwsRemoveFromPayer, Owned);
        await ApplyAsync(submitted.Request!.Id, RequestTrigger.Accept, TestData.SupportAgent, expectedVersion: 0);

        var stale = await ApplyAsync(submitted.Request.Id, RequestTrigger.Reject, TestData.SupportAgent, expectedVersion: 0);

        Assert.Equal(OutcomeKind.Conflict, stale.Kind);
        Assert.Contains("has changed since this card was sent; it is now accepted by support", stale.Message, StringComparison.Ordinal);
        var stored = await LoadRequestAsync(submitted.Request.Id);
        Assert.Equal(RequestStatus.Accepted, stored.Status);
        Assert.Equal(1, stored.Version);
    }

    [Fact]
    public async Task ApplyAsync_ExpectedVersionMatches_Ok()
    {
        var submitted = await SubmitAsync(RemovalOption.AwsRemoveFromPayer, Owned);

        var result = await ApplyAsync(submitted.Request!.Id, RequestTrigger.Accept, TestData.SupportAgent, expectedVersion: 0);

        Assert.Equal(OutcomeKind.Ok, result.Kind);
        Assert.Equal(1, result.Request!.Version);
    }

    [Fact]
    public async Task ApplyAsync_UserOfAnotherReseller_NotFound()
    {
        var submitted = await SubmitAsync(RemovalOption.AwsRemoveFromPayer, Owned);

        var result = await ApplyAsync(submitted.Request!.Id, RequestTrigger.Cancel, TestData.OtherResellerUser);

        Assert.Equal(OutcomeKind.NotFound, result.Kind);
        Assert.Null(result.Request);
        Assert.Equal(RequestStatus.Submitted, (await LoadRequestAsync(submitted.Request.Id)).Status);
    }

    [Fact]
    public async Task ApplyAsync_UnknownRequest_NotFound()
    {
        var result = await ApplyAsync("R-NOPE00", RequestTrigger.Cancel, TestData.SupportAgent);

        Assert.Equal(OutcomeKind.NotFound, result.Kind);
    }

    [Fact]
    public async Task ApplyAsync_RequesterCancels_CancelledAndAudited()
    {
        var submitted = await SubmitAsync(RemovalOption.AwsRemoveFromPayer, Owned);

        var result = await ApplyAsync(submitted.Request!.Id, RequestTrigger.Cancel, TestData.Requester);

        Assert.Equal(OutcomeKind.Ok, result.Kind);
        Assert.Equal(RequestStatus.Cancelled, (await LoadRequestAsync(submitted.Request.Id)).Status);
        Assert.Equal(AccountState.Active, (await LoadAccountAsync(Owned)).State);
    }

    [Theory]
    [MemberData(nameof(MayNotCancel))]
    public async Task ApplyAsync_SomeoneElseOfTheResellerCancels_Invalid(Actor actor)
    {
        var submitted = await SubmitAsync(RemovalOption.AwsRemoveFromPayer, Owned);

        var result = await ApplyAsync(submitted.Request!.Id, RequestTrigger.Cancel, actor);

        Assert.Equal(OutcomeKind.Invalid, result.Kind);
        Assert.Equal(RequestStatus.Submitted, (await LoadRequestAsync(submitted.Request.Id)).Status);
    }

    public static TheoryData<Actor> MayNotCancel() => [TestData.Colleague, TestData.SupportAgent];

    [Fact]
    public async Task ApplyAsync_RequesterAcceptsOwnRequest_Invalid()
    {
        var submitted = await SubmitAsync(RemovalOption.AwsRemoveFromPayer, Owned);

        var result = await ApplyAsync(submitted.Request!.Id, RequestTrigger.Accept, TestData.Requester);

        Assert.Equal(OutcomeKind.Invalid, result.Kind);
        Assert.Contains("Only SES support can", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Role.SupportAgent)]
    [InlineData(Role.Admin)]
    public async Task ApplyAsync_FilerWhoIsAlsoSupportAcceptsOwnRequest_RefusedByFourEyes(Role role)
    {
        var filer = new Actor("u-dual", "Dana (support too)", role, TestData.ResellerId);
        var submitted = await SubmitAsync(RemovalOption.AwsRemoveFromPayer, Owned, actor: filer);
        Assert.Equal(OutcomeKind.Ok, submitted.Kind);

        var result = await ApplyAsync(submitted.Request!.Id, RequestTrigger.Accept, filer);

        Assert.Equal(OutcomeKind.Invalid, result.Kind);
        Assert.Contains("another member of SES support has to accept it (four-eyes rule)", result.Message, StringComparison.Ordinal);
        Assert.Equal(RequestStatus.Submitted, (await LoadRequestAsync(submitted.Request.Id)).Status);
        Assert.Equal(OutcomeKind.Ok, (await ApplyAsync(submitted.Request.Id, RequestTrigger.Accept, TestData.SupportAgent)).Kind);
    }

    [Fact]
    public async Task ApplyAsync_TriggerNotInTable_Invalid()
    {
        var submitted = await SubmitAsync(RemovalOption.AwsRemoveFromPayer, Owned);

        var result = await ApplyAsync(submitted.Request!.Id, RequestTrigger.MarkPaperworkComplete, TestData.SupportAgent);

        Assert.Equal(OutcomeKind.Invalid, result.Kind);
    }

    // ---- Races with another instance ----

    [Fact]
    public async Task ApplyAsync_SomeoneElseMovesTheRequestFirst_RunAgainFindsItsNewStatus()
    {
        var submitted = await SubmitAsync(RemovalOption.AwsRemoveFromPayer, Owned);
        var id = submitted.Request!.Id;
        var race = new BeforeFirstSave(async () => Assert.Equal(OutcomeKind.Ok, (await ApplyAsync(id, RequestTrigger.Cancel, TestData.Requester)).Kind));

        var result = await TurnAsync(s => s.ApplyAsync(new ApplyRequestTrigger(id, RequestTrigger.Accept, TestData.SupportAgent)), race);

        // The accept's commit lost; run again, it finds the request cancelled.
        Assert.Equal(OutcomeKind.Invalid, result.Kind);
        Assert.Contains("is cancelled, so no one can", result.Message, StringComparison.Ordinal);
        Assert.Equal(RequestStatus.Cancelled, result.Request!.Status);
        Assert.Equal(RequestStatus.Cancelled, (await LoadRequestAsync(id)).Status);
        Assert.Equal(["Submitted", "Cancel"], await AuditActionsAsync(id));
    }

    [Fact]
    public async Task SubmitAsync_AnotherRequestForTheAccountSavedFirst_RunAgainDeniedNamingIt()
    {
        var race = new BeforeFirstSave(async () =>
            Assert.Equal(OutcomeKind.Ok, (await SubmitAsync(RemovalOption.AwsSelfUnlink, Owned, key: "their-key", actor: TestData.Colleague, endCustomerEmail: "root@adventure-works.com")).Kind));

        var result = await TurnAsync(s => s.SubmitAsync(new SubmitRemovalRequest("my-key", TestData.Requester, RemovalOption.AwsRemoveFromPayer, Owned)), race);

        Assert.Equal(OutcomeKind.Denied, result.Kind);
        Assert.Contains("(unlink instructions for the end customer) is already open", result.Message, StringComparison.Ordinal);
        await using var check = _database.CreateContext();
        Assert.Equal(["their-key"], await check.RemovalRequests.Select(r => r.IdempotencyKey).ToListAsync());
    }

    [Fact]
    public async Task SubmitAsync_SameSubmissionSavedFirstByAnotherInstance_Duplicate()
    {
        var race = new BeforeFirstSave(async () =>
            Assert.Equal(OutcomeKind.Ok, (await SubmitAsync(RemovalOption.AwsRemoveFromPayer, Owned, key: "card-7")).Kind));

        var result = await TurnAsync(s => s.SubmitAsync(new SubmitRemovalRequest("card-7", TestData.Requester, RemovalOption.AwsRemoveFromPayer, Owned)), race);

        Assert.Equal(OutcomeKind.Duplicate, result.Kind);
        await using var check = _database.CreateContext();
        Assert.Equal(1, await check.RemovalRequests.CountAsync());
    }

    // ---- Queries ----

    [Fact]
    public async Task GetAccountOptionsAsync_CustomerOwnedAccount_OptionsWithBillingImpact()
    {
        await using var db = _database.CreateContext();

        var options = await new RemovalRequestService(db, _clock).GetAccountOptionsAsync(TestData.Requester, Owned);

        Assert.NotNull(options);
        Assert.Equal(TestData.CustomerId, options.Customer.Id);
        Assert.True(options.Decision.For(RemovalOption.AwsRemoveFromPayer)!.IsAllowed);
        Assert.Equal(BillingImpactCalculator.Calculate(OwnedLinkedAt, Now), options.RemoveFromPayerImpact);
        Assert.Null(options.OpenRequest);
        Assert.Empty(options.MonthToDate); // its billing records are of 2025, none of March 2027
    }

    [Fact]
    public async Task GetAccountOptionsAsync_BillingDataForTheMonth_MonthToDateAmountPerCurrency()
    {
        await using (var setup = _database.CreateContext())
        {
            var account = await setup.CloudAccounts.Include(a => a.BillingRecords).SingleAsync(a => a.Id == Owned);
            account.AddBillingRecord(new DateOnly(2027, 3, 1), 41.5m, "usd");
            account.AddBillingRecord(new DateOnly(2027, 3, 1), 8.25m, "USD");
            account.AddBillingRecord(new DateOnly(2027, 3, 1), 12m, "EUR");
            account.AddBillingRecord(new DateOnly(2027, 2, 1), 999m, "USD");
            await setup.SaveChangesAsync();
        }

        await using var db = _database.CreateContext();
        var options = await new RemovalRequestService(db, _clock).GetAccountOptionsAsync(TestData.Requester, Owned);

        var march = new DateOnly(2027, 3, 1);
        Assert.Equal([new MonthToDateAmount(march, 12m, "EUR"), new MonthToDateAmount(march, 49.75m, "USD")], options!.MonthToDate);
    }

    [Fact]
    public async Task GetAccountOptionsAsync_ReadUntracked_BillingRowsIncludedAndNothingLeftTracked()
    {
        await using var db = _database.CreateContext();

        var options = await new RemovalRequestService(db, _clock).GetAccountOptionsAsync(TestData.Requester, Owned);

        // The billing rows come with the account although no change tracker attached them: delete stays refused.
        Assert.NotEmpty(options!.Account.BillingRecords);
        Assert.True(options.Account.HasBillingData);
        Assert.NotEqual(true, options.Decision.For(RemovalOption.DeleteFromPlatform)?.IsAllowed);
        Assert.Empty(db.ChangeTracker.Entries());
    }

    [Fact]
    public async Task GetAccountOptionsAsync_WithOpenRequest_ReportsItAndNoImpact()
    {
        var submitted = await SubmitAsync(RemovalOption.AwsRemoveFromPayer, Owned);
        await using var db = _database.CreateContext();

        var options = await new RemovalRequestService(db, _clock).GetAccountOptionsAsync(TestData.Requester, Owned);

        Assert.Equal(submitted.Request!.Id, options!.OpenRequest!.RequestId);
        Assert.Null(options.RemoveFromPayerImpact);
        Assert.Empty(options.Decision.Allowed);
    }

    [Fact]
    public async Task GetAccountOptionsAsync_AccountOfAnotherReseller_Null()
    {
        await using var db = _database.CreateContext();

        Assert.Null(await new RemovalRequestService(db, _clock).GetAccountOptionsAsync(TestData.Requester, OtherResellersAccount));
        Assert.NotNull(await new RemovalRequestService(db, _clock).GetAccountOptionsAsync(TestData.SupportAgent, OtherResellersAccount));
    }

    [Fact]
    public async Task GetCustomerRemovalAsync_CustomerWithRecentUsage_DeniedWithWarning()
    {
        await using var db = _database.CreateContext();

        var answer = await new RemovalRequestService(db, _clock).GetCustomerRemovalAsync(TestData.Requester, TestData.CustomerId);

        Assert.NotNull(answer);
        Assert.False(answer.Value.Decision.IsAllowed);
        Assert.Null(await new RemovalRequestService(db, _clock).GetCustomerRemovalAsync(TestData.OtherResellerUser, TestData.CustomerId));
    }

    // ---- Helpers ----

    private async Task<WorkflowResult> SubmitAsync(
        RemovalOption option,
        string subjectId,
        string? key = null,
        Actor? actor = null,
        string? confirmation = null,
        TransferContactDraft? contact = null,
        string? reason = null,
        string? partnerName = null,
        string? partnerTenant = null,
        string? endCustomerEmail = null)
    {
        var command = new SubmitRemovalRequest(
            key ?? $"key-{++_keys}", actor ?? TestData.Requester, option, subjectId, confirmation, contact, reason, partnerName, partnerTenant, endCustomerEmail, "en");
        return await TurnAsync(service => service.SubmitAsync(command));
    }

    private Task<WorkflowResult> ApplyAsync(string requestId, RequestTrigger trigger, Actor actor, int? expectedVersion = null) =>
        TurnAsync(service => service.ApplyAsync(new ApplyRequestTrigger(requestId, trigger, actor, expectedVersion)));

    /// <summary>
    /// What the bot's turn pipeline does around the service: a fresh context, the command, one commit; when the commit
    /// loses a race, the same command again on a fresh context (it then sees what the other instance committed).
    /// </summary>
    private async Task<WorkflowResult> TurnAsync(Func<RemovalRequestService, Task<WorkflowResult>> command, BeforeFirstSave? race = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = attempt == 1 && race is not null ? _database.CreateContext(race) : _database.CreateContext();
            var result = await command(new RemovalRequestService(db, _clock));
            try
            {
                await db.SaveChangesAsync();
                return result;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
            }
        }
    }

    private async Task SaveDirectlyAsync(RemovalRequest request)
    {
        await using var db = _database.CreateContext();
        db.RemovalRequests.Add(request);
        await db.SaveChangesAsync();
    }

    private async Task<CloudAccount> LoadAccountAsync(string id)
    {
        await using var db = _database.CreateContext();
        return await db.CloudAccounts.Include(a => a.BillingRecords).SingleAsync(a => a.Id == id);
    }

    private async Task<RemovalRequest> LoadRequestAsync(string id)
    {
        await using var db = _database.CreateContext();
        return await db.RemovalRequests.SingleAsync(r => r.Id == id);
    }

    private async Task<List<AuditEvent>> AuditOfAsync(string entityType, string entityId)
    {
        await using var db = _database.CreateContext();
        return await db.AuditEvents.Where(e => e.EntityType == entityType && e.EntityId == entityId).OrderBy(e => e.Id).ToListAsync();
    }

    private async Task<List<string>> AuditActionsAsync(string requestId) =>
        [.. (await AuditOfAsync(nameof(RemovalRequest), requestId)).Select(e => e.Action)];

    private async Task AssertNoRequestsAsync()
    {
        await using var db = _database.CreateContext();
        Assert.Empty(await db.RemovalRequests.ToListAsync());
        Assert.Empty(await db.AuditEvents.ToListAsync());
    }
}
