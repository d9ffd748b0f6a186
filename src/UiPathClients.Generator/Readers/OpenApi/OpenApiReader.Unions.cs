using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;
using UiPathClients.Generator.Model;
using UiPathClients.Generator.Naming;

namespace UiPathClients.Generator.Readers.OpenApi;

/// <summary>
/// <c>oneOf</c>/<c>anyOf</c> unions and discriminators: which alternatives a schema has, their common base, and the
/// discriminator values of each derived type, completed once every type is known.
/// </summary>
internal sealed partial class OpenApiReader
{
    /// <summary>
    /// A <c>oneOf</c>/<c>anyOf</c>. With a discriminator and alternatives that all extend one base
    /// (<c>allOf: [$ref Base, …]</c>) it is that base, made polymorphic: the union becomes a type definition for
    /// the base. Otherwise it is a union wrapper with one property per alternative, and the discriminator (when
    /// there is one) tells the alternatives apart; without one they are told apart by their JSON shape.
    /// </summary>
    /// <remarks>
    /// Not a synthesized base class for the alternatives: C# has single inheritance, and real specs (OpenAI) put
    /// one schema into several unions, or mix objects with strings and arrays.
    /// </remarks>
    private TypeModel UnionType(string name, SchemaShape shape, DocumentPlace place)
    {
        var schema = shape.Schema;
        var alternatives = shape.Alternatives ?? new List<IOpenApiSchema>();
        var discriminator = schema.Discriminator?.PropertyName is { Length: > 0 } property ? property : null;
        var mapping = discriminator is null ? new List<KeyValuePair<string, string>>() : ExplicitMapping(schema.Discriminator!);
        if (discriminator is not null && CommonBase(alternatives) is { } baseName)
        {
            RegisterDiscriminator(baseName, discriminator, mapping);
            return TypeModel.Scalar(TypeKind.TypeDefinition, SchemaNamespace, name, SchemaNamespace + "." + baseName, EquatableArray<EnumMemberModel>.Empty, isFlags: false, Doc(schema));
        }

        var members = new List<PropertyModel>();
        var values = new List<DiscriminatorValueModel>();
        var labels = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var types = new HashSet<TypeReference>();
        for (var index = 0; index < alternatives.Count; index++)
        {
            var alternative = alternatives[index];
            var referenceId = ReferenceId(alternative);
            var resolved = Resolve(alternative);
            var inlineName = name + (resolved?.Title is { Length: > 0 } title ? CSharpIdentifier.ToPascalCase(title) : "Option" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            var type = Reference(alternative, inlineName, optional: true, place);
            if (!types.Add(type with { IsNullable = true }))
            {
                // The same C# type twice (string with two patterns): one property reads both.
                continue;
            }

            var preferred = referenceId is not null && !type.IsCollection && !type.IsMap ? referenceId : Label(type);
            var label = preferred;
            for (var suffix = 2; !labels.Add(label); suffix++)
            {
                label = preferred + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            members.Add(new PropertyModel(PropertyKind.Structural, label, type, ContainsTarget: false, Partner: null, IsComputed: false, IsImmutable: false, Permissions: null, resolved is null ? Documentation.None : Doc(resolved)));
            if (discriminator is not null && resolved is not null && !type.IsCollection && !type.IsMap)
            {
                foreach (var value in mapping.Where(entry => entry.Value == referenceId).Select(entry => entry.Key)
                    .Concat(referenceId is null ? Enumerable.Empty<string>() : new[] { referenceId })
                    .Concat(DeclaredDiscriminatorValues(resolved, discriminator))
                    .Distinct(StringComparer.Ordinal))
                {
                    values.Add(new DiscriminatorValueModel(value, type.QualifiedName));
                }
            }
        }

        return new TypeModel(
            TypeKind.Union,
            SchemaNamespace,
            name,
            BaseType: null,
            IsAbstract: false,
            IsOpen: false,
            HasStream: false,
            EquatableArray<string>.Empty,
            members.ToEquatableArray(),
            EquatableArray<EnumMemberModel>.Empty,
            UnderlyingType: null,
            IsFlags: false,
            Doc(schema),
            discriminator,
            values.ToEquatableArray());
    }

    /// <summary>A name for a union alternative from its type: <c>String</c>, <c>Int64List</c>, <c>PetMap</c>, <c>Json</c>.</summary>
    private static string Label(TypeReference type)
    {
        var simple = NestedTypeName.Inner(type.QualifiedName) is { } nested
            ? Label(nested)
            : type.QualifiedName == "Edm.Untyped" ? "Json" : type.QualifiedName.Substring(type.QualifiedName.LastIndexOf('.') + 1);
        return simple + (type.IsCollection ? "List" : type.IsMap ? "Map" : string.Empty);
    }

    /// <summary>The schema every alternative extends with <c>allOf: [$ref Base, …]</c>, when there is exactly one.</summary>
    private string? CommonBase(IReadOnlyList<IOpenApiSchema> alternatives)
    {
        string? common = null;
        foreach (var alternative in alternatives)
        {
            var resolved = ReferenceId(alternative) is null ? null : Resolve(alternative);
            var bases = resolved?.AllOf?.Where(part => ReferenceId(part) is not null).ToList();
            if (resolved is null || !Shape(resolved).IsObject || bases is not { Count: 1 } || Resolve(bases[0]) is not { } baseSchema || !Shape(baseSchema).IsObject)
            {
                return null;
            }

            var baseName = ReferenceId(bases[0])!;
            if (common is not null && common != baseName)
            {
                return null;
            }

            common = baseName;
        }

        return common;
    }

    /// <summary>The values a schema allows for its discriminator property (<c>enum</c> or <c>const</c>), own or from inline <c>allOf</c> parts.</summary>
    private IEnumerable<string> DeclaredDiscriminatorValues(IOpenApiSchema schema, string discriminator)
    {
        var parts = new List<IOpenApiSchema> { schema };
        parts.AddRange((schema.AllOf ?? new List<IOpenApiSchema>()).Where(part => ReferenceId(part) is null));
        foreach (var part in parts)
        {
            if (part.Properties is null || !part.Properties.TryGetValue(discriminator, out var property) || Resolve(property) is not { } resolved)
            {
                continue;
            }

            if (resolved.Const is { Length: > 0 } constant)
            {
                yield return constant;
            }

            foreach (var value in resolved.Enum ?? new List<System.Text.Json.Nodes.JsonNode>())
            {
                if (value is System.Text.Json.Nodes.JsonValue text && text.TryGetValue<string>(out var member))
                {
                    yield return member;
                }
            }
        }
    }

    /// <summary><c>discriminator.mapping</c> as value → schema name, for mappings that point at components.</summary>
    private static List<KeyValuePair<string, string>> ExplicitMapping(OpenApiDiscriminator discriminator)
    {
        var mapping = new List<KeyValuePair<string, string>>();
        foreach (var entry in discriminator.Mapping ?? new Dictionary<string, OpenApiSchemaReference>())
        {
            if (entry.Value?.Reference?.Id is { Length: > 0 } id)
            {
                mapping.Add(new KeyValuePair<string, string>(entry.Key, id));
            }
        }

        return mapping;
    }

    private void RegisterDiscriminator(string baseName, string property, List<KeyValuePair<string, string>> mapping)
    {
        if (_discriminators.TryGetValue(baseName, out var existing))
        {
            existing.Mapping.AddRange(mapping);
        }
        else
        {
            _discriminators.Add(baseName, (property, new List<KeyValuePair<string, string>>(mapping)));
        }
    }

    /// <summary>
    /// Gives each base type with a discriminator the values that select its derived types: the explicit
    /// <c>mapping</c>, then each derived schema's name (OpenAPI's implicit mapping), then the values its
    /// discriminator property allows (<c>enum</c>/<c>const</c>, as OpenAI-style specs declare them).
    /// </summary>
    private void CompleteDiscriminators()
    {
        var objects = _types.Where(type => type.Kind == TypeKind.Complex).GroupBy(type => type.QualifiedName, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);
        foreach (var entry in _discriminators.OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            var baseQualified = SchemaNamespace + "." + entry.Key;
            var index = _types.FindIndex(type => type.Kind == TypeKind.Complex && type.QualifiedName == baseQualified);
            if (index < 0)
            {
                continue;
            }

            bool Extends(TypeModel type)
            {
                var current = type.BaseType;
                for (var depth = 0; current is not null && depth < 64; depth++)
                {
                    if (current == baseQualified)
                    {
                        return true;
                    }

                    current = objects.TryGetValue(current, out var next) ? next.BaseType : null;
                }

                return false;
            }

            var derived = objects.Values.Where(Extends).OrderBy(type => type.Name, StringComparer.Ordinal).ToList();
            var values = new List<DiscriminatorValueModel>();
            var taken = new HashSet<string>(StringComparer.Ordinal);
            void Add(string value, string type)
            {
                if (taken.Add(value))
                {
                    values.Add(new DiscriminatorValueModel(value, type));
                }
            }

            foreach (var mapped in entry.Value.Mapping)
            {
                if (derived.Any(type => type.Name == mapped.Value))
                {
                    Add(mapped.Key, SchemaNamespace + "." + mapped.Value);
                }
            }

            foreach (var type in derived)
            {
                var resolved = _namedSchemas.TryGetValue(type.Name, out var schema) ? Resolve(schema) : null;

                // AutoRest's x-ms-discriminator-value replaces the schema name as the value naming the type (a
                // 'goblinshark' schema is sent and read as 'goblin'); it comes first, so the constructor writes it.
                if (resolved is not null && Text(Extension(resolved, "x-ms-discriminator-value")) is { Length: > 0 } declared)
                {
                    Add(declared, type.QualifiedName);
                }
                else
                {
                    Add(type.Name, type.QualifiedName);
                }

                if (resolved is not null)
                {
                    foreach (var value in DeclaredDiscriminatorValues(resolved, entry.Value.Property))
                    {
                        Add(value, type.QualifiedName);
                    }
                }
            }

            _types[index] = _types[index] with { Discriminator = entry.Value.Property, DiscriminatorValues = values.ToEquatableArray() };
        }
    }
}
