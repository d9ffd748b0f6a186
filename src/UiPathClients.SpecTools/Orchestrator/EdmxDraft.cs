using System.Collections.Generic;

namespace UiPathClients.SpecTools.Orchestrator;

// A minimal in-memory CSDL document the converter fills and EdmxDraftWriter serializes.
// Names are simple names; type references are namespace-qualified.

internal sealed class EdmxDraft
{
    public SortedDictionary<string, SchemaDraft> Schemas { get; } = new(System.StringComparer.Ordinal);

    public List<EntitySetDraft> EntitySets { get; } = new();

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
    public SortedDictionary<string, EnumDraft> Enums { get; } = new(System.StringComparer.Ordinal);

    public SortedDictionary<string, StructuredDraft> Types { get; } = new(System.StringComparer.Ordinal);

    public List<OperationDraft> Operations { get; } = new();
}

internal sealed record EnumDraft(string Name, IReadOnlyList<string> Members);

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

internal sealed record ParameterDraft(string Name, string Type, bool IsNullable);

internal sealed record OperationDraft(
    bool IsAction,
    string Name,
    string BindingType,
    IReadOnlyList<ParameterDraft> Parameters,
    string? ReturnType);

internal sealed record EntitySetDraft(string Name, string EntityType);
