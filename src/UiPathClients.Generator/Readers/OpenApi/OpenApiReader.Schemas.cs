using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;
using UiPathClients.Generator.Diagnostics;
using UiPathClients.Generator.Model;
using UiPathClients.Generator.Naming;

namespace UiPathClients.Generator.Readers.OpenApi;

/// <summary>
/// Schemas to types: named and inline objects, their properties, arrays and maps, references and the bounds on
/// inheritance.
/// </summary>
internal sealed partial class OpenApiReader
{
    /// <summary>A component schema: an object or enum type of its own, or a type definition for a primitive.</summary>
    private void DeclareNamed(string name, IOpenApiSchema schema)
    {
        var place = DocumentPlace.Root.Child("components", "schemas", name);
        var resolved = Resolve(schema);
        if (resolved is null)
        {
            return;
        }

        if (IsStringEnum(resolved))
        {
            _types.Add(EnumType(name, resolved));
        }
        else if (IsUnion(resolved))
        {
            _types.Add(UnionType(name, resolved, place));
        }
        else if (IsObject(resolved))
        {
            _types.Add(ObjectType(name, resolved, place));
        }
        else if (PrimitiveName(resolved) is { } primitive && !IsArray(resolved))
        {
            _types.Add(TypeModel.Scalar(TypeKind.TypeDefinition, SchemaNamespace, name, primitive, EquatableArray<EnumMemberModel>.Empty, isFlags: false, Doc(resolved)));
        }
    }

    private TypeModel ObjectType(string name, IOpenApiSchema schema, DocumentPlace place)
    {
        string? baseType = null;
        var properties = new List<PropertyModel>();
        var required = new HashSet<string>(schema.Required ?? new HashSet<string>(), StringComparer.Ordinal);
        var allOf = schema.AllOf ?? new List<IOpenApiSchema>();
        var references = allOf.Where(part => ReferenceId(part) is not null).ToList();
        foreach (var part in allOf)
        {
            // One $ref plus extras is inheritance; several refs are composition: their members are copied in.
            if (references.Count == 1 && ReferenceId(part) is { } baseName && IsObject(Resolve(part)))
            {
                baseType = SchemaNamespace + "." + baseName;
                continue;
            }

            if (Resolve(part) is { } member)
            {
                AddProperties(name, member, required, properties, place);
            }
        }

        AddProperties(name, schema, required, properties, place);
        if (schema.Discriminator?.PropertyName is { Length: > 0 } discriminator)
        {
            RegisterDiscriminator(name, discriminator, ExplicitMapping(schema.Discriminator));
        }

        var isOpen = schema.AdditionalPropertiesAllowed && schema.AdditionalProperties is not null;
        return new TypeModel(
            TypeKind.Complex,
            SchemaNamespace,
            name,
            baseType,
            IsAbstract: false,
            IsOpen: isOpen,
            HasStream: false,
            EquatableArray<string>.Empty,
            properties.GroupBy(property => property.Name, StringComparer.Ordinal).Select(group => group.Last()).ToEquatableArray(),
            EquatableArray<EnumMemberModel>.Empty,
            UnderlyingType: null,
            IsFlags: false,
            Doc(schema));
    }

    private void AddProperties(string owner, IOpenApiSchema schema, HashSet<string> required, List<PropertyModel> properties, DocumentPlace place)
    {
        foreach (var name in schema.Required ?? new HashSet<string>())
        {
            required.Add(name);
        }

        foreach (var entry in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            var property = entry.Value;
            var type = Reference(property, owner + CSharpIdentifier.ToPascalCase(entry.Key), !required.Contains(entry.Key), place.Child("properties", entry.Key));
            properties.Add(new PropertyModel(
                PropertyKind.Structural,
                entry.Key,
                type,
                ContainsTarget: false,
                Partner: null,
                IsComputed: Resolve(property)?.ReadOnly == true,
                IsImmutable: false,
                Permissions: null,
                Doc(property),
                IsOptional: !required.Contains(entry.Key),
                IsWriteOnly: Resolve(property)?.WriteOnly == true,
                Constant: required.Contains(entry.Key) ? ConstantJson(Resolve(property)) : null,
                Constraints: ConstraintsOf(Resolve(property))));
        }
    }

