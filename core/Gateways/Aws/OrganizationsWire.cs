using System.Text.Json.Serialization;

namespace SesBot.Core.Gateways.Aws;

// The request and response bodies of the operations SesBot uses (awsJson1_1, member names as in the service model).
internal sealed record EmptyRequest;

internal sealed record AccountIdRequest([property: JsonPropertyName("AccountId")] string AccountId);

internal sealed record PageRequest(
    [property: JsonPropertyName("NextToken")] string? NextToken,
    [property: JsonPropertyName("MaxResults")] int? MaxResults);

internal sealed record AccountPageRequest(
    [property: JsonPropertyName("AccountId")] string AccountId,
    [property: JsonPropertyName("NextToken")] string? NextToken,
    [property: JsonPropertyName("MaxResults")] int? MaxResults);

internal sealed record TagsRequest(
    [property: JsonPropertyName("ResourceId")] string ResourceId,
    [property: JsonPropertyName("NextToken")] string? NextToken);

// Members in the service model's order (Type, Id, NextToken, MaxResults): the signed payload is then byte for byte the SDKs'.
internal sealed record InboundTransfersRequest(
    [property: JsonPropertyName("Type")] string Type,
    [property: JsonPropertyName("Id")] string? Id,
    [property: JsonPropertyName("NextToken")] string? NextToken,
    [property: JsonPropertyName("MaxResults")] int? MaxResults);

internal sealed record TerminateTransferRequest(
    [property: JsonPropertyName("Id")] string Id,
    [property: JsonPropertyName("EndTimestamp")] DateTimeOffset? EndTimestamp);

internal sealed record DescribeOrganizationResponse([property: JsonPropertyName("Organization")] AwsOrganization? Organization);

internal sealed record DescribeAccountResponse([property: JsonPropertyName("Account")] AwsAccount? Account);

internal sealed record TransferResponse([property: JsonPropertyName("ResponsibilityTransfer")] AwsResponsibilityTransfer? ResponsibilityTransfer);

internal sealed record EmptyResponse;

internal interface IPage<T>
{
    IReadOnlyList<T>? Items { get; }

    string? NextToken { get; }
}

internal sealed record AccountsPage(
    [property: JsonPropertyName("Accounts")] IReadOnlyList<AwsAccount>? Items,
    [property: JsonPropertyName("NextToken")] string? NextToken) : IPage<AwsAccount>;

internal sealed record TagsPage(
    [property: JsonPropertyName("Tags")] IReadOnlyList<AwsTag>? Items,
    [property: JsonPropertyName("NextToken")] string? NextToken) : IPage<AwsTag>;

internal sealed record DelegatedServicesPage(
    [property: JsonPropertyName("DelegatedServices")] IReadOnlyList<AwsDelegatedService>? Items,
    [property: JsonPropertyName("NextToken")] string? NextToken) : IPage<AwsDelegatedService>;

internal sealed record TransfersPage(
    [property: JsonPropertyName("ResponsibilityTransfers")] IReadOnlyList<AwsResponsibilityTransfer>? Items,
    [property: JsonPropertyName("NextToken")] string? NextToken) : IPage<AwsResponsibilityTransfer>;

internal sealed record ErrorBody(
    [property: JsonPropertyName("__type")] string? Type,
    [property: JsonPropertyName("code")] string? Code,
    [property: JsonPropertyName("Message")] string? Message,
    [property: JsonPropertyName("message")] string? LowerMessage,
    [property: JsonPropertyName("Reason")] string? Reason);
