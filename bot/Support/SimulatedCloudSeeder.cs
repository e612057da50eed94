using Microsoft.Extensions.Options;
using SesBot.Core.Gateways;
using SesBot.Core.Gateways.Simulated;

namespace SesBot.Bot.Support;

/// <summary>
/// At start, seeds the simulated organization and Partner Center with SES's accounts when that side is simulated
/// (nothing configured under <c>Aws</c> / <c>PartnerCenter</c>), so the demo behaviours of docs/aws.md §6 are in the
/// database before anyone looks, then puts the failures chosen in <c>Simulation:Failures</c> on their rows
/// (<see cref="SimulatedFailureSettings"/>). Runs after the database is migrated and seeded (hosted services start
/// after that). Nothing here stops the bot from starting.
/// </summary>
public sealed class SimulatedCloudSeeder(
    IServiceScopeFactory scopes, IConfiguration configuration, IOptions<SimulationOptions> simulation, ILogger<SimulatedCloudSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var aws = !CloudGatewayServiceCollectionExtensions.UsesRealAws(configuration);
        var azure = !CloudGatewayServiceCollectionExtensions.UsesRealPartnerCenter(configuration);
        var failures = simulation.Value.Failures;
        if (!aws && !azure)
        {
            if (failures.Count > 0)
            {
                Log.SimulatedFailuresIgnored(logger, failures.Count);
            }

            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        try
        {
            await scope.ServiceProvider.GetRequiredService<SimulatedCloudSeed>().SeedAsync(aws, azure, cancellationToken);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            // Not fatal: every simulated account still joins on first use.
            Log.SimulatedSeedFailed(logger, ex);
        }

        if (failures.Count == 0)
        {
            return;
        }

        try
        {
            await scope.ServiceProvider.GetRequiredService<SimulatedFailureSettings>().ApplyAsync(failures, aws, azure, cancellationToken);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            Log.SimulatedFailuresFailed(logger, ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
