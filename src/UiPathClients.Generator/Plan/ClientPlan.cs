using UiPathClients.Generator.Conventions;
using UiPathClients.Generator.Diagnostics;
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
/// <param name="ODataClients">The OData client classes: the service client, then the entity sets' classes, then the entity clients.</param>
internal sealed record ClientPlan(
    ClientModel Model,
    ClientNames Names,
    EquatableArray<string> FilterSurfaceTypes,
    EquatableArray<EntityClientPlan> EntityClients,
    EquatableArray<string> ConstrainedTypes,
    bool HasConstraints,
    EquatableArray<RestGroupPlan> RestGroups,
    ResponseCheck ResponseCheck,
    EquatableArray<ODataClientPlan> ODataClients);

/// <summary>An entity type with a client of its own, and what the client offers.</summary>
/// <param name="EntityType">The entity type's qualified name.</param>
/// <param name="Capabilities">What any set of the type accepts (everything, for a type reached only through navigation and in no set).</param>
internal sealed record EntityClientPlan(string EntityType, EntitySetCapabilities Capabilities);

/// <summary>One REST sub-client: the operations of one group (first tag, else first path segment).</summary>
/// <param name="Key">The group's name in PascalCase (operations whose group names differ only in case share one).</param>
/// <param name="Operations">The group's operations in description order.</param>
/// <param name="StreamLoops">The fetch/advance pairs among them the convention runs as a loop.</param>
internal sealed record RestGroupPlan(string Key, EquatableArray<RestOperationPlan> Operations, EquatableArray<StreamLoopConvention> StreamLoops);

/// <summary>One REST operation: the C# shape of its answer and paging, and what the service's convention says of it.</summary>
/// <param name="Operation">The operation.</param>
/// <param name="Answer">What its methods return.</param>
/// <param name="Envelope">The envelope its answer comes in (<see cref="RestAnswerKind.Envelope"/>).</param>
/// <param name="Paging">How its answers page.</param>
/// <param name="ContinuationPaging">How its answers page by a continuation token (<see cref="RestPagingKind.Continuation"/>).</param>
internal sealed record RestOperationPlan(
    RestOperationModel Operation,
    RestAnswerKind Answer,
    EnvelopeConvention? Envelope,
    RestPagingKind Paging,
    ContinuationPagingConvention? ContinuationPaging);

/// <summary>What a REST operation's methods return.</summary>
internal enum RestAnswerKind
{
    /// <summary>No body: the body method returns <c>Task</c>.</summary>
    None,

    /// <summary>A <c>HEAD</c> without a body that declares <c>404</c>: it asks whether something exists, so it answers a bool.</summary>
    ExistenceCheck,

    /// <summary>A text body, read as a string.</summary>
    Text,

    /// <summary>A JSON body, read as its type.</summary>
    Json,

    /// <summary>A JSON envelope the convention names: the body method returns its payload, or nothing.</summary>
    Envelope,

    /// <summary>A binary body, handed over unbuffered: one method, returning the answer's stream.</summary>
    Stream,
}

/// <summary>How a REST operation's answers page, which decides whether it gets an <c>…AllAsync</c> enumerator.</summary>
internal enum RestPagingKind
{
    /// <summary>One answer, no pager.</summary>
    None,

    /// <summary><c>x-ms-pageable</c>: the answer holds the items and the link to the next page.</summary>
    NextLink,

    /// <summary>The convention's continuation token, asked for again in the query or the body.</summary>
    Continuation,
}

/// <summary>The plan of one spec file; <see langword="null"/> when the spec could not be read.</summary>
/// <param name="FilePath">The spec file.</param>
/// <param name="Plan">The plan, if the spec was read.</param>
/// <param name="Diagnostics">What planning found wrong with the file's options: names in its include-lists that match nothing.</param>
internal sealed record SpecPlan(string FilePath, ClientPlan? Plan, EquatableArray<DiagnosticInfo> Diagnostics = default);
