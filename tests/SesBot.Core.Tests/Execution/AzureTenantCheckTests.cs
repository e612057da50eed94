using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SesBot.Core.Domain;
using SesBot.Core.Execution;
using SesBot.Core.Gateways;
using SesBot.Core.Persistence;
using SesBot.Core.Tests.Gateways.Azure;
using SesBot.Core.Tests.Support;

namespace SesBot.Core.Tests.Execution;

/// <summary>
/// The customer's Microsoft Entra tenant id against the real Partner Center client and a local Partner Center on
/// 127.0.0.1 that keeps the subscription under one tenant (404 under any other): without a tenant nothing is called and
/// nothing can be claimed; an entered tenant is kept only when the subscription is found under it; then the suspension's
/// GET, PATCH and read-back all go to <c>/v1/customers/{tenant}/subscriptions/{id}</c>.
/// </summary>
public sealed class AzureTenantCheckTests : IAsyncLifetime
{
    private const string AzureAccount = "z-pc";
    private const string Tenant = PartnerCenterTestHost.Customer;
    private const string SubscriptionId = PartnerCenterTestHost.SubscriptionId;
    private const string Wrong = "0e6a1f3c-5b7d-4c2e-8f9a-1b2c3d4e5f60";

    private readonly Actor _megan = new("msteams:t:megan", "Megan Bowen", Role.SupportAgent);
    private PartnerCenterServer _partnerCenter = null!;
    private ExecutionHarness _harness = null!;
    private string _status = "active";

    public async Task InitializeAsync()
    {
        _partnerCenter = await PartnerCenterServer.StartAsync(AnswerAsync);
        _harness = await ExecutionHarness.StartAsync(partnerCenter: _partnerCenter.Url, seed: db =>
        {
            db.Resellers.Add(new Reseller(TestData.ResellerId, "Northwind"));
            var customer = new Customer(TestData.CustomerId, TestData.ResellerId, "Contoso Ltd");
            customer.AddAccount(TestData.Azure(id: AzureAccount, subscription: SubscriptionId));
            db.Customers.Add(customer);
        });
    }

    public async Task DisposeAsync()
    {
        await _harness.DisposeAsync();
        await _partnerCenter.DisposeAsync();
    }

    [Fact]
    public async Task NoTenant_PreflightAsksForItClaimRefused_NothingSentToPartnerCenter()
    {
        var requestId = await _harness.SubmitAsync(RemovalOption.AzureSuspend, AzureAccount, reason: "Unpaid invoices");

        var report = await PreflightAsync(requestId);
        var claim = await _harness.ClickAsync(requestId, _megan);

        Assert.True(report.NeedsAzureTenant);
        Assert.True(report.HasBlocker);
        Assert.Null(report.AzureTenantId);
        Assert.Equal("Contoso Ltd", report.CustomerName);
        Assert.Equal(ClaimOutcome.Refused, claim.Outcome);
        Assert.Contains("tenant id", claim.Message, StringComparison.Ordinal);
        Assert.Empty(_partnerCenter.Requests);
        Assert.Equal(0, await _harness.ReadAsync(db => db.Set<CloudExecution>().CountAsync()));
    }

    [Fact]
    public async Task WrongTenant_PartnerCenter404_NotSavedNoAuditAndTheFormAgain()
    {
        var requestId = await _harness.SubmitAsync(RemovalOption.AzureSuspend, AzureAccount, reason: "Unpaid invoices");

        var check = await CheckAsync(requestId, Wrong.ToUpperInvariant());

        Assert.Equal(AzureTenantOutcome.NotFound, check.Outcome);
        Assert.Equal(Wrong, check.TenantId);
        Assert.True(check.Report.NeedsAzureTenant);
        Assert.False(check.IsRecorded);
        var request = Assert.Single(_partnerCenter.Requests);
        Assert.Equal(("GET", $"/v1/customers/{Wrong}/subscriptions/{SubscriptionId}"), (request.Method, request.RawTarget));
        Assert.Null(await TenantAsync());
        Assert.Equal(0, await _harness.ReadAsync(db => db.AuditEvents.CountAsync(e => e.Action == Customer.AzureTenantChanged)));
    }

