using System;
using System.Threading;
using System.Threading.Tasks;
using UiPathClients.Runtime.Querying;

namespace UiPathClients.Runtime.Client;

/// <summary>
/// The entities a collection-valued navigation property of one entity leads to (<c>client.Authors[101].Books</c> →
/// <c>Authors(101)/books</c>): query them like an entity set (<c>Where</c>, <c>OrderBy</c>, <c>Top</c>, <c>Select</c>,
/// <c>Expand</c>, <c>await foreach</c>), or create one related to the entity.
/// </summary>
/// <typeparam name="TEntity">The related entity type.</typeparam>
/// <typeparam name="TSurface">The related entity type's filter surface.</typeparam>
public sealed class NavigationCollectionClient<TEntity, TSurface> : EntitySetClient<TEntity, TSurface>
    where TEntity : class
    where TSurface : FilterSurface
{
    /// <summary>Creates the client of the related entities at <paramref name="path"/>, e.g. <c>Authors(101)/books</c>.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="path">The navigation's path relative to the service root.</param>
    /// <param name="surface">The related type's filter surface at the root.</param>
    public NavigationCollectionClient(ODataConnection connection, string path, TSurface surface)
        : base(connection, path, surface)
    {
    }

    /// <summary>Creates an entity related to the one this navigation starts from: <c>POST {entity}/{navigation}</c>.</summary>
    /// <param name="entity">The entity to create.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The entity as the service stored it, never <paramref name="entity"/> itself.</returns>
    public Task<TEntity> CreateAsync(TEntity entity, CancellationToken cancellationToken = default) => CreateEntityAsync(entity, cancellationToken);
}
