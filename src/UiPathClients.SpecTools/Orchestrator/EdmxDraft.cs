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

// IsOptional: a function parameter the caller may leave out (a plain query parameter in the source).
internal sealed record ParameterDraft(string Name, string Type, bool IsNullable, bool IsOptional = false);

// BindingType: the binding parameter's type; null for an unbound operation.
// IsReturnNullable: false when the source's success answer always has a body (ReturnType Nullable="false").
internal sealed record OperationDraft(
    bool IsAction,
    string Name,
    string? BindingType,
    IReadOnlyList<ParameterDraft> Parameters,
    string? ReturnType,
    bool IsReturnNullable = true);

internal sealed record EntitySetDraft(string Name, string EntityType);

internal sealed record OperationImportDraft(bool IsAction, string Name, string Operation);
