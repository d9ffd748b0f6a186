using System;
using System.Collections.Generic;
using System.Linq;

namespace UiPathClients.Generator.Model;

/// <summary>
/// The model's types by qualified name and the walks over their inheritance, built once per emit and shared by the
/// emitter and the service conventions.
/// </summary>
internal sealed class ModelTypes
{
    private readonly Dictionary<string, TypeModel> _types = new(StringComparer.Ordinal);
    private readonly ILookup<string, TypeModel> _derivedByBase;

    public ModelTypes(ClientModel model)
    {
        foreach (var type in model.Types)
        {
            _types[type.QualifiedName] = type;
        }

        _derivedByBase = model.Types.Where(type => type.BaseType is not null).ToLookup(type => type.BaseType!, StringComparer.Ordinal);
    }

    /// <summary>Every type by its qualified name.</summary>
    public IReadOnlyDictionary<string, TypeModel> ByQualifiedName => _types;

    /// <summary>The base type, when the type has one the model declares.</summary>
    public TypeModel? BaseOf(TypeModel type) =>
        type.BaseType is not null && _types.TryGetValue(type.BaseType, out var baseType) ? baseType : null;

    /// <summary>The types that name <paramref name="type"/> as their base, in model order.</summary>
    public IEnumerable<TypeModel> DerivedOf(TypeModel type) => _derivedByBase[type.QualifiedName];

    /// <summary>The type and its base types, nearest first (the reader breaks inheritance cycles, so this ends).</summary>
    public IEnumerable<TypeModel> SelfAndAncestors(TypeModel type)
    {
        for (TypeModel? current = type; current is not null; current = BaseOf(current))
        {
            yield return current;
        }
    }

    /// <summary>The type a type definition stands for; any other name as it is.</summary>
    public string Underlying(string qualifiedName) =>
        _types.TryGetValue(qualifiedName, out var declared) && declared.Kind == TypeKind.TypeDefinition && declared.UnderlyingType is not null
            ? declared.UnderlyingType
            : qualifiedName;

    /// <summary>The object type a single (not list, not map) reference names, if the model declares it.</summary>
    public TypeModel? ObjectType(TypeReference? reference) =>
        reference is { IsCollection: false, IsMap: false } && _types.TryGetValue(reference.QualifiedName, out var type) ? type : null;

    /// <summary>Every property of <paramref name="type"/> as JSON sees it: its own first, then its base types'.</summary>
    public IEnumerable<PropertyModel> AllProperties(TypeModel type) =>
        SelfAndAncestors(type).SelectMany(declaring => declaring.Properties);

    /// <summary>The property with this JSON name, declared or inherited.</summary>
    public PropertyModel? FindProperty(TypeModel type, string jsonName) =>
        AllProperties(type).FirstOrDefault(property => property.Name == jsonName);
}
