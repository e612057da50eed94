using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace SesBot.Core.Gateways.Aws;

/// <summary>Registers <see cref="AwsOrganizationsClient"/>: options from <c>Aws:</c>, credentials, retries, signing.</summary>
public static class AwsServiceCollectionExtensions
{
    public const string SigningService = "organizations";

    public static IServiceCollection AddAwsOrganizations(this IServiceCollection services)
    {
        services.AddOptions<AwsOrganizationsOptions>()
            .BindConfiguration(AwsOrganizationsOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAwsCredentialSource, AwsCredentialSource>();

        var client = services.AddHttpClient<AwsOrganizationsClient>((sp, http) =>
            {
                http.BaseAddress = sp.GetRequiredService<IOptions<AwsOrganizationsOptions>>().Value.ResolveEndpoint();
                http.Timeout = Timeout.InfiniteTimeSpan; // the resilience pipeline bounds each attempt and the whole call
            });
        client.AddResilienceHandler("aws-organizations", static (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<AwsOrganizationsOptions>>().Value;
                var logger = context.ServiceProvider.GetRequiredService<ILogger<AwsOrganizationsClient>>();
                var retryAfterBudget = options.MaxRetryAfter * options.MaxRetries;
                pipeline.AddTimeout(options.AttemptTimeout * (options.MaxRetries + 1) + retryAfterBudget);
                if (options.MaxRetries > 0)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = options.MaxRetries,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = options.RetryBaseDelay,
                        MaxDelay = options.MaxRetryAfter,
                        ShouldRetryAfterHeader = true,
                        ShouldHandle = static async args => args.Outcome.Result is { } response
                            && await AwsRetryPolicy.RetryCauseAsync(response, args.Context.CancellationToken).ConfigureAwait(false) is not null,
                        OnRetry = args =>
                        {
                            if (logger.IsEnabled(LogLevel.Information))
                            {
                                var response = args.Outcome.Result;
                                var operation = AwsRetryPolicy.OperationOf(response?.RequestMessage);
                                var cause = response is null ? "exception" : $"HTTP {(int)response.StatusCode}";
                                Log.AwsRetrying(logger, operation, args.AttemptNumber + 1, args.RetryDelay, cause);
                            }

                            return ValueTask.CompletedTask;
                        },
                    });
                }

                pipeline.AddTimeout(options.AttemptTimeout);
            });

        // Added after the resilience handler, so it runs inside it: every attempt is signed afresh.
        client.AddHttpMessageHandler(sp =>
            {
                var options = sp.GetRequiredService<IOptions<AwsOrganizationsOptions>>().Value;
                return new SigV4SigningHandler(
                    sp.GetRequiredService<IAwsCredentialSource>(), sp.GetRequiredService<TimeProvider>(), options.Region, SigningService);
            });
        return services;
    }
}
