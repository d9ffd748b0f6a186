using System;
using System.Collections.Generic;

namespace UiPathClients.SpecTools.Orchestrator;

// A minimal in-memory CSDL document the converter fills and EdmxDraftWriter serializes.
// Names are simple names; type references are namespace-qualified. Sorted containers keep the
// output independent of the order in which the converter happens to visit things.

internal sealed class EdmxDraft
{
    public SortedDictionary<string, SchemaDraft> Schemas { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, EntitySetDraft> EntitySets { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, EntitySetDraft> Singletons { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, OperationImportDraft> OperationImports { get; } = new(StringComparer.Ordinal);

    public SchemaDraft Schema(string @namespace)
    {
        if (!Schemas.TryGetValue(@namespace, out var schema))
        {
            schema = new SchemaDraft();
            Schemas.Add(@namespace, schema);
        }

        return schema;
    }
}

internal sealed class SchemaDraft
{
    public SortedDictionary<string, EnumDraft> Enums { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, StructuredDraft> Types { get; } = new(StringComparer.Ordinal);

    public List<OperationDraft> Operations { get; } = new();
}

internal sealed record EnumMemberDraft(string Name, int Value);

internal sealed record EnumDraft(string Name, IReadOnlyList<EnumMemberDraft> Members);

internal sealed class StructuredDraft
{
    public StructuredDraft(string name, bool isEntity)
    {
        Name = name;
        IsEntity = isEntity;
    }

    public string Name { get; }

    public bool IsEntity { get; }

    public string? BaseType { get; set; }

    public string? Key { get; set; }

    public List<PropertyDraft> Properties { get; } = new();
}

internal sealed record PropertyDraft(string Name, string Type, bool IsNullable, bool IsNavigation);

// IsOptional: a parameter the caller may leave out (a plain query parameter in the source).
// Location: where the source puts it when that is not where OData would (null: OData's place).
internal sealed record ParameterDraft(string Name, string Type, bool IsNullable, bool IsOptional = false, ParameterLocation Location = ParameterLocation.OData);

/// <summary>Where a request carries an operation parameter (written as the <c>UiPathClients.V1.ParameterLocation</c> annotation).</summary>
internal enum ParameterLocation
{
    /// <summary>Where OData puts it: a function's parenthesized segment, an action's JSON body.</summary>
    OData,

    /// <summary>A plain query parameter (<c>?name=value</c>): the source lists it under <c>in: query</c>.</summary>
    Query,

    /// <summary>An action parameter in the parenthesized segment of the path (<c>Op(identifier={identifier})</c>).</summary>
    Segment,
}

// BindingType: the binding parameter's type; null for an unbound operation.
// IsReturnNullable: false when the source's success answer always has a body (ReturnType Nullable="false").
internal sealed record OperationDraft(
    bool IsAction,
    string Name,
    string? BindingType,
    IReadOnlyList<ParameterDraft> Parameters,
    string? ReturnType,
    bool IsReturnNullable = true);

// Capabilities: what the source lets a client do with the set (written as Capabilities restrictions).
internal sealed record EntitySetDraft(string Name, string EntityType, SetCapabilitiesDraft Capabilities);

/// <summary>
/// The requests the source describes for one set: <c>GET</c> on the collection, and <c>GET</c>/<c>PUT</c>/
/// <c>PATCH</c>/<c>DELETE</c> on <c>({key})</c>, <c>POST</c> on the collection, any path through <c>({key})</c>.
/// None of the source's paths goes through a navigation property, so no set is navigable.
/// </summary>
internal sealed record SetCapabilitiesDraft(
    bool Readable,
    bool ReadableByKey,
    bool IndexableByKey,
    bool Insertable,
    bool Replaceable,
    bool Patchable,
    bool Deletable);

internal sealed record OperationImportDraft(bool IsAction, string Name, string Operation);
