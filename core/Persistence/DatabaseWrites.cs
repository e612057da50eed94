using Microsoft.Extensions.DependencyInjection;

namespace SesBot.Core.Persistence;

/// <summary>
/// Runs a write that bypasses SaveChanges (ExecuteUpdate, ExecuteDelete) the way SaveChanges runs: through the
/// SQLite write gate when the database is SQLite, directly otherwise.
/// </summary>
public sealed class DatabaseWrites(IServiceProvider services)
{
    private readonly SqliteWriteGate? _gate = services.GetService<SqliteWriteGate>();

    public Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        return _gate is null ? write(cancellationToken) : _gate.WriteAsync(write, cancellationToken);
    }
}
