namespace UiPathClients.Generator.Model;

/// <summary>
/// Everything the emitter needs to know about one spec: the service's types, entity sets and
/// operations, plus the C# names the user chose for the client.
/// </summary>
/// <remarks>
/// Models are incremental pipeline outputs and are compared by value between runs. They hold
/// only strings, enums, primitives and <see cref="EquatableArray{T}"/> — never XML nodes, symbols
/// or locations, which would defeat caching or keep compilations alive.
/// </remarks>
/// <param name="ClientName">C# identifier used for the client and as the hint-name folder, e.g. <c>Orchestrator</c>.</param>
/// <param name="Namespace">The C# namespace the generated code goes into.</param>
/// <param name="ServicePath">The default OData service root relative to the client's base address: empty or ending in '/'.</param>
/// <param name="QualifiedEnumLiterals">Whether enum members in URLs carry their type (<c>NS.Type'Member'</c>) or not (<c>'Member'</c>).</param>
/// <param name="Types">Entity, complex, enum types and type definitions of every schema in the document.</param>
/// <param name="EntitySets">Entity sets and singletons of the entity container.</param>
/// <param name="Operations">Actions and functions, bound and unbound, in document order.</param>
/// <param name="OperationImports">Action and function imports of the entity container.</param>
/// <param name="Style">OData (entity sets, filters, the OData service client) or REST (OpenAPI: models and operations).</param>
/// <param name="RestOperations">REST style: the operations of every path, in path and method order.</param>
/// <param name="DefaultServer">REST style: the first absolute server URL of the description, if any (documentation only).</param>
/// <param name="Conventions">Service conventions the client applies on top of the description.</param>
internal sealed record ClientModel(
    string ClientName,
    string Namespace,
    string ServicePath,
    bool QualifiedEnumLiterals,
    EquatableArray<TypeModel> Types,
    EquatableArray<EntitySetModel> EntitySets,
    EquatableArray<OperationModel> Operations,
    EquatableArray<OperationImportModel> OperationImports,
    ApiStyle Style = ApiStyle.OData,
    EquatableArray<RestOperationModel> RestOperations = default,
    string? DefaultServer = null,
    ServiceConventions Conventions = ServiceConventions.None);

/// <summary>Conventions of a particular service that its description cannot express.</summary>
internal enum ServiceConventions
{
    /// <summary>The description says everything.</summary>
    None,

    /// <summary>
    /// Communications Mining: answers are envelopes <c>{"status": "ok", …}</c> whose one payload methods return,
    /// errors are <c>{"status": "error", "message": …}</c>, list endpoints page with <c>continuation</c>.
    /// </summary>
    CommunicationsMining,
}

/// <summary>What kind of service a spec describes, which decides what is emitted beside the types.</summary>
internal enum ApiStyle
{
    /// <summary>An OData service (EDMX): entity sets, typed filters, actions and functions.</summary>
    OData,

    /// <summary>A REST API described by OpenAPI.</summary>
    Rest,
}
