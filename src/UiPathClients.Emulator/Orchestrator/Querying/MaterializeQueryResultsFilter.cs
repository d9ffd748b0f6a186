using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace UiPathClients.Emulator.Orchestrator.Querying;

/// <summary>
/// Runs every query a controller answers with before the response starts. An <see cref="IQueryable"/> result is lazy:
/// left to the OData serializer, a query that fails while it runs (<c>$filter=Id div 0 eq 1</c>) would fail after the
/// 200 status line is on the wire, and the client would see a reset connection. Enumerated here, such a failure becomes
/// a 400 with an OData error instead, and the serializer writes rows already in memory.
/// </summary>
internal sealed class MaterializeQueryResultsFilter : IAsyncResultFilter
{
    private static readonly MethodInfo MaterializeOfT =
        typeof(MaterializeQueryResultsFilter).GetMethod(nameof(Materialize), BindingFlags.NonPublic | BindingFlags.Static)!;

    public Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        if (context.Result is ObjectResult { Value: IQueryable query } result)
        {
            try
            {
                // Same element type, so the serializer and the declared type see the same IQueryable<T> as before.
                result.Value = MaterializeOfT.MakeGenericMethod(query.ElementType)
                    .Invoke(null, BindingFlags.DoNotWrapExceptions, binder: null, [query], culture: null);
            }
            catch (Exception exception) when (QueryFaults.IsCausedByTheQuery(exception))
            {
                context.Result = QueryFaults.FailedWhileRunning(exception);
            }
        }

        return next();
    }

    private static IQueryable<T> Materialize<T>(IQueryable<T> query) => new List<T>(query).AsQueryable();
}
