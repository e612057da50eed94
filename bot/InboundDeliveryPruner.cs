using SesBot.Core.Conversations;

namespace SesBot.Bot;

/// <summary>Once a day, forgets inbound deliveries old enough that no channel redelivers them any more.</summary>
internal sealed class InboundDeliveryPruner(IServiceScopeFactory scopes, TimeProvider clock, ILogger<InboundDeliveryPruner> logger) : BackgroundService
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(14);
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    /// <summary>The first prune waits this long after the start, so that a fresh process answers its first turns first.</summary>
    public static readonly TimeSpan FirstRunDelay = TimeSpan.FromMinutes(1);

    public async Task<int> PruneOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var removed = await scope.ServiceProvider.GetRequiredService<DeliveryLedger>().PruneAsync(Retention, cancellationToken);
        Log.DeliveriesPruned(logger, removed);
        return removed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(FirstRunDelay, clock, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await PruneOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.DeliveriesPruneFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
