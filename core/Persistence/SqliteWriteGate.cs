using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SesBot.Core.Persistence;

/// <summary>
/// SQLite has one writer at a time. Rather than letting concurrent writers collide and wait in the provider's
/// busy-retry loop (a blocking 150 ms sleep per retry), every write transaction of this process passes one gate:
/// writes queue in memory, asynchronously, and each commit finds the database free. Readers are not gated (WAL lets
/// them run beside the writer). The gate is held only around database work, never around other I/O.
/// Registered with the SQLite DbContext's options; <see cref="SesBotDbContext"/> takes it around every SaveChanges.
/// </summary>
public sealed class SqliteWriteGate : IInterceptor, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Runs a write that does not go through SaveChanges (ExecuteUpdate/ExecuteDelete, a raw statement) inside the gate.</summary>
    public async Task<T> WriteAsync<T>(Func<CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await write(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public T Write<T>(Func<T> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        _gate.Wait();
        try
        {
            return write();
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
