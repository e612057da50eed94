using Microsoft.Extensions.Diagnostics.HealthChecks;
using SesBot.Core.Persistence;

namespace SesBot.Bot;

/// <summary>Healthy when the database answers.</summary>
internal sealed class DatabaseHealthCheck(SesBotDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not answer.");
}
