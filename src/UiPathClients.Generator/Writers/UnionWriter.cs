using System.Collections.Generic;
using System.Linq;
using UiPathClients.Generator.Emit;
using UiPathClients.Generator.Model;
using UiPathClients.Runtime.Serialization;
using static UiPathClients.Generator.Emit.EmitContext;
using static UiPathClients.Generator.Emit.RuntimeNames;

namespace UiPathClients.Generator.Writers;

/// <summary>
/// OpenAPI <c>oneOf</c>/<c>anyOf</c> wrappers: a class with one nullable property per alternative, deriving
/// from the runtime's <c>JsonUnion</c>, and a converter that picks the alternative when reading (see
/// <c>JsonUnionConverter</c>): by discriminator value when the union has one, else by JSON kind, the most
/// specific alternative first, objects by the property names they share with the JSON.
/// </summary>
internal sealed class UnionWriter
{
    private readonly EmitContext _context;

    public UnionWriter(EmitContext context) => _context = context;

    public IEnumerable<GeneratedFile> Write(TypeModel type)
    {
        var (@namespace, name, prefix) = _context.Names[type.QualifiedName];
        var full = _context.TypeFullName(type.QualifiedName);
        var converter = _context.ConverterNames[type.QualifiedName];
        var names = _context.PropertyNames(type);
        var members = new List<MemberView>();
        var conversions = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var property in type.Properties)
        {
            members.Add(new CodeLines()
                .Lines(DocComment.Lines(property.Documentation, $"The <c>{DocComment.Escape(property.Name)}</c> alternative, when the value is one."))
                .Line($"public {UnionPropertyType(property.Type)} {names[property.Name]} {{ get; set; }}")
                .ToMember());
        }

        members.Add(new CodeLines()
            .Line("/// <inheritdoc />")
            .Line("public override object? Value => " + (type.Properties.Count == 0 ? "null" : string.Join(" ?? ", type.Properties.Select(property => "(object?)" + names[property.Name]))) + ";")
            .ToMember());

        foreach (var property in type.Properties)
        {
            // C# allows no conversion from an interface (IList, IDictionary) or from the type itself.
            var memberType = UnionMemberType(property.Type);
            if (property.Type.IsCollection || property.Type.IsMap || property.Type.QualifiedName == type.QualifiedName || !conversions.Add(memberType))
            {
                continue;
            }

            members.Add(new CodeLines()
                .Line($"/// <summary>Wraps a <c>{DocComment.Escape(property.Name)}</c> alternative.</summary>")
                .Line($"public static implicit operator {full}({memberType} value) => new {full} {{ {names[property.Name]} = value }};")
                .ToMember());
        }

        var remarks = new List<string>
        {
            type.Discriminator is null
                ? "Reading sets the first alternative the JSON value fits (the most specific first; objects by the properties they share with the JSON); writing writes the one that is set."
                : $"Reading sets the alternative that <c>{DocComment.Escape(type.Discriminator)}</c> names, else the first one the JSON value fits; writing writes the one that is set.",
            "A value no alternative fits is kept in <c>UnknownJson</c> and written back unchanged.",
        };
        yield return new GeneratedFile(
            _context.FileHint("Unions", prefix + name),
            ViewRenderer.RenderCodeFile(new CodeFileView
            {
                Namespace = @namespace,
                GeneratorVersion = _context.GeneratorVersion,
                DocLines = DocComment.Lines(type.Documentation, remarks),
                Attributes = new[] { "global::System.Text.Json.Serialization.JsonConverter(typeof(global::" + @namespace + "." + converter + "))" },
                Declaration = $"public sealed partial class {name} : {RuntimeSerialization}JsonUnion",
                Members = members,
            }));

        var body = new CodeLines()
            .Line("/// <summary>The shared instance (the converter is stateless after construction).</summary>")
            .Line($"public static global::{@namespace}.{converter} Default {{ get; }} = new global::{@namespace}.{converter}();")
            .Blank()
            .Line("/// <summary>Creates the converter.</summary>")
            .Line($"public {converter}()")
            .Indent()
            .Line($": base(static () => new {full}(), {(type.Discriminator is null ? "null" : Literal(type.Discriminator))}, new[]")
            .Open();
        var ordered = type.Properties.Select((property, index) => (property, index)).OrderBy(pair => Specificity(pair.property.Type)).ThenBy(pair => pair.index).Select(pair => pair.property).ToList();
        for (var index = 0; index < ordered.Count; index++)
        {
            var property = ordered[index];
            var memberType = UnionMemberType(property.Type);
            var memberName = names[property.Name];
            var arguments = new List<string>
            {
                KindsLiteral(Kinds(property.Type, new HashSet<string>(System.StringComparer.Ordinal))),
                $"static union => union.{memberName}",
                $"static (union, value) => union.{memberName} = value",
            };
            var values = property.Type.IsCollection || property.Type.IsMap
                ? new List<string>()
                : type.DiscriminatorValues.Where(value => value.Type == property.Type.QualifiedName).Select(value => Literal(value.Value)).ToList();
            var propertyNames = property.Type.IsCollection || property.Type.IsMap ? new List<string>() : JsonPropertyNames(property.Type.QualifiedName).Select(Literal).ToList();
            arguments.Add(values.Count == 0 ? "null" : "new[] { " + string.Join(", ", values) + " }");
            arguments.Add(propertyNames.Count == 0 ? "null" : "new[] { " + string.Join(", ", propertyNames) + " }");
            body.Line($"{RuntimeSerialization}JsonUnionMember.Create<{full}, {memberType}>({string.Join(", ", arguments)}){(index == ordered.Count - 1 ? string.Empty : ",")}");
        }

