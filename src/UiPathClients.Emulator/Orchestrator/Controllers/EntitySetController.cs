using System;
using UiPathClients.Emulator.Orchestrator.Data;
using UiPathClients.Emulator.Hosting;
using UiPathClients.Emulator.Orchestrator.Routing;

namespace UiPathClients.Emulator.Orchestrator.Controllers;

/// <summary>
/// CRUD and queries over the in-memory table of an entity set no hand-written controller serves. One closure
/// per such set is made at startup (<see cref="EntitySetControllers"/>) and named after its set, so OData
/// convention routing finds it; which of its methods a request may reach is decided by the set's Capabilities
/// (<see cref="DescribedRoutesMiddleware"/>).
/// </summary>
/// <typeparam name="TEntity">The set's generated entity class.</typeparam>
/// <typeparam name="TKey">The CLR type of its key.</typeparam>
internal sealed class EntitySetController<TEntity, TKey> : TableController<TEntity, TKey>
    where TEntity : class
    where TKey : notnull
{
    public EntitySetController(EmulatorState state)
        : base(state)
    {
    }

    protected override EntityTable<TEntity, TKey> Table => State.Data.Table<TEntity, TKey>(EntitySetControllers.EntitySetOf(GetType()));

    protected override string EntityName => typeof(TEntity).Name.EndsWith("Dto", StringComparison.Ordinal) ? typeof(TEntity).Name[..^3] : typeof(TEntity).Name;
}
