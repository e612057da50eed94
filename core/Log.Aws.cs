using Microsoft.Extensions.Logging;

namespace SesBot.Core;

/// <summary>AWS Organizations gateway: event ids 7000-7099.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 7000, Level = LogLevel.Warning, Message = "AWS Organizations {Operation} failed: {Code} {Reason} (HTTP {Status})")]
    public static partial void AwsCallFailed(ILogger logger, string operation, string code, string? reason, int? status);

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "AWS Organizations {Operation} retry {Attempt} in {Delay} after {Cause}")]
    public static partial void AwsRetrying(ILogger logger, string operation, int attempt, TimeSpan delay, string cause);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "Assumed role {RoleArn}; session valid until {Expiration}")]
    public static partial void AwsRoleAssumed(ILogger logger, string roleArn, DateTimeOffset expiration);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Warning, Message = "Could not assume role {RoleArn}: {Code}")]
    public static partial void AwsAssumeRoleFailed(ILogger logger, string roleArn, string? code);
}
