namespace UiPathClients.Generator.Model;

/// <summary>An entity set or singleton of the entity container.</summary>
/// <param name="Name">The set's name as in the spec, also its URL segment.</param>
/// <param name="EntityType">Qualified entity type name, aliases resolved.</param>
/// <param name="IsSingleton">Whether it is a singleton rather than a set.</param>
/// <param name="NavigationBindings">Navigation property bindings (path → target set).</param>
/// <param name="Documentation">Core.Description / Core.LongDescription.</param>
/// <param name="Capabilities">What the service lets a client do with it (Capabilities vocabulary restrictions).</param>
internal sealed record EntitySetModel(
    string Name,
    string EntityType,
    bool IsSingleton,
    EquatableArray<NavigationBindingModel> NavigationBindings,
    Documentation Documentation,
    EntitySetCapabilities Capabilities);

/// <summary>
/// The requests a service accepts on an entity set or singleton, from the Capabilities vocabulary
/// (<c>ReadRestrictions</c>, <c>IndexableByKey</c>, <c>InsertRestrictions</c>, <c>UpdateRestrictions</c>,
/// <c>DeleteRestrictions</c>, <c>NavigationRestrictions</c>). No annotation means allowed, as the vocabulary says;
/// an <c>UpdateRestrictions</c> without <c>UpdateMethod</c> allows both PUT and PATCH.
/// </summary>
/// <param name="Queryable">GET on the collection (with query options).</param>
/// <param name="ReadableByKey">GET on one entity (<c>Set(key)</c>, or the singleton).</param>
/// <param name="IndexableByKey">Entities are addressed by key at all (<c>Set(key)</c> and paths below it).</param>
/// <param name="Insertable">POST on the collection.</param>
/// <param name="Replaceable">PUT on one entity.</param>
/// <param name="Patchable">PATCH on one entity.</param>
/// <param name="Deletable">DELETE on one entity.</param>
/// <param name="Navigable">Paths through navigation properties (<c>Set(key)/Nav</c>).</param>
internal sealed record EntitySetCapabilities(
    bool Queryable,
    bool ReadableByKey,
    bool IndexableByKey,
    bool Insertable,
    bool Replaceable,
    bool Patchable,
    bool Deletable,
    bool Navigable)
{
    /// <summary>A set no restriction is written for.</summary>
    public static readonly EntitySetCapabilities Unrestricted = new(true, true, true, true, true, true, true, true);

    /// <summary>What either allows: the entity client of a type shared by several sets offers what any of them does.</summary>
    public EntitySetCapabilities Union(EntitySetCapabilities other) => new(
        Queryable || other.Queryable,
        ReadableByKey || other.ReadableByKey,
        IndexableByKey || other.IndexableByKey,
        Insertable || other.Insertable,
        Replaceable || other.Replaceable,
        Patchable || other.Patchable,
        Deletable || other.Deletable,
        Navigable || other.Navigable);
}

/// <summary>A <c>NavigationPropertyBinding</c>.</summary>
internal sealed record NavigationBindingModel(string Path, string Target);
