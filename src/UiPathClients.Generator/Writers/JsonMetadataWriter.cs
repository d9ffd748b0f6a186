using System.Collections.Generic;
using System.Linq;
using UiPathClients.Generator.Emit;
using UiPathClients.Generator.Model;
using static UiPathClients.Generator.Emit.EmitContext;
using static UiPathClients.Generator.Emit.RuntimeNames;

namespace UiPathClients.Generator.Writers;

/// <summary>
/// System.Text.Json metadata for every generated type, written out as calls to the runtime's
/// <c>ODataJsonMetadata</c> helpers: the STJ source generator cannot see our output, and reflection
/// would break trimming and native AOT.
/// </summary>
internal sealed class JsonMetadataWriter
{
    private readonly EmitContext _context;

    public JsonMetadataWriter(EmitContext context) => _context = context;

    public GeneratedFile Write()
    {
        // One small static method per type and a dictionary of method groups: a single initializer holding
        // hundreds of lambdas made the trim/AOT analyzers (IsAotCompatible) take minutes on Orchestrator.
        var factories = new JsonFactories();
        var descendants = _context.Model.Style == ApiStyle.OData ? ConcreteDescendantsByAncestor() : new Dictionary<string, List<TypeModel>>();
        // Each type once; collections and nullable forms of everything properties and parameters use.
        var listItems = new SortedSet<string>(System.StringComparer.Ordinal);
        // typeof() name of the value type → the generic argument (string? for reference types, which may be JSON null).
        var mapValues = new SortedDictionary<string, string>(System.StringComparer.Ordinal);
        var nullableEnums = new SortedSet<string>(System.StringComparer.Ordinal);

        void NoteUse(TypeReference reference)
        {
            // typeof() cannot name nullable reference types, and string? is string at run time anyway.
            var item = _context.TypeMapper.MapSingle(reference.QualifiedName, reference.IsNullable && !_context.TypeMapper.IsReferenceType(reference.QualifiedName));
            if (reference.IsCollection)
            {
                listItems.Add(item);
            }

            if (reference.IsMap)
            {
                mapValues[_context.TypeMapper.MapSingle(reference.QualifiedName, isNullable: false)] = _context.TypeMapper.MapDictionaryValue(reference);
            }

            var underlying = _context.Underlying(reference.QualifiedName);
            if (_context.TypesByQualifiedName.TryGetValue(underlying, out var declared) && declared.Kind == TypeKind.Enum)
            {
                nullableEnums.Add(_context.TypeFullName(underlying));
            }

            if (NestedTypeName.Inner(reference.QualifiedName) is { } nested)
            {
                // IList<IList<string>> needs the metadata of IList<string> too.
                NoteUse(nested);
            }
        }

        foreach (var type in _context.Model.Types)
        {
            switch (type.Kind)
            {
                case TypeKind.Entity:
                case TypeKind.Complex:
                    AddObjectMetadata(factories, type, descendants.TryGetValue(type.QualifiedName, out var derivedTypes) ? derivedTypes : new List<TypeModel>());
                    foreach (var property in type.Properties)
                    {
                        NoteUse(property.Type);
                    }

                    break;
                case TypeKind.Enum:
                    var enumFull = _context.TypeFullName(type.QualifiedName);
                    if (type.IsExtensible)
                    {
                        factories.Add(enumFull, $"global::System.Text.Json.Serialization.Metadata.JsonMetadataServices.CreateValueInfo<{enumFull}>(options, {_context.ConverterFullName(type.QualifiedName)}.Default)");
                    }
                    else
                    {
                        factories.AddMethodGroup(enumFull, $"{Metadata}EnumInfo<{enumFull}, {_context.ConverterFullName(type.QualifiedName)}>");
                    }

                    break;
                case TypeKind.Union:
                    var unionFull = _context.TypeFullName(type.QualifiedName);
                    factories.Add(unionFull, $"{RestMetadata}UnionInfo<{unionFull}>(options, {_context.ConverterFullName(type.QualifiedName)}.Default)");
                    foreach (var member in type.Properties)
                    {
                        NoteUse(member.Type);
                    }

                    break;
            }
        }

        foreach (var operation in _context.Model.Operations)
        {
            foreach (var parameter in operation.Parameters)
            {
                NoteUse(parameter.Type);
            }

            if (operation.ReturnType is not null)
            {
                NoteUse(operation.ReturnType);
            }
        }

        foreach (var operation in _context.Model.RestOperations)
        {
            foreach (var type in RestClientWriter.RestTypesUsed(operation))
            {
                NoteUse(type);
            }
        }

        // The runtime's generic factories need nothing but the options: the dictionary names them directly.
        foreach (var enumType in nullableEnums)
        {
            factories.AddMethodGroup(enumType + "?", $"{Metadata}NullableInfo<{enumType}>");
        }

        foreach (var value in mapValues)
        {
            factories.AddMethodGroup($"global::System.Collections.Generic.IDictionary<string, {value.Key}>", $"{Metadata}DictionaryInfo<{value.Value}>");
        }

        foreach (var item in listItems)
        {
            factories.AddMethodGroup($"global::System.Collections.Generic.IList<{item}>", $"{Metadata}ListInfo<{item}>");
            factories.AddMethodGroup($"global::System.Collections.Generic.List<{item}>", $"{Metadata}ConcreteListInfo<{item}>");
        }

        var factoryType = $"global::System.Func<{Options}, global::System.Text.Json.Serialization.Metadata.JsonTypeInfo>";
        var members = new List<MemberView>
        {
            new CodeLines()
                .Line("/// <summary>The shared instance; pass it to <c>JsonSerializerOptions.TypeInfoResolver</c> (chained with <c>ODataPrimitiveJsonResolver</c>).</summary>")
                .Line($"public static {_context.JsonMetadataName} Default {{ get; }} = new {_context.JsonMetadataName}();")
                .ToMember(),
            new CodeLines()
                .Line($"private static readonly global::System.Collections.Generic.Dictionary<global::System.Type, {factoryType}> Factories = new global::System.Collections.Generic.Dictionary<global::System.Type, {factoryType}>")
                .Open()
                .Lines(RawLines(factories.Entries))
                .Close(";")
                .ToMember(),
            new CodeLines()
                .Line("/// <inheritdoc />")
                .Line($"public global::System.Text.Json.Serialization.Metadata.JsonTypeInfo? GetTypeInfo(global::System.Type type, {Options} options) =>")
                .Indent().Line("Factories.TryGetValue(type, out var factory) ? factory(options) : null;").Outdent()
                .ToMember(),
        };
        members.AddRange(factories.Methods);

        var view = new CodeFileView
        {
            Namespace = _context.Model.Namespace,
            GeneratorVersion = _context.GeneratorVersion,
            DocLines = new[]
            {
                "/// <summary>",
                "/// System.Text.Json metadata for every type of the service, without reflection (trim- and AOT-safe).",
                "/// </summary>",
            },
            Declaration = $"public sealed partial class {_context.JsonMetadataName} : global::System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver",
            Members = members,
        };
        return new GeneratedFile(_context.FileHint(null, _context.JsonMetadataName), ViewRenderer.RenderCodeFile(view));
    }