    /// <summary>The type a property or item refers to; inline objects and enums become types named <paramref name="inlineName"/>.</summary>
    private TypeReference Reference(IOpenApiSchema schema, string inlineName, bool optional, DocumentPlace place)
    {
        if (Alternatives(schema, out var orNull) is { Count: 1 } single)
        {
            // oneOf/anyOf [X, {type: null}] is 3.1's way to say "X or null" for a $ref: just a nullable X.
            return Reference(single[0], inlineName, optional || orNull, place);
        }

        var nullable = optional || IsNullable(schema);
        if (ReferenceId(schema) is { } id)
        {
            var target = Resolve(schema);
            if (target is null)
            {
                // Resolve reported the dangling $ref (UIPC0003); the value stays raw JSON rather than naming a type that does not exist.
                return new TypeReference("Edm.Untyped", false, true);
            }

            if (Alternatives(target, out var targetOrNull) is { Count: 1 })
            {
                // A named schema that only wraps one other (oneOf: [$ref X]) declares no type: it is X.
                if (!_following.Add(target))
                {
                    return new TypeReference("Edm.Untyped", false, true);
                }

                var followed = Reference(target, inlineName, optional || targetOrNull, place);
                _following.Remove(target);
                return followed;
            }

            if (target is not null && ConstantType(target) is { } constantType)
            {
                // A one-value enum is a constant (AutoRest): its primitive type, not a one-member C# enum.
                return new TypeReference(constantType, false, nullable || IsNullable(target));
            }

            if (target is not null && IsUnion(target))
            {
                Alternatives(target, out var unionOrNull);
                return new TypeReference(SchemaNamespace + "." + id, false, nullable || unionOrNull);
            }

            if (target is not null && IsArray(target))
            {
                return Collection(target, inlineName, place);
            }

            if (target is not null && IsMap(target))
            {
                return Map(target, inlineName, nullable, place);
            }

            if (target is not null && !IsObject(target) && !IsStringEnum(target) && PrimitiveName(target) is null)
            {
                return new TypeReference("Edm.Untyped", false, true);
            }

            return new TypeReference(SchemaNamespace + "." + id, false, nullable || (target is not null && IsNullable(target)));
        }

        if (IsArray(schema))
        {
            return Collection(schema, inlineName, place);
        }

        if (IsMap(schema))
        {
            return Map(schema, inlineName, nullable, place);
        }

        if (IsUnion(schema))
        {
            Alternatives(schema, out var unionOrNull);
            return new TypeReference(SchemaNamespace + "." + DeclareInline(schema, inlineName, place), false, nullable || unionOrNull);
        }

        if (ConstantType(schema) is { } primitiveOfConstant)
        {
            return new TypeReference(primitiveOfConstant, false, nullable);
        }

        if (IsStringEnum(schema) || IsInlineObject(schema))
        {
            return new TypeReference(SchemaNamespace + "." + DeclareInline(schema, IsStringEnum(schema) && MsEnumName(schema) is { } enumName ? enumName : inlineName, place), false, nullable);
        }

        return new TypeReference(PrimitiveName(schema) ?? "Edm.Untyped", false, nullable);
    }

    private TypeReference Collection(IOpenApiSchema array, string inlineName, DocumentPlace place)
    {
        var items = array.Items;
        if (items is null)
        {
            return new TypeReference("Edm.Untyped", true, true);
        }

        if (!_expanding.Add(array))
        {
            // An array that (through $refs) contains itself has no finite C# type: from here down it stays raw JSON.
            ReportRawJson("A recursive array", place);
            return new TypeReference("Edm.Untyped", true, true);
        }

        // Arrays of arrays and arrays of maps nest: IList<IList<T>>, IList<IDictionary<string, T>>.
        var item = Reference(items, inlineName + "Item", optional: false, place);
        _expanding.Remove(array);
        return new TypeReference(NestedTypeName.Of(item), true, IsNullable(items));
    }

