using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SesBot.Core.Tests.Support;

/// <summary>
/// Runs something once, just before a context's first save: the moment another instance of the bot would have to
/// act for a race to happen. Lets a test stage a concurrent change deterministically.
/// </summary>
public sealed class BeforeFirstSave(Func<Task> action) : SaveChangesInterceptor
{
    private bool _done;

    /// <summary>Whether a save ran it (EF Core's save calls its interceptors).</summary>
    public bool Called => _done;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (!_done)
        {
            _done = true;
            await action();
        }

        return result;
    }
}
