using UiPathClients.Generator.Model;

namespace UiPathClients.Generator.Plan;

/// <summary>Which OData client class a <see cref="ODataClientPlan"/> is.</summary>
internal enum ODataClientKind
{
    /// <summary>The service client: an accessor per entity set and singleton, a method per operation import.</summary>
    Service,

    /// <summary>An entity set's class: query, create, the key indexer, the operations bound to the collection.</summary>
    EntitySet,

    /// <summary>An entity client: read, change, delete, the operations bound to one entity, its navigation properties.</summary>
    Entity,
}

/// <summary>One OData client class and the members the service gives it.</summary>
/// <param name="Kind">Which class.</param>
/// <param name="Name">The entity set's name (<see cref="ODataClientKind.EntitySet"/>), the entity type's qualified name (<see cref="ODataClientKind.Entity"/>), or empty (<see cref="ODataClientKind.Service"/>).</param>
/// <param name="Accessors">The service client's entity sets and singletons, by name; empty for the other kinds.</param>
/// <param name="Operations">The operation overloads callable from the class, in the order their methods are written.</param>
/// <param name="Navigations">The entity client's navigation properties that lead to another client.</param>
internal sealed record ODataClientPlan(
    ODataClientKind Kind,
    string Name,
    EquatableArray<string> Accessors,
    EquatableArray<ODataOperationPlan> Operations,
    EquatableArray<ODataNavigationPlan> Navigations);

/// <summary>An operation overload callable from a client class.</summary>
/// <param name="OperationIndex">The overload's position in <see cref="ClientModel.Operations"/>.</param>
/// <param name="Segment">Its path segment: the import's name, the qualified name, or a cast and the qualified name (<c>NS.Derived/NS.Op</c>).</param>
/// <param name="IsImport">Whether it is called through an operation import at the service root.</param>
internal sealed record ODataOperationPlan(int OperationIndex, string Segment, bool IsImport)
{
    /// <summary>Bound to a derived type, reached through a type-cast segment.</summary>
    public bool IsCast(ClientModel model) => !IsImport && Segment != model.Operations[OperationIndex].QualifiedName;
}

/// <summary>A navigation property of an entity client that leads to another client.</summary>
/// <param name="DeclaringType">The qualified name of the type that declares the property (the entity or a base type).</param>
/// <param name="Property">The property's name in the spec.</param>
/// <param name="IsCollection">A collection, queried like a set; else one entity, addressed like one read by key.</param>
internal sealed record ODataNavigationPlan(string DeclaringType, string Property, bool IsCollection);
