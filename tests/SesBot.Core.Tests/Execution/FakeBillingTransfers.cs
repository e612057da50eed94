using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using SesBot.Core.Tests.Gateways.Aws.Support;

namespace SesBot.Core.Tests.Execution;

/// <summary>
/// The payer's inbound billing transfers behind the Organizations stand-in: one transfer, answering
/// ListInboundResponsibilityTransfers (type and id filters) and TerminateResponsibilityTransfer the way AWS does
/// (status WITHDRAWN, the end timestamp it was given). It counts every termination and records the end it was sent.
/// </summary>
internal sealed class FakeBillingTransfers(string transferId, string sourceAccountId, DateTimeOffset startedAt)
{
    private readonly Lock _gate = new();
    private int _terminateCalls;
    private long? _endEpoch;

    public int TerminateCalls => Volatile.Read(ref _terminateCalls);

    /// <summary>How terminations behave: <see cref="RemovalBehaviour.Answer"/> or <see cref="RemovalBehaviour.TakeEffectThenHang"/>.</summary>
    public RemovalBehaviour Termination { get; set; } = RemovalBehaviour.Answer;

    /// <summary>The end timestamp the transfer was given, as epoch seconds.</summary>
    public long? EndEpoch
    {
        get
        {
            lock (_gate)
            {
                return _endEpoch;
            }
        }
    }

    public static bool Handles(string operation) => operation is "ListInboundResponsibilityTransfers" or "TerminateResponsibilityTransfer";

    public async Task HandleAsync(AwsStandInRequest request, HttpContext context)
    {
        using var body = JsonDocument.Parse(request.Body.Length == 0 ? "{}" : request.Body);
        var root = body.RootElement;
        var id = root.TryGetProperty("Id", out var idElement) ? idElement.GetString() : null;
        if (request.Operation == "ListInboundResponsibilityTransfers")
        {
            var billing = root.TryGetProperty("Type", out var type) && type.GetString() == "BILLING";
            var match = billing && (id is null || id == transferId);
            await AwsStandInServer.Json(context, 200, $$"""{"ResponsibilityTransfers":[{{(match ? TransferJson() : string.Empty)}}]}""");
            return;
        }

        Interlocked.Increment(ref _terminateCalls);
        if (id != transferId)
        {
            await AwsStandInServer.Json(context, 400, """{"__type":"ResponsibilityTransferNotFoundException","Message":"The transfer does not exist."}""");
            return;
        }

        lock (_gate)
        {
            _endEpoch = root.GetProperty("EndTimestamp").GetInt64();
        }

        if (Termination == RemovalBehaviour.TakeEffectThenHang)
        {
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
            return;
        }

        await AwsStandInServer.Json(context, 200, $$"""{"ResponsibilityTransfer":{{TransferJson()}}}""");
    }

    private string TransferJson()
    {
        var end = EndEpoch;
        var status = end is null ? "ACCEPTED" : "WITHDRAWN";
        var endMember = end is null ? string.Empty : string.Create(CultureInfo.InvariantCulture, $",\"EndTimestamp\":{end}");
        return string.Create(CultureInfo.InvariantCulture,
            $$"""{"Id":"{{transferId}}","Type":"BILLING","Status":"{{status}}","Source":{"ManagementAccountId":"{{sourceAccountId}}"},"Target":{"ManagementAccountId":"999988887777"},"StartTimestamp":{{startedAt.ToUnixTimeSeconds()}}{{endMember}}}""");
    }
}
