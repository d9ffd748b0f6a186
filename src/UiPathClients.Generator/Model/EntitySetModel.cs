namespace UiPathClients.Generator.Model;

/// <summary>An entity set or singleton of the entity container.</summary>
/// <param name="Name">The set's name as in the spec, also its URL segment.</param>
/// <param name="EntityType">Qualified entity type name, aliases resolved.</param>
/// <param name="IsSingleton">Whether it is a singleton rather than a set.</param>
/// <param name="NavigationBindings">Navigation property bindings (path → target set).</param>
/// <param name="Documentation">Core.Description / Core.LongDescription.</param>
internal sealed record EntitySetModel(
    string Name,
    string EntityType,
    bool IsSingleton,
    EquatableArray<NavigationBindingModel> NavigationBindings,
    Documentation Documentation);

/// <summary>A <c>NavigationPropertyBinding</c>.</summary>
internal sealed record NavigationBindingModel(string Path, string Target);
