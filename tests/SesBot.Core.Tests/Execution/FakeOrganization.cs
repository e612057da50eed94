using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using SesBot.Core.Tests.Gateways.Aws.Support;

namespace SesBot.Core.Tests.Execution;

/// <summary>
/// The state behind a local Organizations stand-in (<see cref="AwsStandInServer"/>, real HTTP, SigV4 checked): member
/// accounts with tags, answering DescribeAccount, ListAccounts (paged), ListTagsForResource,
/// ListDelegatedServicesForAccount and RemoveAccountFromOrganization the way AWS does. It counts every removal call,
/// and can be told how a removal behaves (answer, refuse, or take effect and then hang so the client gives up).
/// </summary>
internal sealed class FakeOrganization
{
    private readonly ConcurrentDictionary<string, bool> _members = new(StringComparer.Ordinal);
    private int _removeCalls;

    public FakeOrganization(params string[] members)
    {
        foreach (var member in members)
        {
            _members[member] = true;
        }
    }

    public int RemoveCalls => Volatile.Read(ref _removeCalls);

    /// <summary>How the next removals behave.</summary>
    public RemovalBehaviour Removal { get; set; } = RemovalBehaviour.Answer;

    /// <summary>Set by a removal that hangs, once it has taken effect.</summary>
    public TaskCompletionSource Removed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsMember(string accountId) => _members.ContainsKey(accountId);

    /// <summary>The payer's inbound billing transfers, when the test has one.</summary>
    public FakeBillingTransfers? Transfers { get; init; }

    public async Task HandleAsync(AwsStandInRequest request, HttpContext context)
    {
        if (Transfers is not null && FakeBillingTransfers.Handles(request.Operation))
        {
            await Transfers.HandleAsync(request, context);
            return;
        }

        using var body = JsonDocument.Parse(request.Body.Length == 0 ? "{}" : request.Body);
        var accountId = body.RootElement.TryGetProperty("AccountId", out var id) ? id.GetString()
            : body.RootElement.TryGetProperty("ResourceId", out var resource) ? resource.GetString() : null;
        switch (request.Operation)
        {
            case "DescribeAccount" when accountId is not null && IsMember(accountId):
                await AwsStandInServer.Json(context, 200, $$"""{"Account":{{AccountJson(accountId)}}}""");
                return;
            case "DescribeAccount" or "ListTagsForResource" or "ListDelegatedServicesForAccount" when accountId is null || !IsMember(accountId):
                await AwsStandInServer.Json(context, 400, $$"""{"__type":"AccountNotFoundException","Message":"You specified an account that doesn't exist."}""");
                return;
            case "ListTagsForResource":
                await AwsStandInServer.Json(context, 200, """{"Tags":[{"Key":"cost-center","Value":"4711"},{"Key":"owner","Value":"contoso"}]}""");
                return;
            case "ListDelegatedServicesForAccount":
                await AwsStandInServer.Json(context, 200, """{"DelegatedServices":[]}""");
                return;
            case "ListAccounts":
                // Two pages, as AWS pages at most 20: the member list must be read to the end.
                var token = body.RootElement.TryGetProperty("NextToken", out var next) ? next.GetString() : null;
                var all = _members.Keys.Order(StringComparer.Ordinal).ToList();
                var page = token is null ? all.Take(1) : all.Skip(1);
                var nextToken = token is null && all.Count > 1 ? ",\"NextToken\":\"page-2\"" : string.Empty;
                await AwsStandInServer.Json(context, 200, $$"""{"Accounts":[{{string.Join(",", page.Select(AccountJson))}}]{{nextToken}}}""");
                return;
            case "RemoveAccountFromOrganization":
                await RemoveAsync(accountId!, context);
                return;
            default:
                await AwsStandInServer.Json(context, 400, """{"__type":"InvalidInputException","Message":"Unexpected operation."}""");
                return;
        }
    }

    private async Task RemoveAsync(string accountId, HttpContext context)
    {
        Interlocked.Increment(ref _removeCalls);
        if (!IsMember(accountId))
        {
            await AwsStandInServer.Json(context, 400, """{"__type":"AccountNotFoundException","Message":"You specified an account that doesn't exist."}""");
            return;
        }

        switch (Removal)
        {
            case RemovalBehaviour.RefusePaymentInstrument:
                await AwsStandInServer.Json(context, 400,
                    """{"__type":"ConstraintViolationException","Message":"The member account must have a payment instrument.","Reason":"MEMBER_ACCOUNT_PAYMENT_INSTRUMENT_REQUIRED"}""");
                return;
            case RemovalBehaviour.TakeEffectThenHang:
                _members.TryRemove(accountId, out _);
                Removed.TrySetResult();
                await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
                return;
            case RemovalBehaviour.ServerErrorWithoutEffect:
                await AwsStandInServer.Json(context, 500, """{"__type":"ServiceException","Message":"Internal failure."}""");
                return;
            default:
                _members.TryRemove(accountId, out _);
                await AwsStandInServer.Json(context, 200, "{}");
                return;
        }
    }

    private static string AccountJson(string accountId) =>
        $$"""{"Id":"{{accountId}}","Arn":"arn:aws:organizations::999988887777:account/o-test/{{accountId}}","Email":"{{accountId}}@example.com","Name":"Account {{accountId}}","State":"ACTIVE","JoinedMethod":"INVITED","JoinedTimestamp":1735000000}""";
}
