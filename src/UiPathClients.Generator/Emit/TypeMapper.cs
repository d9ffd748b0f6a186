using System;
using System.Collections.Generic;
using UiPathClients.Generator.Model;

namespace UiPathClients.Generator.Emit;

/// <summary>Maps spec type references to fully qualified C# type names with precise nullability.</summary>
internal sealed class TypeMapper
{
    private const string JsonElement = "global::System.Text.Json.JsonElement";

    private readonly IReadOnlyDictionary<string, string> _generatedTypeNames;
    private readonly IReadOnlyDictionary<string, TypeModel> _typesByQualifiedName;
    private readonly EmitEnvironment _environment;

    /// <param name="generatedTypeNames">Qualified spec name → fully qualified C# name of every emitted type.</param>
    /// <param name="typesByQualifiedName">All declared types, for kinds and type definitions.</param>
    /// <param name="environment">What the consuming compilation offers.</param>
    public TypeMapper(IReadOnlyDictionary<string, string> generatedTypeNames, IReadOnlyDictionary<string, TypeModel> typesByQualifiedName, EmitEnvironment environment)
    {
        _generatedTypeNames = generatedTypeNames;
        _typesByQualifiedName = typesByQualifiedName;
        _environment = environment;
    }

    /// <summary>The C# type of a property or parameter: collections become <c>IList&lt;T&gt;</c> and are never null themselves.</summary>
    public string Map(TypeReference reference) =>
        reference.IsCollection
            ? "global::System.Collections.Generic.IList<" + MapSingle(reference.QualifiedName, reference.IsNullable) + ">"
            : reference.IsMap
                ? MapDictionary(reference) + (reference.IsNullable ? "?" : string.Empty)
                : MapSingle(reference.QualifiedName, reference.IsNullable);

    /// <summary><c>IDictionary&lt;string, T&gt;</c> for a map; values are nullable when their type allows null in JSON.</summary>
    public string MapDictionary(TypeReference reference) =>
        "global::System.Collections.Generic.IDictionary<string, " + MapDictionaryValue(reference) + ">";

    /// <summary>The value type of a map: reference types may hold JSON null, so they are annotated nullable.</summary>
    public string MapDictionaryValue(TypeReference reference) =>
        MapSingle(reference.QualifiedName, isNullable: IsReferenceType(reference.QualifiedName));

    /// <summary>The concrete collection type used to initialise a collection property.</summary>
    public string MapCollectionImplementation(TypeReference reference) =>
        "global::System.Collections.Generic.List<" + MapSingle(reference.QualifiedName, reference.IsNullable) + ">";

    /// <summary>Whether a non-nullable single value of this type is a reference type, which needs an initialiser under nullable analysis.</summary>
    public bool IsReferenceType(string qualifiedName)
    {
        var (_, isValueType) = MapNonNullable(qualifiedName);
        return !isValueType;
    }

    /// <summary>
    /// The runtime converter of a value declared as <paramref name="clrType"/> (what <see cref="Map"/> gave, with any
    /// <c>?</c> added for optional values) when its format is not its C# type's usual JSON; otherwise <see langword="null"/>.
    /// </summary>
    public string? WireConverter(TypeReference reference, string clrType)
    {
        var underlying = _typesByQualifiedName.TryGetValue(reference.QualifiedName, out var declared) && declared.Kind == TypeKind.TypeDefinition
            ? declared.UnderlyingType!
            : reference.QualifiedName;
        if (PrimitiveTypes.Find(underlying)?.WireConverter is not { } converter)
        {
            return null;
        }

        var isValueType = !IsReferenceType(underlying);

        // The converters of reference types read and write null themselves; '!' only tells nullable analysis that a
        // JsonConverter<byte[]> also serves a byte[]? (JsonConverter<T> is invariant in T's annotation).
        var suppress = isValueType ? string.Empty : "!";
        if (reference.IsCollection)
        {
            return RuntimeNames.WireFormats + "List(" + (reference.IsNullable && isValueType ? RuntimeNames.WireFormats + "Nullable(" + converter + ")" : converter) + ")" + suppress;
        }

        if (reference.IsMap)
        {
            // Map values are nullable only for reference types (MapDictionaryValue), which the converters handle.
            return RuntimeNames.WireFormats + "Dictionary(" + converter + ")" + suppress;
        }

        return isValueType && clrType.EndsWith("?", StringComparison.Ordinal) ? RuntimeNames.WireFormats + "Nullable(" + converter + ")" : converter + suppress;
    }

    public string MapSingle(string qualifiedName, bool isNullable)
    {
        var (name, _) = MapNonNullable(qualifiedName);
        return isNullable ? name + "?" : name;
    }

    private (string Name, bool IsValueType) MapNonNullable(string qualifiedName)
    {
        if (NestedTypeName.Inner(qualifiedName) is { } nested)
        {
            // The item of a collection or value of a map that is itself a collection or map.
            return (nested.IsCollection ? Map(nested) : MapDictionary(nested), false);
        }

        if (_typesByQualifiedName.TryGetValue(qualifiedName, out var declared))
        {
            if (declared.Kind == TypeKind.TypeDefinition)
            {
                // C# has no zero-cost alias, and a wrapper struct would complicate serialization: use the underlying type.
                return MapNonNullable(declared.UnderlyingType!);
            }

            return (_generatedTypeNames[qualifiedName], declared.Kind == TypeKind.Enum);
        }

        if (PrimitiveTypes.Find(qualifiedName) is { } primitive)
        {
            return (primitive.ClrTypeFor(_environment.HasDateOnly), primitive.IsValueType);
        }

        // Any other Edm name the readers let through (they keep unknown primitives rather than fail) stays opaque JSON.
        return qualifiedName.StartsWith("Edm.", StringComparison.Ordinal)
            ? (JsonElement, true)
            : throw new InvalidOperationException($"The reader let through the unresolved type '{qualifiedName}'.");
    }
}
