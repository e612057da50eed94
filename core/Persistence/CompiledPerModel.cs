using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace SesBot.Core.Persistence;

/// <summary>
/// A compiled EF Core query (<see cref="EF.CompileAsyncQuery{TContext, TResult}(System.Linq.Expressions.Expression{Func{TContext, CancellationToken, Task{TResult}}})"/>)
/// for each model it runs against: a compiled query may only ever meet one model, and SesBot has one per provider
/// (SQLite and PostgreSQL, both in the same test process). Hot queries skip EF Core's per-call translation lookup.
/// </summary>
internal sealed class CompiledPerModel<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _byModel = [];

    public TQuery For(DbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return _byModel.GetValue(context.Model, _ => compile());
    }
}
