using UiPathClients.Generator.Conventions;
using UiPathClients.Generator.Model;
using UiPathClients.Generator.Naming;

namespace UiPathClients.Generator.Plan;

/// <summary>
/// Everything decided about one client before a line is written: what is generated (which types get a filter surface,
/// which entity types an entity client, which types a constraint table), every name that more than one file uses, and
/// what the service's convention says of each REST operation. The writers read the plan and the model it annotates;
/// they decide no name another file depends on and never recognise a service by its JSON names.
/// </summary>
/// <param name="Model">The spec's model the plan annotates.</param>
/// <param name="Names">Every cross-file C# name.</param>
/// <param name="FilterSurfaceTypes">Entity and complex types a <c>$filter</c> can reach, in model order.</param>
/// <param name="EntityClients">Entity types a caller can reach as one entity, with what their client offers, in model order.</param>
/// <param name="ConstrainedTypes">Object types whose JSON carries a constraint (REST), by qualified name in ordinal order.</param>
/// <param name="HasConstraints">Whether the client checks anything: a parameter or a property declares a constraint.</param>
/// <param name="RestGroups">The REST sub-clients, in emit order.</param>
/// <param name="ResponseCheck">How every REST answer is checked before its body is read.</param>
internal sealed record ClientPlan(
    ClientModel Model,
    ClientNames Names,
    EquatableArray<string> FilterSurfaceTypes,
    EquatableArray<EntityClientPlan> EntityClients,
    EquatableArray<string> ConstrainedTypes,
    bool HasConstraints,
    EquatableArray<RestGroupPlan> RestGroups,
    ResponseCheck ResponseCheck);

/// <summary>An entity type with a client of its own, and what the client offers.</summary>
/// <param name="EntityType">The entity type's qualified name.</param>
/// <param name="Capabilities">What any set of the type accepts (everything, for a type reached only through navigation and in no set).</param>
internal sealed record EntityClientPlan(string EntityType, EntitySetCapabilities Capabilities);

/// <summary>One REST sub-client: the operations of one group (first tag, else first path segment).</summary>
/// <param name="Key">The group's name in PascalCase (operations whose group names differ only in case share one).</param>
/// <param name="Operations">The group's operations in description order.</param>
/// <param name="StreamLoops">The fetch/advance pairs among them the convention runs as a loop.</param>
internal sealed record RestGroupPlan(string Key, EquatableArray<RestOperationPlan> Operations, EquatableArray<StreamLoopConvention> StreamLoops);

/// <summary>One REST operation with what the service's convention says of it.</summary>
/// <param name="Operation">The operation.</param>
/// <param name="Envelope">The envelope its answer comes in, if any.</param>
/// <param name="ContinuationPaging">How its answers page by a continuation token, if they do.</param>
internal sealed record RestOperationPlan(RestOperationModel Operation, EnvelopeConvention? Envelope, ContinuationPagingConvention? ContinuationPaging);

/// <summary>The plan of one spec file; <see langword="null"/> when the spec could not be read.</summary>
internal sealed record SpecPlan(string FilePath, ClientPlan? Plan);