        body.Close(")").Outdent().Line("{").Line("}");
        yield return new GeneratedFile(
            _context.FileHint("Unions", prefix + converter),
            ViewRenderer.RenderCodeFile(new CodeFileView
            {
                Namespace = @namespace,
                GeneratorVersion = _context.GeneratorVersion,
                DocLines = new[] { "/// <summary>", $"/// Reads and writes <see cref=\"{full}\"/>, choosing the alternative when reading.", "/// </summary>" },
                Declaration = $"public sealed class {converter} : {RuntimeSerialization}JsonUnionConverter<{full}>",
                Members = new[] { body.ToMember() },
            }));
    }

    /// <summary>The wrapper property's type: the alternative's type, nullable (unset).</summary>
    private string UnionPropertyType(TypeReference type) =>
        type.IsCollection || type.IsMap ? UnionMemberType(type) + "?" : _context.TypeMapper.MapSingle(type.QualifiedName, isNullable: true);

    /// <summary>The alternative's type as read and written: not nullable, the generic argument of its metadata.</summary>
    private string UnionMemberType(TypeReference type) =>
        type.IsCollection
            ? "global::System.Collections.Generic.IList<" + _context.TypeMapper.MapSingle(type.QualifiedName, type.IsNullable && !_context.TypeMapper.IsReferenceType(type.QualifiedName)) + ">"
            : type.IsMap
                ? _context.TypeMapper.MapDictionary(type)
                : _context.TypeMapper.MapSingle(type.QualifiedName, isNullable: false);

    /// <summary>Order of trial when reading: an enum before a string, an integer before a number, untyped JSON last.</summary>
    private int Specificity(TypeReference type)
    {
        if (type.IsCollection || type.IsMap)
        {
            return 1;
        }

        var qualified = _context.Underlying(type.QualifiedName);
        if (_context.TypesByQualifiedName.TryGetValue(qualified, out var declared))
        {
            return declared.Kind == TypeKind.Enum ? 0 : 1;
        }

        // Names the table does not know are opaque JSON, tried last.
        return (int)(PrimitiveTypes.Find(qualified)?.UnionTrial ?? UnionTrialOrder.Opaque);
    }

    private JsonUnionKinds Kinds(TypeReference type, HashSet<string> visiting)
    {
        if (type.IsCollection)
        {
            return JsonUnionKinds.Arrays;
        }

        if (type.IsMap)
        {
            return JsonUnionKinds.Objects;
        }

        var qualified = _context.Underlying(type.QualifiedName);
        if (_context.TypesByQualifiedName.TryGetValue(qualified, out var declared))
        {
            switch (declared.Kind)
            {
                case TypeKind.Enum:
                    return JsonUnionKinds.Strings;
                case TypeKind.Union:
                    var kinds = JsonUnionKinds.None;
                    if (visiting.Add(qualified))
                    {
                        foreach (var member in declared.Properties)
                        {
                            kinds |= Kinds(member.Type, visiting);
                        }
                    }

                    return kinds == JsonUnionKinds.None ? JsonUnionKinds.Any : kinds;
                default:
                    return JsonUnionKinds.Objects;
            }
        }

        return PrimitiveTypes.Find(qualified)?.JsonKinds ?? JsonUnionKinds.Any;
    }

    private static string KindsLiteral(JsonUnionKinds kinds)
    {
        if (kinds == JsonUnionKinds.Any)
        {
            return RuntimeSerialization + "JsonUnionKinds.Any";
        }

        var parts = new[] { JsonUnionKinds.Objects, JsonUnionKinds.Arrays, JsonUnionKinds.Strings, JsonUnionKinds.Numbers, JsonUnionKinds.Booleans }
            .Where(kind => (kinds & kind) != 0)
            .Select(kind => RuntimeSerialization + "JsonUnionKinds." + kind);
        return string.Join(" | ", parts);
    }

    /// <summary>The JSON names of an object type's properties, inherited ones included; empty for other types.</summary>
    private List<string> JsonPropertyNames(string qualifiedName)
    {
        return _context.TypesByQualifiedName.TryGetValue(_context.Underlying(qualifiedName), out var declared) && declared.Kind is TypeKind.Complex or TypeKind.Entity
            ? _context.SelfAndAncestors(declared).Reverse().SelectMany(current => current.Properties.Select(property => property.Name)).ToList()
            : new List<string>();
    }
}