    /// <summary>A dictionary: <c>additionalProperties</c> gives the value type (any JSON when it is just <c>true</c>).</summary>
    private TypeReference Map(IOpenApiSchema map, string inlineName, bool nullable, DocumentPlace place)
    {
        var values = map.AdditionalProperties;
        if (values is null)
        {
            return new TypeReference("Edm.Untyped", false, nullable, IsMap: true);
        }

        if (!_expanding.Add(map))
        {
            // A map that (through $refs) contains itself has no finite C# type: from here down it stays raw JSON.
            ReportRawJson("A recursive map", place);
            return new TypeReference("Edm.Untyped", false, nullable, IsMap: true);
        }

        // Maps of arrays and maps of maps nest: IDictionary<string, IList<T>>, IDictionary<string, IDictionary<string, T>>.
        var value = Reference(values, inlineName + "Value", optional: false, place);
        _expanding.Remove(map);
        return new TypeReference(NestedTypeName.Of(value), false, nullable, IsMap: true);
    }

    /// <summary>An object with no members of its own whose <c>additionalProperties</c> describe every value.</summary>
    private static bool IsMap(IOpenApiSchema schema) =>
        !IsArray(schema)
        && schema.Properties is not { Count: > 0 }
        && schema.AllOf is not { Count: > 0 }
        && schema.AdditionalPropertiesAllowed
        && schema.AdditionalProperties is not null
        && (schema.Type is null || (schema.Type.Value & JsonSchemaType.Object) != 0);

    private string DeclareInline(IOpenApiSchema schema, string preferredName, DocumentPlace place)
    {
        if (_inlineNames.TryGetValue(schema, out var existing))
        {
            return existing;
        }

        // x-ms-enum names one enum used in many places: the same name with the same values is the same type.
        var enumKey = IsStringEnum(schema) && MsEnumName(schema) is { } msEnumName
            ? msEnumName + "\n" + string.Join("\n", (schema.Enum ?? new List<System.Text.Json.Nodes.JsonNode>()).Select(value => value?.ToJsonString()))
            : null;
        if (enumKey is not null && _namedInlineEnums.TryGetValue(enumKey, out var shared))
        {
            _inlineNames[schema] = shared;
            return shared;
        }

        var name = preferredName;
        for (var suffix = 2; !_typeNames.Add(name); suffix++)
        {
            name = preferredName + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        _inlineNames[schema] = name;
        if (enumKey is not null)
        {
            _namedInlineEnums[enumKey] = name;
        }

        _types.Add(IsStringEnum(schema) ? EnumType(name, schema) : IsUnion(schema) ? UnionType(name, schema, place) : ObjectType(name, schema, place));
        return name;
    }

    /// <summary>The schema a reference points at, or the schema itself.</summary>
    private IOpenApiSchema? Resolve(IOpenApiSchema schema)
    {
        if (schema is not OpenApiSchemaReference reference)
        {
            return schema;
        }

        if (reference.Reference?.Id is { } id && _namedSchemas.TryGetValue(id, out var named) && named is not OpenApiSchemaReference)
        {
            return named;
        }

        if (reference.Target is { } target)
        {
            return target;
        }

        var missing = reference.Reference?.ReferenceV3 ?? reference.Reference?.Id ?? "?";
        if (_unresolvedReported.Add(missing))
        {
            // At the first $ref with that value: the reference object does not say where it was written.
            Report(DiagnosticDescriptors.UnresolvedTypeReference, Tree.LocateReference(reference.Reference?.ReferenceV3, reference.Reference?.Id), "A $ref", missing, "member");
        }

        return null;
    }

    /// <summary>
    /// <c>allOf: [$ref Base]</c> can go round (A extends B extends A) or on for thousands of schemas: the base is dropped where
    /// it does, as the EDMX reader does, so that naming and emit walk up finite, short hierarchies.
    /// </summary>
    private void BoundInheritance() =>
        InheritanceChains.Bound(_types, (index, problem) =>
        {
            var type = _types[index];
            var position = Tree.Locate("#/components/schemas/" + type.Name.Replace("~", "~0").Replace("/", "~1") + "/allOf");
            if (problem == BrokenInheritance.Cycle)
            {
                Report(DiagnosticDescriptors.InheritanceCycle, position, type.Name);
            }
            else
            {
                Report(DiagnosticDescriptors.InheritanceTooDeep, position, type.Name, SpecLimits.MaxInheritanceDepth.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        });
}
