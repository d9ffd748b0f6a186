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

        var shape = Shape(resolved);
        switch (shape.Declaration)
        {
            case SchemaDeclaration.Enum:
                _types.Add(EnumType(name, shape));
                break;
            case SchemaDeclaration.Union:
                _types.Add(UnionType(name, shape, place));
                break;
            case SchemaDeclaration.Object:
                _types.Add(ObjectType(name, shape, place));
                break;
            case SchemaDeclaration.Primitive:
                _types.Add(TypeModel.Scalar(TypeKind.TypeDefinition, SchemaNamespace, name, shape.Primitive!, EquatableArray<EnumMemberModel>.Empty, isFlags: false, Doc(resolved)));
                break;
        }
    }

    private TypeModel ObjectType(string name, SchemaShape shape, DocumentPlace place)
    {
        var schema = shape.Schema;
        string? baseType = null;
        var properties = new List<PropertyModel>();
        var required = new HashSet<string>(schema.Required ?? new HashSet<string>(), StringComparer.Ordinal);
        var allOf = schema.AllOf ?? new List<IOpenApiSchema>();
        var references = allOf.Where(part => ReferenceId(part) is not null).ToList();
        foreach (var part in allOf)
        {
            // One $ref plus extras is inheritance; several refs are composition: their members are copied in.
            if (references.Count == 1 && ReferenceId(part) is { } baseName && Resolve(part) is { } baseSchema && Shape(baseSchema).IsObject)
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

        return new TypeModel(
            TypeKind.Complex,
            SchemaNamespace,
            name,
            baseType,
            IsAbstract: false,
            IsOpen: shape.AllowsAdditionalProperties,
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
            if (property is null)
            {
                // Microsoft.OpenApi leaves no schema where the document has something else (a list, a number).
                Report(DiagnosticDescriptors.OpenApiWarning, Tree.Locate(place.Child("properties", entry.Key).Pointer), _file.Path, $"property '{entry.Key}' of '{owner}' is not a schema object, so it is not generated");
                continue;
            }

            var type = Reference(property, owner + CSharpIdentifier.ToPascalCase(entry.Key), !required.Contains(entry.Key), place.Child("properties", entry.Key));
            var resolved = Resolve(property);
            properties.Add(new PropertyModel(
                PropertyKind.Structural,
                entry.Key,
                type,
                ContainsTarget: false,
                Partner: null,
                IsComputed: resolved?.ReadOnly == true,
                IsImmutable: false,
                Permissions: null,
                Doc(property),
                IsOptional: !required.Contains(entry.Key),
                IsWriteOnly: resolved?.WriteOnly == true,
                Constant: required.Contains(entry.Key) && resolved is not null ? Shape(resolved).ConstantJson : null,
                Constraints: ConstraintsOf(resolved)));
        }
    }

    /// <summary>The type a property or item refers to; inline objects and enums become types named <paramref name="inlineName"/>.</summary>
    private TypeReference Reference(IOpenApiSchema schema, string inlineName, bool optional, DocumentPlace place)
    {
        var shape = Shape(schema);
        if (shape.OnlyAlternative is { } only)
        {
            if (!_followingAlternatives.Add(schema))
            {
                // A oneOf whose only alternative leads back to it (A: oneOf [$ref A]) names no value but itself: raw JSON
                // (before, following it never ended: a stack overflow that took the compiler down).
                ReportRawJson("A oneOf/anyOf whose only alternative is itself", place);
                return new TypeReference("Edm.Untyped", false, true);
            }

            // oneOf/anyOf [X, {type: null}] is 3.1's way to say "X or null" for a $ref: just a nullable X.
            var alternative = Reference(only, inlineName, optional || shape.AlternativesIncludeNull, place);
            _followingAlternatives.Remove(schema);
            return alternative;
        }

        var nullable = optional || shape.IsNullable;
        if (shape.ReferenceId is { } id)
        {
            var target = Resolve(schema);
            if (target is null)
            {
                // Resolve reported the dangling $ref (UIPC0003); the value stays raw JSON rather than naming a type that does not exist.
                return new TypeReference("Edm.Untyped", false, true);
            }

            var targetShape = Shape(target);
            if (targetShape.OnlyAlternative is not null)
            {
                // A named schema that only wraps one other (oneOf: [$ref X]) declares no type: it is X.
                if (!_following.Add(target))
                {
                    return new TypeReference("Edm.Untyped", false, true);
                }

                var followed = Reference(target, inlineName, optional || targetShape.AlternativesIncludeNull, place);
                _following.Remove(target);
                return followed;
            }

            if (targetShape.ConstantType is { } constantType)
            {
                // A one-value enum is a constant (AutoRest): its primitive type, not a one-member C# enum.
                return new TypeReference(constantType, false, nullable || targetShape.IsNullable);
            }

            if (targetShape.IsUnion)
            {
                return new TypeReference(SchemaNamespace + "." + id, false, nullable || targetShape.AlternativesIncludeNull);
            }

            if (targetShape.IsArray)
            {
                return Collection(targetShape, inlineName, place);
            }

            if (targetShape.IsMap)
            {
                return Map(targetShape, inlineName, nullable, place);
            }

            if (!targetShape.IsObject && !targetShape.IsStringEnum && targetShape.Primitive is null)
            {
                return new TypeReference("Edm.Untyped", false, true);
            }

            return new TypeReference(SchemaNamespace + "." + id, false, nullable || targetShape.IsNullable);
        }

        if (shape.IsArray)
        {
            return Collection(shape, inlineName, place);
        }

        if (shape.IsMap)
        {
            return Map(shape, inlineName, nullable, place);
        }

        if (shape.IsUnion)
        {
            return new TypeReference(SchemaNamespace + "." + DeclareInline(shape, inlineName, place), false, nullable || shape.AlternativesIncludeNull);
        }

        if (shape.ConstantType is { } primitiveOfConstant)
        {
            return new TypeReference(primitiveOfConstant, false, nullable);
        }

        if (shape.IsStringEnum || shape.IsInlineObject)
        {
            return new TypeReference(SchemaNamespace + "." + DeclareInline(shape, shape.MsEnumName ?? inlineName, place), false, nullable);
        }

        return new TypeReference(shape.Primitive ?? "Edm.Untyped", false, nullable);
    }

    private TypeReference Collection(SchemaShape shape, string inlineName, DocumentPlace place)
    {
        var array = shape.Schema;
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
        return new TypeReference(NestedTypeName.Of(item), true, Shape(items).IsNullable);
    }

    /// <summary>A dictionary: <c>additionalProperties</c> gives the value type (any JSON when it is just <c>true</c>).</summary>
    private TypeReference Map(SchemaShape shape, string inlineName, bool nullable, DocumentPlace place)
    {
        var map = shape.Schema;
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

    private string DeclareInline(SchemaShape shape, string preferredName, DocumentPlace place)
    {
        var schema = shape.Schema;
        if (_inlineNames.TryGetValue(schema, out var existing))
        {
            return existing;
        }

        // x-ms-enum names one enum used in many places: the same name with the same values is the same type.
        var enumKey = shape.MsEnumName is { } msEnumName
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

        _types.Add(shape.Declaration switch
        {
            SchemaDeclaration.Enum => EnumType(name, shape),
            SchemaDeclaration.Union => UnionType(name, shape, place),
            _ => ObjectType(name, shape, place),
        });
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
