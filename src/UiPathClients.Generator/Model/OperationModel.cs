namespace UiPathClients.Generator.Model;

/// <summary>Action (side effects, POST) or function (no side effects, GET).</summary>
internal enum OperationKind
{
    Action,
    Function,
}

/// <summary>An action or function declared in a schema. Overloads are separate models.</summary>
/// <param name="Kind">Action or function.</param>
/// <param name="Namespace">The schema namespace; bound operations are invoked as <c>Namespace.Name</c>.</param>
/// <param name="Name">The operation's simple name.</param>
/// <param name="IsBound">Whether the first parameter is the binding parameter.</param>
/// <param name="IsComposable">Functions only: whether further path segments or query options may follow.</param>
/// <param name="EntitySetPath">The entity set path of the result, when declared.</param>
/// <param name="Parameters">Parameters in order; for bound operations the first is the binding parameter.</param>
/// <param name="ReturnType">The return type, or <see langword="null"/> for actions without a result.</param>
/// <param name="Documentation">Core.Description / Core.LongDescription.</param>
internal sealed record OperationModel(
    OperationKind Kind,
    string Namespace,
    string Name,
    bool IsBound,
    bool IsComposable,
    string? EntitySetPath,
    EquatableArray<ParameterModel> Parameters,
    TypeReference? ReturnType,
    Documentation Documentation)
{
    public string QualifiedName => Namespace + "." + Name;
}

/// <summary>An operation parameter.</summary>
/// <param name="Name">The name as declared (also its name in the URL or body).</param>
/// <param name="Type">The parameter type.</param>
/// <param name="IsOptional">Annotated <c>Core.OptionalParameter</c>: the service applies its default when the parameter is left out.</param>
/// <param name="Location">Where the request carries it (<c>UiPathClients.V1.ParameterLocation</c>); OData's place unless annotated.</param>
internal sealed record ParameterModel(string Name, TypeReference Type, bool IsOptional = false, ODataParameterLocation Location = ODataParameterLocation.OData);

/// <summary>
/// Where a request carries an operation parameter. OData puts a function's parameters in the parenthesized path segment
/// and an action's in the JSON body; some services (Orchestrator) read a few elsewhere, which the bundled EDMX says with
/// the <c>UiPathClients.V1.ParameterLocation</c> annotation (<c>Query</c> or <c>Segment</c>).
/// </summary>
internal enum ODataParameterLocation
{
    /// <summary>OData's place: a function's path segment, an action's body.</summary>
    OData,

    /// <summary>A plain query parameter, <c>?name=value</c>.</summary>
    Query,

    /// <summary>An action parameter in the parenthesized path segment, <c>Op(name=literal)</c>.</summary>
    Segment,
}

/// <summary>An <c>ActionImport</c> or <c>FunctionImport</c> of the entity container.</summary>
/// <param name="Kind">Action or function import.</param>
/// <param name="Name">The import's name, also its URL segment.</param>
/// <param name="Operation">Qualified name of the imported operation(s), aliases resolved.</param>
/// <param name="EntitySet">The entity set of the result, when declared.</param>
internal sealed record OperationImportModel(OperationKind Kind, string Name, string Operation, string? EntitySet);