    /// <summary>
    /// The metadata of one entity or complex type. Each property is described once, by its declaring type: a type with
    /// subtypes gets a method listing its properties, which its subtypes' lists start from (base properties first, as
    /// System.Text.Json orders them), so the output grows with the properties declared, not types times inheritance depth.
    /// A type without subtypes lists its properties in its own metadata method.
    /// </summary>
    /// <param name="factories">Where the methods and the dictionary entry go.</param>
    /// <param name="type">The type.</param>
    /// <param name="derived">The concrete types deriving from <paramref name="type"/>, told apart by <c>@odata.type</c>; empty for none.</param>
    private void AddObjectMetadata(JsonFactories factories, TypeModel type, List<TypeModel> derived)
    {
        var full = _context.TypeFullName(type.QualifiedName);
        // Required members must be named in the initializer; the values read then replace these defaults.
        var required = _context.SelfAndAncestors(type)
            .SelectMany(declaring => declaring.Properties
                .Where(property => _context.IsRequiredMember(declaring, property))
                .Select(property => _context.PropertyNames(declaring)[property.Name] + " = default!"))
            .ToList();
        var create = type.IsAbstract
            ? "null"
            : required.Count == 0 ? $"static () => new {full}()" : $"static () => new {full} {{ {string.Join(", ", required)} }}";
        var discriminated = DiscriminatedDerivedTypes(type);
        var factory = discriminated.Count > 0 ? RestMetadata + "DiscriminatedObjectInfo" : Metadata + (derived.Count > 0 ? "PolymorphicObjectInfo" : "ObjectInfo");
        // The root type holds AdditionalData, which System.Text.Json keeps apart from the ordered properties; it is last.
        var additionalData = $"{Metadata}AdditionalDataInfo<{_context.TypeFullName(_context.SelfAndAncestors(type).Last().QualifiedName)}>(options))";
        var head = $"{factory}<{full}>(options, {create}, static options => ";
        var body = new List<string>();
        if (_context.Types.DerivedOf(type).Any())
        {
            var propertiesMethod = factories.PropertiesMethodOf(type.QualifiedName, full);
            factories.AddProperties(propertiesMethod, PropertiesListLines(factories, type, closed: true));
            body.Add($"{head}{Metadata}Properties({propertiesMethod}(options), {additionalData}");
        }
        else
        {
            // AdditionalData rides on the list's last line: one line less per type, and most types have no subtypes.
            var properties = PropertiesListLines(factories, type, closed: false);
            properties[properties.Count - 1] += " " + additionalData;
            body.Add(head + properties[0]);
            body.AddRange(properties.Skip(1));
        }

        if (discriminated.Count > 0)
        {
            // OpenAPI: the discriminator is an ordinary declared property, read wherever it is in the object.
            body[body.Count - 1] += $", {Literal(DiscriminatorOf(type)!)},";
            body.AddRange(discriminated.Select((value, index) =>
                $"    new global::System.Collections.Generic.KeyValuePair<string, global::System.Type>({Literal(value.Value)}, typeof({_context.TypeFullName(value.Type)})){(index == discriminated.Count - 1 ? ");" : ",")}"));
        }
        else if (derived.Count > 0)
        {
            // OData names the instance's type in @odata.type (#NS.Type) when it is not the declared one.
            body[body.Count - 1] += ", \"@odata.type\",";
            body.AddRange(derived.Select((derivedType, index) =>
                $"    new global::System.Text.Json.Serialization.Metadata.JsonDerivedType(typeof({_context.TypeFullName(derivedType.QualifiedName)}), {Literal("#" + derivedType.QualifiedName)}){(index == derived.Count - 1 ? ");" : ",")}"));
        }
        else
        {
            body[body.Count - 1] += ");";
        }

        factories.Add(full, body, onSignatureLine: true);
    }

    /// <summary>
    /// <c>Properties(inherited,</c> (its base's list, whose properties System.Text.Json orders first) and one description
    /// per property <paramref name="type"/> declares, each ending in a comma, or the last in <c>);</c> when <paramref name="closed"/>.
    /// </summary>
    private List<string> PropertiesListLines(JsonFactories factories, TypeModel type, bool closed)
    {
        var baseType = _context.BaseOf(type);
        var inherited = baseType is null ? "inherited: null" : factories.PropertiesMethodOf(baseType.QualifiedName, _context.TypeFullName(baseType.QualifiedName)) + "(options)";
        var lines = new List<string> { $"{Metadata}Properties({inherited}," };
        var declaringFull = _context.TypeFullName(type.QualifiedName);
        var names = _context.PropertyNames(type);
        foreach (var property in type.Properties)
        {
            var propertyType = _context.PropertyClrType(property);
            var name = names[property.Name];
            var line = property.IsWriteOnly
                ? $"{RestMetadata}WriteOnlyPropertyInfo<{declaringFull}, {propertyType}>(options, {Literal(name)}, {Literal(property.Name)}, static instance => instance.{name})"
                : property.IsComputed && _context.Model.Style == ApiStyle.Rest
                    // OpenAPI readOnly: never in a request, even one built from an object read earlier.
                    ? $"{RestMetadata}ReadOnlyPropertyInfo<{declaringFull}, {propertyType}>(options, {Literal(name)}, {Literal(property.Name)}, static instance => instance.{name}, static (instance, value) => instance.{name} = value)"
                : _context.TracksSetProperties
                    ? $"{Metadata}TrackedPropertyInfo<{declaringFull}, {propertyType}>(options, {Literal(name)}, {Literal(property.Name)}, static instance => instance.{name}, static (instance, value) => instance.{name} = value{PropertyRoleArgument(property)})"
                    : $"{Metadata}PropertyInfo<{declaringFull}, {propertyType}>(options, {Literal(name)}, {Literal(property.Name)}, static instance => instance.{name}, static (instance, value) => instance.{name} = value)";

            // A format whose text is not the C# type's usual JSON (RFC 1123, unix time, base64url) names its converter.
            if (property.Kind != PropertyKind.Navigation && _context.TypeMapper.WireConverter(property.Type, propertyType) is { } converter)
            {
                line = $"{WireFormats}WithConverter({line}, {converter})";
            }

            lines.Add("    " + line + ",");
        }

        if (closed)
        {
            // The last property ends the call, or the opening line when the type declares none.
            var last = lines[lines.Count - 1];
            lines[lines.Count - 1] = last.Substring(0, last.Length - 1) + ");";
        }

        return lines;
    }

    /// <summary>
    /// For each type with subtypes, the non-abstract types deriving from it, directly or not, in model order:
    /// one walk up from every type, rather than a scan of all types per type.
    /// </summary>
    private Dictionary<string, List<TypeModel>> ConcreteDescendantsByAncestor()
    {
        var descendants = new Dictionary<string, List<TypeModel>>(System.StringComparer.Ordinal);
        foreach (var candidate in _context.Model.Types)
        {
            if (candidate.IsAbstract || candidate.Kind is not (TypeKind.Entity or TypeKind.Complex))
            {
                continue;
            }

            for (var ancestor = _context.BaseOf(candidate); ancestor is not null; ancestor = _context.BaseOf(ancestor))
            {
                if (!descendants.TryGetValue(ancestor.QualifiedName, out var list))
                {
                    list = new List<TypeModel>();
                    descendants.Add(ancestor.QualifiedName, list);
                }

                list.Add(candidate);
            }
        }

        return descendants;
    }

    /// <summary>
    /// The discriminator values that select one of a REST type's (known, emitted) derived types. A type in the middle of
    /// a hierarchy (a salmon, whose base fish declares the discriminator) uses its base's discriminator and the values
    /// naming its own descendants, so a smart salmon declared as a salmon is still read as a smart salmon.
    /// </summary>
    private List<DiscriminatorValueModel> DiscriminatedDerivedTypes(TypeModel type)
    {
        var root = _context.Model.Style == ApiStyle.Rest ? _context.SelfAndAncestors(type).FirstOrDefault(candidate => candidate.Discriminator is not null) : null;
        if (root is null)
        {
            return new List<DiscriminatorValueModel>();
        }

        return root.DiscriminatorValues
            .Where(value => _context.TypesByQualifiedName.TryGetValue(value.Type, out var derived) && derived.Kind is TypeKind.Complex or TypeKind.Entity && _context.Names.ContainsKey(value.Type)
                && (ReferenceEquals(root, type) || (value.Type != type.QualifiedName && _context.SelfAndAncestors(derived).Any(ancestor => ancestor.QualifiedName == type.QualifiedName))))
            .ToList();
    }

    /// <summary>The discriminator property that tells <paramref name="type"/>'s instances apart: its own, else its nearest ancestor's.</summary>
    private string? DiscriminatorOf(TypeModel type) => _context.SelfAndAncestors(type).Select(candidate => candidate.Discriminator).FirstOrDefault(discriminator => discriminator is not null);

    /// <summary>
    /// The runtime's <c>ODataPropertyRole</c>: a value the service computes (<c>Core.Computed</c>) is sent only when the
    /// caller set it, never because it was read.
    /// </summary>
    /// <remarks>The runtime's default is <c>None</c>, so only a computed property names its role (shorter lines).</remarks>
    private static string PropertyRoleArgument(PropertyModel property) =>
        property.IsComputed ? ", " + RuntimeMetadata + "ODataPropertyRole.Computed" : string.Empty;

    /// <summary>The lines of a <see cref="CodeLines"/> without their member indentation, to nest them.</summary>
    private static IEnumerable<string> RawLines(CodeLines lines) =>
        lines.ToMember().Lines.Select(line => line.Length >= 8 ? line.Substring(8) : line.TrimStart());
}
