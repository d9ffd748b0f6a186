using System;
using System.Collections.Generic;
using System.Linq;
using UiPathClients.Generator.Model;

namespace UiPathClients.Generator.Conventions;

/// <summary>The model's types by qualified name, with their properties as JSON sees them (inherited ones included).</summary>
internal sealed class ModelTypes
{
    private readonly Dictionary<string, TypeModel> _types = new(StringComparer.Ordinal);

    public ModelTypes(ClientModel model)
    {
        foreach (var type in model.Types)
        {
            _types[type.QualifiedName] = type;
        }
    }

    /// <summary>The object type a single (not list, not map) reference names, if the model declares it.</summary>
    public TypeModel? ObjectType(TypeReference? reference) =>
        reference is { IsCollection: false, IsMap: false } && _types.TryGetValue(reference.QualifiedName, out var type) ? type : null;

    /// <summary>Every property of <paramref name="type"/>, its own first, then its base types' (the reader breaks inheritance cycles).</summary>
    public IEnumerable<PropertyModel> AllProperties(TypeModel type)
    {
        for (TypeModel? current = type; current is not null; current = current.BaseType is { } baseName && _types.TryGetValue(baseName, out var baseType) ? baseType : null)
        {
            foreach (var property in current.Properties)
            {
                yield return property;
            }
        }
    }

    /// <summary>The property with this JSON name, declared or inherited.</summary>
    public PropertyModel? FindProperty(TypeModel type, string jsonName) =>
        AllProperties(type).FirstOrDefault(property => property.Name == jsonName);
}