    [Fact]
    public async Task RightTenant_SavedWithAuditThenSuspendedAtTheTenantsAddress()
    {
        var requestId = await _harness.SubmitAsync(RemovalOption.AzureSuspend, AzureAccount, reason: "Unpaid invoices");

        var check = await CheckAsync(requestId, "{" + Tenant.ToUpperInvariant() + "}");
        var claim = await _harness.ClickAsync(requestId, _megan);
        var run = await _harness.RunAsync(claim.Execution!.Id);

        Assert.Equal(AzureTenantOutcome.Saved, check.Outcome);
        Assert.Equal(("active", Tenant), (check.Report.Azure!.Status, check.Report.AzureTenantId));
        Assert.Equal(Tenant, await TenantAsync());
        var audit = await _harness.ReadAsync(db => db.AuditEvents.SingleAsync(e => e.Action == Customer.AzureTenantChanged));
        Assert.Equal(("Customer", TestData.CustomerId, "Megan Bowen", Role.SupportAgent), (audit.EntityType, audit.EntityId, audit.ActorName, audit.ActorRole));
        Assert.StartsWith($"(none) → {Tenant}; subscription {SubscriptionId} found under it", audit.Details, StringComparison.Ordinal);

        Assert.Equal(ClaimOutcome.Started, claim.Outcome);
        Assert.Equal(CloudExecutionStatus.Succeeded, run!.Execution.Status);
        var path = $"/v1/customers/{Tenant}/subscriptions/{SubscriptionId}";
        Assert.Equal(["GET " + path, "GET " + path, "PATCH " + path, "GET " + path], _partnerCenter.Requests.Select(r => r.Method + " " + r.RawTarget));
        var patch = JsonNode.Parse(_partnerCenter.Requests.Single(r => r.Method == "PATCH").Body)!;
        Assert.Equal("suspended", patch["status"]!.GetValue<string>());
        Assert.Equal("DZH318Z0BPS6:0001", patch["offerId"]!.GetValue<string>()); // the full resource travels back
        Assert.Equal(RequestStatus.Completed, await _harness.ReadAsync(db => db.RemovalRequests.Where(r => r.Id == requestId).Select(r => r.Status).SingleAsync()));

        // The same tenant again: found, nothing new recorded.
        var again = await CheckAsync(requestId, Tenant);
        Assert.Equal(AzureTenantOutcome.Unchanged, again.Outcome);
        Assert.Equal(1, await _harness.ReadAsync(db => db.AuditEvents.CountAsync(e => e.Action == Customer.AzureTenantChanged)));
    }

    [Fact]
    public async Task PartnerCenterRefuses_ReadFailedNotSaved()
    {
        var requestId = await _harness.SubmitAsync(RemovalOption.AzureSuspend, AzureAccount, reason: "Unpaid invoices");
        _status = "forbidden";

        var check = await CheckAsync(requestId, Tenant);

        Assert.Equal(AzureTenantOutcome.ReadFailed, check.Outcome);
        Assert.Contains("Admin agent", check.Message, StringComparison.Ordinal);
        Assert.Null(await TenantAsync());
    }

    /// <summary>Partner Center as it behaves for this partner: the subscription exists under <see cref="Tenant"/> only.</summary>
    private Task AnswerAsync(HttpContext context, PartnerCenterRequest request)
    {
        if (_status == "forbidden")
        {
            return PartnerCenterServer.Json(context, 403, """{"code":"900300","description":"Access denied"}""");
        }

        if (request.RawTarget != $"/v1/customers/{Tenant}/subscriptions/{SubscriptionId}")
        {
            return PartnerCenterServer.Json(context, 404, """{"code":"800002","description":"Subscription not found"}""");
        }

        if (request.Method == "PATCH")
        {
            _status = JsonNode.Parse(request.Body)!["status"]!.GetValue<string>();
        }

        return PartnerCenterServer.Json(context, 200, PartnerCenterTestHost.SubscriptionJson(_status));
    }

    private async Task<PreflightReport> PreflightAsync(string requestId)
    {
        await using var scope = _harness.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<CloudPreflight>().CheckAsync(requestId, CancellationToken.None))!;
    }

    /// <summary>One dispatcher run of the check, committed as the handler commits it.</summary>
    private async Task<AzureTenantCheck> CheckAsync(string requestId, string tenant)
    {
        await using var scope = _harness.Services.CreateAsyncScope();
        var check = await scope.ServiceProvider.GetRequiredService<CloudPreflight>()
            .CheckAzureTenantAsync(new AzureTenantAsk(requestId, tenant, _megan, null, null, null, null), CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<SesBotDbContext>().SaveChangesAsync();
        return check!;
    }

    private Task<string?> TenantAsync() =>
        _harness.ReadAsync(db => db.Customers.Where(c => c.Id == TestData.CustomerId).Select(c => c.AzureTenantId).SingleAsync());
}
