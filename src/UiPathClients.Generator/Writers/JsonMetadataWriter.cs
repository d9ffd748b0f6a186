using System.Collections.Generic;
using System.Linq;
using UiPathClients.Generator.Emit;
using UiPathClients.Generator.Model;
using UiPathClients.Generator.Naming;
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
                    factories.Add(
                        enumFull,
                        type.IsExtensible
                            ? $"global::System.Text.Json.Serialization.Metadata.JsonMetadataServices.CreateValueInfo<{enumFull}>(options, {_context.ConverterFullName(type.QualifiedName)}.Default)"
                            : $"{Metadata}EnumInfo<{enumFull}>(options, {_context.ConverterFullName(type.QualifiedName)}.Default)");
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

        foreach (var enumType in nullableEnums)
        {
            factories.Add(enumType + "?", $"{Metadata}NullableInfo<{enumType}>(options)");
        }

        foreach (var value in mapValues)
        {
            factories.Add($"global::System.Collections.Generic.IDictionary<string, {value.Key}>", $"{Metadata}DictionaryInfo<{value.Value}>(options)");
        }

        foreach (var item in listItems)
        {
            factories.Add($"global::System.Collections.Generic.IList<{item}>", $"{Metadata}ListInfo<{item}>(options)");
            factories.Add($"global::System.Collections.Generic.List<{item}>", $"{Metadata}ConcreteListInfo<{item}>(options)");
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

    /// <summary>The type among <paramref name="type"/> and its ancestors that declares <paramref name="property"/>.</summary>
    private TypeModel FindDeclaring(TypeModel type, PropertyModel property) =>
        _context.SelfAndAncestors(type).First(candidate => candidate.Properties.Contains(property));

    /// <summary>The metadata method of one entity or complex type.</summary>
    /// <param name="factories">Where the method and its dictionary entry go.</param>
    /// <param name="type">The type.</param>
    /// <param name="derived">The concrete types deriving from <paramref name="type"/>, told apart by <c>@odata.type</c>; empty for none.</param>
    private void AddObjectMetadata(JsonFactories factories, TypeModel type, List<TypeModel> derived)
    {
        var full = _context.TypeFullName(type.QualifiedName);
        // Required members must be named in the initializer; the values read then replace these defaults.
        var required = _context.AllProperties(type).Where(property => _context.IsRequiredMember(FindDeclaring(type, property.Model), property.Model)).Select(property => property.CSharpName + " = default!").ToList();
        var create = type.IsAbstract
            ? "null"
            : required.Count == 0 ? $"static () => new {full}()" : $"static () => new {full} {{ {string.Join(", ", required)} }}";
        var body = new CodeLines();
        var discriminated = DiscriminatedDerivedTypes(type);
        var factory = discriminated.Count > 0 ? RestMetadata + "DiscriminatedObjectInfo" : Metadata + (derived.Count > 0 ? "PolymorphicObjectInfo" : "ObjectInfo");
        body.Line($"{factory}<{full}>(options, {create}, static options => new global::System.Text.Json.Serialization.Metadata.JsonPropertyInfo[]");
        body.Open();

        // Base properties first, as System.Text.Json orders them; the root type holds AdditionalData.
        var chain = _context.SelfAndAncestors(type).Reverse().ToList();
        foreach (var declaring in chain)
        {
            var declaringFull = _context.TypeFullName(declaring.QualifiedName);
            var names = _context.PropertyNames(declaring);
            foreach (var property in declaring.Properties)
            {
                var propertyType = _context.PropertyClrType(property);
                var name = names[property.Name];
                var line = property.IsWriteOnly
                    ? $"{RestMetadata}WriteOnlyPropertyInfo<{declaringFull}, {propertyType}>(options, {Literal(name)}, {Literal(property.Name)}, static instance => instance.{name}),"
                    : property.IsComputed && _context.Model.Style == ApiStyle.Rest
                        // OpenAPI readOnly: never in a request, even one built from an object read earlier.
                        ? $"{RestMetadata}ReadOnlyPropertyInfo<{declaringFull}, {propertyType}>(options, {Literal(name)}, {Literal(property.Name)}, static instance => instance.{name}, static (instance, value) => instance.{name} = value),"
                    : _context.TracksSetProperties
                        ? $"{Metadata}TrackedPropertyInfo<{declaringFull}, {propertyType}>(options, {Literal(name)}, {Literal(property.Name)}, static instance => instance.{name}, static (instance, value) => instance.{name} = value, {PropertyRole(property)}),"
                        : $"{Metadata}PropertyInfo<{declaringFull}, {propertyType}>(options, {Literal(name)}, {Literal(property.Name)}, static instance => instance.{name}, static (instance, value) => instance.{name} = value),";

                // A format whose text is not the C# type's usual JSON (RFC 1123, unix time, base64url) names its converter.
                if (property.Kind != PropertyKind.Navigation && _context.TypeMapper.WireConverter(property.Type, propertyType) is { } converter)
                {
                    line = $"{WireFormats}WithConverter({line.Substring(0, line.Length - 1)}, {converter}),";
                }

                body.Line(line);
            }
        }

        body.Line($"{Metadata}AdditionalDataInfo<{_context.TypeFullName(chain[0].QualifiedName)}>(options),");
        if (discriminated.Count > 0)
        {
            // OpenAPI: the discriminator is an ordinary declared property, read wherever it is in the object.
            body.Close(",");
            body.Indent().Line(Literal(DiscriminatorOf(type)!) + ",");
            for (var index = 0; index < discriminated.Count; index++)
            {
                var separator = index == discriminated.Count - 1 ? ");" : ",";
                body.Line($"new global::System.Collections.Generic.KeyValuePair<string, global::System.Type>({Literal(discriminated[index].Value)}, typeof({_context.TypeFullName(discriminated[index].Type)})){separator}");
            }

            body.Outdent();
        }
        else if (derived.Count == 0)
        {
            body.Close(");");
        }
        else
        {
            // OData names the instance's type in @odata.type (#NS.Type) when it is not the declared one.
            body.Close(",");
            body.Indent().Line("\"@odata.type\",");
            for (var index = 0; index < derived.Count; index++)
            {
                var separator = index == derived.Count - 1 ? ");" : ",";
                body.Line($"new global::System.Text.Json.Serialization.Metadata.JsonDerivedType(typeof({_context.TypeFullName(derived[index].QualifiedName)}), {Literal("#" + derived[index].QualifiedName)}){separator}");
            }

            body.Outdent();
        }

        factories.Add(full, RawLines(body).ToList());
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

    /// <summary>The resolver's dictionary entries and the factory method each one names.</summary>
    private sealed class JsonFactories
    {
        private readonly HashSet<string> _usedNames = new(System.StringComparer.Ordinal);

        public CodeLines Entries { get; } = new();

        public List<MemberView> Methods { get; } = new();

        public void Add(string clrType, string expression) => Add(clrType, new List<string> { expression + ";" });

        /// <summary>Adds <c>[typeof(clrType)] = Name</c> and <c>private static JsonTypeInfo Name(options) =&gt; body</c>.</summary>
        public void Add(string clrType, List<string> body)
        {
            var name = UniqueName(clrType);
            Entries.Line($"[typeof({clrType})] = {name},");
            var method = new CodeLines()
                .Line($"private static global::System.Text.Json.Serialization.Metadata.JsonTypeInfo {name}({Options} options) =>")
                .Indent();
            method.Lines(body);
            Methods.Add(method.Outdent().ToMember());
        }

        /// <summary><c>global::A.B.JobDto</c> → <c>JobDtoInfo</c>; <c>IList&lt;long?&gt;</c> → <c>IListOfLongNullableInfo</c>; <c>IDictionary&lt;string, int&gt;</c> → <c>IDictionaryOfStringOfIntInfo</c>.</summary>
        private string UniqueName(string clrType)
        {
            var text = clrType.Replace("global::System.Collections.Generic.", string.Empty);
            var builder = new System.Text.StringBuilder();
            foreach (var part in text.Replace("?", "Nullable").Replace("[]", "Array").Split('<', '>', ',', ' '))
            {
                if (part.Length == 0)
                {
                    continue;
                }

                var simple = part.Substring(part.LastIndexOf('.') + 1);
                builder.Append(builder.Length == 0 ? string.Empty : "Of").Append(char.ToUpperInvariant(simple[0])).Append(simple.Substring(1));
            }

            var baseName = builder.Append("Info").ToString();
            var name = baseName;
            for (var suffix = 2; !_usedNames.Add(name); suffix++)
            {
                name = baseName + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return name;
        }
    }

    /// <summary>
    /// The runtime's <c>ODataPropertyRole</c>: a value the service computes (<c>Core.Computed</c>) is sent only when the
    /// caller set it, never because it was read.
    /// </summary>
    private static string PropertyRole(PropertyModel property) =>
        "global::UiPathClients.Runtime.Metadata.ODataPropertyRole." + (property.IsComputed ? "Computed" : "None");

    /// <summary>The lines of a <see cref="CodeLines"/> without their member indentation, to nest them.</summary>
    private static IEnumerable<string> RawLines(CodeLines lines) =>
        lines.ToMember().Lines.Select(line => line.Length >= 8 ? line.Substring(8) : line.TrimStart());
}
