using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using UiPathClients.Generator.Diagnostics;
using UiPathClients.Generator.Input;
using UiPathClients.Generator.Model;
using UiPathClients.Generator.Naming;

namespace UiPathClients.Generator.Readers.OpenApi;

/// <summary>
/// Reads an OpenAPI 2.0, 3.0 or 3.1 document (JSON, or YAML read into a JSON tree) with Microsoft.OpenApi
/// and maps its schemas into the same <see cref="ClientModel"/> the EDMX reader produces: objects become
/// complex types (one <c>$ref</c> in <c>allOf</c> becomes the base type), string enums become enums,
/// primitives map to the <c>Edm</c> type with the same meaning, inline objects get deterministic names.
/// </summary>
/// <remarks>
/// The text is read once (<see cref="SpecTree"/>): the tree the pre-checks walk is the tree Microsoft.OpenApi reads.
/// Its errors and warnings become UIPC0010/UIPC0011 with the JSON pointer it reports; it gives no line numbers, so
/// <see cref="SpecTree.Locate"/> maps the pointer back to the line and column in the JSON or YAML text (the deepest
/// part of the pointer that exists; the start of the file only when none does); an unresolved <c>$ref</c> points at
/// the <c>$ref</c> itself.
/// </remarks>
internal sealed partial class OpenApiReader
{
    /// <summary>The pseudo-namespace of every OpenAPI schema: OpenAPI has one flat namespace.</summary>
    private const string SchemaNamespace = "OpenApi";

    private readonly SpecFile _file;
    private readonly CancellationToken _cancellationToken;
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly List<TypeModel> _types = new();
    private readonly Dictionary<string, IOpenApiSchema> _namedSchemas = new(StringComparer.Ordinal);
    private readonly HashSet<string> _typeNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<IOpenApiSchema, string> _inlineNames = new();
    private SpecTree? _tree;
    private SpecTextPositions? _positions;

    /// <summary>Where in the document the mapping is (JSON pointer segments, escaped), so diagnostics can name a line.</summary>
    private readonly List<string> _pointer = new();

    /// <summary>Unresolved <c>$ref</c> values already reported: a schema is resolved more than once while it is mapped.</summary>
    private readonly HashSet<string> _unresolvedReported = new(StringComparer.Ordinal);

    /// <summary>Base types with a discriminator: the property and its explicit <c>mapping</c> (value → schema name), completed once every type is known.</summary>
    private readonly Dictionary<string, (string Property, List<KeyValuePair<string, string>> Mapping)> _discriminators = new(StringComparer.Ordinal);

    /// <summary>Inline enums named by <c>x-ms-enum</c>: the same name and values anywhere in the document is one type.</summary>
    private readonly Dictionary<string, string> _namedInlineEnums = new(StringComparer.Ordinal);

    /// <summary>Schemas whose single <c>oneOf</c>/<c>anyOf</c> alternative is being followed, to stop at a cycle.</summary>
    private readonly HashSet<IOpenApiSchema> _following = new();

    /// <summary>Array schemas whose item constraints are being read, to stop at an array that contains itself.</summary>
    private readonly HashSet<IOpenApiSchema> _constraining = new();

    // The arrays and maps whose items or values are being read, to stop at one that contains itself.
    private readonly HashSet<IOpenApiSchema> _expanding = new();

    private OpenApiReader(SpecFile file, CancellationToken cancellationToken)
    {
        _file = file;
        _cancellationToken = cancellationToken;
    }

    public static ReadResult Read(SpecFile file, CancellationToken cancellationToken) =>
        new OpenApiReader(file, cancellationToken).Read();

    private ReadResult Read()
    {
        var document = Parse();
        if (document is null)
        {
            return new ReadResult(_file.Path, null, _diagnostics.ToEquatableArray());
        }

        foreach (var entry in (document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>()).OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            _namedSchemas[entry.Key] = entry.Value;
            _typeNames.Add(entry.Key);
        }

        foreach (var entry in _namedSchemas)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            DeclareNamed(entry.Key, entry.Value);
        }

        // Operations may declare inline types, so discriminators are completed after them, and after inheritance is bounded.
        var operations = ReadOperations(document);
        BoundInheritance();
        CompleteDiscriminators();
        var clientName = SpecNaming.ClientName(_file);
        var model = new ClientModel(
            clientName,
            SpecNaming.Namespace(_file, clientName),
            ServicePath: string.Empty,
            QualifiedEnumLiterals: false,
            _types.OrderBy(type => type.Name, StringComparer.Ordinal).ToEquatableArray(),
            EquatableArray<EntitySetModel>.Empty,
            EquatableArray<OperationModel>.Empty,
            EquatableArray<OperationImportModel>.Empty,
            ApiStyle.Rest,
            operations.ToEquatableArray(),
            AbsoluteServer(document),
            ReadConventions());
        return new ReadResult(_file.Path, model, _diagnostics.ToEquatableArray());
    }

    private OpenApiDocument? Parse()
    {
        _tree = ReadTree();
        if (_tree is null || !PreflightJsonText(_tree.Root))
        {
            return null;
        }

        // Preflight saw an object. The rewrites below change what Microsoft.OpenApi reads; diagnostics still point into
        // the text, so a document they may change is rewritten as a copy and the tree read from the text stays as written.
        var root = (System.Text.Json.Nodes.JsonObject)_tree.Root!;
        var readable = root.ContainsKey("swagger") || root.ContainsKey("x-ms-paths") ? (System.Text.Json.Nodes.JsonObject)root.DeepClone() : root;
        MergeMsPaths(readable);
        RemoveUnconvertibleCollectionFormats(readable);
        MoveSwagger2ParameterMultipleOfToExtension(readable);
        var settings = new OpenApiReaderSettings();
        Microsoft.OpenApi.Reader.ReadResult result;
        try
        {
            result = new OpenApiJsonReader().Read(readable, settings.BaseUrl ?? new Uri(OpenApiConstants.BaseRegistryUri), settings);
        }
        catch (OpenApiUnsupportedSpecVersionException exception)
        {
            ReportInvalid(Tree.Locate("#/openapi"), exception.Message);
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Microsoft.OpenApi reads what the spec says; what it throws on is a document it cannot read, not a bug of ours.
            ReportInvalid(SpecPosition.StartOf(_file.Path), "Microsoft.OpenApi cannot read it (" + exception.GetType().Name + ": " + exception.Message + ")");
            return null;
        }

        var errors = result.Diagnostic?.Errors ?? new List<OpenApiError>();
        var warnings = result.Diagnostic?.Warnings ?? new List<OpenApiError>();

        // Microsoft.OpenApi validates strictly and still returns the document: real specs (Kubernetes, older
        // Orchestrators) break rules such as unique path signatures without that stopping generation. Those are
        // warnings; only a document that could not be read at all is an error.
        var unreadable = result.Document is null;
        ReportLimited(errors, unreadable ? DiagnosticDescriptors.InvalidOpenApiDocument : DiagnosticDescriptors.OpenApiWarning);
        ReportLimited(warnings, DiagnosticDescriptors.OpenApiWarning);
        if (result.Document is not null)
        {
            ReadCollectionFormats(readable, result.Diagnostic?.SpecificationVersion);
        }

        return result.Document;
    }

    /// <summary>
    /// <see cref="Preflight"/>, which reads every node of the tree. System.Text.Json refuses some JSON text only when a node is
    /// first read — a name twice in one object, a lone surrogate escape — and each of those is a located UIPC0010 instead.
    /// YAML keeps the last of repeated keys, as its reader builds the tree.
    /// </summary>
    private bool PreflightJsonText(System.Text.Json.Nodes.JsonNode? root)
    {
        try
        {
            return Preflight(root);
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException && _file.Kind != SpecKind.OpenApiYaml)
        {
            if (JsonTextProblems.First(_file.Text) is not { } problem)
            {
                throw;
            }

            ReportInvalid(Positions.AtOffset(problem.Offset, 1), problem.Problem);
            return false;
        }
    }

    /// <summary>
    /// The document read once, as the JSON tree Microsoft.OpenApi reads and the map back to the text; <see langword="null"/>
    /// (reported) when it is not valid JSON or YAML or goes beyond <see cref="SpecLimits"/>.
    /// </summary>
    private SpecTree? ReadTree()
    {
        if (_file.Kind == SpecKind.OpenApiYaml)
        {
            try
            {
                return SpecTree.FromYaml(_file.Path, _file.Text);
            }
            catch (YamlDotNet.Core.YamlException exception)
            {
                ReportInvalid(Positions.At((int)exception.Start.Line, (int)exception.Start.Column, 1), "not valid YAML: " + exception.Message);
                return null;
            }
            catch (SpecLimitException exception)
            {
                ReportLimit(Positions.At(exception.Line, exception.Column, 1), exception.Message);
                return null;
            }
        }

        // System.Text.Json refuses deeper documents too, but with the same exception as for a syntax error: measured first,
        // the limit gets its own diagnostic.
        if (JsonDepth.FirstBeyond(_file.Text, SpecLimits.MaxJsonDepth) is { } tooDeep)
        {
            ReportLimit(Positions.AtOffset(tooDeep, 1), $"it nests arrays and objects deeper than {SpecLimits.MaxJsonDepth.ToString(System.Globalization.CultureInfo.InvariantCulture)} levels");
            return null;
        }

        try
        {
            return SpecTree.FromJson(_file.Path, _file.Text, System.Text.Json.Nodes.JsonNode.Parse(_file.Text));
        }
        catch (System.Text.Json.JsonException exception)
        {
            // Zero-based; the column counts UTF-8 bytes, which is the character column for the ASCII JSON syntax is made of.
            var line = (int)(exception.LineNumber ?? 0);
            var column = (int)(exception.BytePositionInLine ?? 0);
            ReportInvalid(Positions.At(line + 1, column + 1, 1), "not valid JSON: " + exception.Message);
            return null;
        }
    }

    /// <summary>How many places one problem is reported at; the rest are counted in one more diagnostic.</summary>
    private const int PlacesPerProblem = 10;

    /// <summary>
    /// Each of Microsoft.OpenApi's findings at its place, but one problem at most <see cref="PlacesPerProblem"/> times:
    /// Kubernetes' description repeats one rule thousands of times, which would bury everything else in a build.
    /// </summary>
    private void ReportLimited(IEnumerable<OpenApiError> findings, Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor)
    {
        foreach (var problem in findings.GroupBy(finding => ProblemKind(finding.Message), StringComparer.Ordinal))
        {
            var places = problem.ToList();
            foreach (var finding in places.Take(PlacesPerProblem))
            {
                Report(descriptor, Tree.Locate(PlaceOf(finding)), _file.Path, Describe(finding));
            }

            if (places.Count > PlacesPerProblem)
            {
                var more = places.Count - PlacesPerProblem;
                Report(descriptor, Tree.Locate(places[PlacesPerProblem].Pointer), _file.Path, $"{places[PlacesPerProblem].Message} (and at {more.ToString(System.Globalization.CultureInfo.InvariantCulture)} more places, not listed one by one; the first of them is {places[PlacesPerProblem].Pointer})");
            }
        }
    }

    /// <summary>A message without what varies by place (pointers, quoted names), so one rule broken in many places is one problem.</summary>
    private static string ProblemKind(string message) =>
        System.Text.RegularExpressions.Regex.Replace(System.Text.RegularExpressions.Regex.Replace(message ?? string.Empty, @"#/\S*", "#/…"), "'[^']*'", "'…'");

    /// <summary>
    /// Where a finding is: its pointer, else the one its message names (Microsoft.OpenApi's "… is not a valid property
    /// at #/…" carries the place only in the text), so the diagnostic lands on that line rather than at (1,1).
    /// </summary>
    private static string? PlaceOf(OpenApiError error) =>
        !string.IsNullOrEmpty(error.Pointer)
            ? error.Pointer
            : System.Text.RegularExpressions.Regex.Match(error.Message ?? string.Empty, @"#/\S*") is { Success: true } named ? named.Value.TrimEnd('.', ',', ')') : null;

    private static string Describe(OpenApiError error) =>
        string.IsNullOrEmpty(error.Pointer) ? error.Message : error.Message + " (at " + error.Pointer + ")";

    /// <summary>A component schema: an object or enum type of its own, or a type definition for a primitive.</summary>
    private void DeclareNamed(string name, IOpenApiSchema schema)
    {
        using var _ = At("components", "schemas", name);
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
            _types.Add(UnionType(name, resolved));
        }
        else if (IsObject(resolved))
        {
            _types.Add(ObjectType(name, resolved));
        }
        else if (PrimitiveName(resolved) is { } primitive && !IsArray(resolved))
        {
            _types.Add(TypeModel.Scalar(TypeKind.TypeDefinition, SchemaNamespace, name, primitive, EquatableArray<EnumMemberModel>.Empty, isFlags: false, Doc(resolved)));
        }
    }

    private TypeModel ObjectType(string name, IOpenApiSchema schema)
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
                AddProperties(name, member, required, properties);
            }
        }

        AddProperties(name, schema, required, properties);
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

    private void AddProperties(string owner, IOpenApiSchema schema, HashSet<string> required, List<PropertyModel> properties)
    {
        foreach (var name in schema.Required ?? new HashSet<string>())
        {
            required.Add(name);
        }

        foreach (var entry in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            using var _ = At("properties", entry.Key);
            var property = entry.Value;
            var type = Reference(property, owner + CSharpIdentifier.ToPascalCase(entry.Key), !required.Contains(entry.Key));
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
    private TypeReference Reference(IOpenApiSchema schema, string inlineName, bool optional)
    {
        if (Alternatives(schema, out var orNull) is { Count: 1 } single)
        {
            // oneOf/anyOf [X, {type: null}] is 3.1's way to say "X or null" for a $ref: just a nullable X.
            return Reference(single[0], inlineName, optional || orNull);
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

                var followed = Reference(target, inlineName, optional || targetOrNull);
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
                return Collection(target, inlineName);
            }

            if (target is not null && IsMap(target))
            {
                return Map(target, inlineName, nullable);
            }

            if (target is not null && !IsObject(target) && !IsStringEnum(target) && PrimitiveName(target) is null)
            {
                return new TypeReference("Edm.Untyped", false, true);
            }

            return new TypeReference(SchemaNamespace + "." + id, false, nullable || (target is not null && IsNullable(target)));
        }

        if (IsArray(schema))
        {
            return Collection(schema, inlineName);
        }

        if (IsMap(schema))
        {
            return Map(schema, inlineName, nullable);
        }

        if (IsUnion(schema))
        {
            Alternatives(schema, out var unionOrNull);
            return new TypeReference(SchemaNamespace + "." + DeclareInline(schema, inlineName), false, nullable || unionOrNull);
        }

        if (ConstantType(schema) is { } primitiveOfConstant)
        {
            return new TypeReference(primitiveOfConstant, false, nullable);
        }

        if (IsStringEnum(schema) || IsInlineObject(schema))
        {
            return new TypeReference(SchemaNamespace + "." + DeclareInline(schema, IsStringEnum(schema) && MsEnumName(schema) is { } enumName ? enumName : inlineName), false, nullable);
        }

        return new TypeReference(PrimitiveName(schema) ?? "Edm.Untyped", false, nullable);
    }

    private TypeReference Collection(IOpenApiSchema array, string inlineName)
    {
        var items = array.Items;
        if (items is null)
        {
            return new TypeReference("Edm.Untyped", true, true);
        }

        if (!_expanding.Add(array))
        {
            // An array that (through $refs) contains itself has no finite C# type: from here down it stays raw JSON.
            ReportRawJson("A recursive array");
            return new TypeReference("Edm.Untyped", true, true);
        }

        // Arrays of arrays and arrays of maps nest: IList<IList<T>>, IList<IDictionary<string, T>>.
        var item = Reference(items, inlineName + "Item", optional: false);
        _expanding.Remove(array);
        return new TypeReference(NestedTypeName.Of(item), true, IsNullable(items));
    }

    /// <summary>
    /// The alternatives of a <c>oneOf</c>/<c>anyOf</c> without <c>{type: null}</c>, which sets <paramref name="orNull"/>;
    /// <see langword="null"/> when the schema has none, or declares properties or <c>allOf</c> (then it is an object and
    /// the alternatives only constrain it further).
    /// </summary>
    private static List<IOpenApiSchema>? Alternatives(IOpenApiSchema schema, out bool orNull)
    {
        orNull = false;
        var members = schema.OneOf is { Count: > 0 } oneOf ? oneOf : schema.AnyOf is { Count: > 0 } anyOf ? anyOf : null;
        if (members is null || schema.Properties is { Count: > 0 } || schema.AllOf is { Count: > 0 })
        {
            return null;
        }

        static bool IsNullOnly(IOpenApiSchema member) => member is not OpenApiSchemaReference && member.Type == JsonSchemaType.Null;
        orNull = members.Any(IsNullOnly);
        return members.Where(member => !IsNullOnly(member)).ToList();
    }

    /// <summary>A <c>oneOf</c>/<c>anyOf</c> of two or more alternatives besides null.</summary>
    private static bool IsUnion(IOpenApiSchema schema) => Alternatives(schema, out _) is { Count: >= 2 };

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
    private TypeModel UnionType(string name, IOpenApiSchema schema)
    {
        var alternatives = Alternatives(schema, out _) ?? new List<IOpenApiSchema>();
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
            var type = Reference(alternative, inlineName, optional: true);
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
    private string? CommonBase(List<IOpenApiSchema> alternatives)
    {
        string? common = null;
        foreach (var alternative in alternatives)
        {
            var resolved = ReferenceId(alternative) is null ? null : Resolve(alternative);
            var bases = resolved?.AllOf?.Where(part => ReferenceId(part) is not null).ToList();
            if (resolved is null || !IsObject(resolved) || bases is not { Count: 1 } || !IsObject(Resolve(bases[0])))
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

    /// <summary><c>x-enum-varnames</c> (OpenAPI Generator) or <c>x-enumNames</c> (NSwag): C# names by position.</summary>
    private static List<string?>? EnumVarNames(IOpenApiSchema schema)
    {
        var node = Extension(schema, "x-enum-varnames") ?? Extension(schema, "x-enumNames");
        return node is System.Text.Json.Nodes.JsonArray names
            ? names.Select(name => name is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<string>(out var text) ? text : null).ToList()
            : null;
    }

    /// <summary><c>x-ms-enum.values</c> (AutoRest): the C# name and description of each value.</summary>
    private static Dictionary<string, (string? Name, string? Description)> MsEnumValues(IOpenApiSchema schema)
    {
        var described = new Dictionary<string, (string? Name, string? Description)>(StringComparer.Ordinal);
        if (Extension(schema, "x-ms-enum") is System.Text.Json.Nodes.JsonObject msEnum && msEnum["values"] is System.Text.Json.Nodes.JsonArray values)
        {
            foreach (var item in values.OfType<System.Text.Json.Nodes.JsonObject>())
            {
                if (Text(item["value"]) is { } value && !described.ContainsKey(value))
                {
                    described.Add(value, (Text(item["name"]), Text(item["description"])));
                }
            }
        }

        return described;
    }

    /// <summary>
    /// AutoRest's constant: an <c>enum</c> of exactly one string, number or boolean that <c>x-ms-enum</c> does not declare
    /// extensible (<c>modelAsString: true</c>). The value as JSON, else <see langword="null"/>.
    /// </summary>
    /// <remarks>
    /// Such a schema admits one value, so a one-member C# enum would only make callers name it: a required parameter or
    /// body is filled in by the client, a required property starts with the value, a response is read as the primitive.
    /// </remarks>
    internal static string? ConstantJson(IOpenApiSchema? schema)
    {
        if (schema?.Enum is not { Count: 1 } values || values[0] is not System.Text.Json.Nodes.JsonValue value)
        {
            return null;
        }

        if (IsModelAsString(schema))
        {
            return null;
        }

        var type = (schema.Type ?? 0) & ~JsonSchemaType.Null;
        return type switch
        {
            // The value must be of the schema's own type: enum [true] on a string schema is no string constant.
            JsonSchemaType.String when value.GetValueKind() == System.Text.Json.JsonValueKind.String => value.ToJsonString(),
            JsonSchemaType.Boolean when value.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => value.ToJsonString(),
            JsonSchemaType.Integer or JsonSchemaType.Number when value.GetValueKind() == System.Text.Json.JsonValueKind.Number && FitsNumericType(value.ToJsonString(), type, schema.Format) => value.ToJsonString(),
            _ => null,
        };
    }

    /// <summary>
    /// Whether a one-value enum's number can be a C# constant of the type <see cref="ConstantType"/> gives it: an integer
    /// within int/long, a finite float/double, any number as an exact decimal. Any other (1e400, 1.5 for an integer) stays an ordinary value.
    /// </summary>
    private static bool FitsNumericType(string json, JsonSchemaType type, string? format)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        if (type == JsonSchemaType.Integer)
        {
            return format == "int32"
                ? int.TryParse(json, System.Globalization.NumberStyles.AllowLeadingSign, invariant, out _)
                : long.TryParse(json, System.Globalization.NumberStyles.AllowLeadingSign, invariant, out _);
        }

        if (format == "decimal")
        {
            // ExactDecimal holds any JSON number, whatever its exponent.
            return true;
        }

        return format == "float"
            ? float.TryParse(json, System.Globalization.NumberStyles.Float, invariant, out var single) && !float.IsInfinity(single)
            : double.TryParse(json, System.Globalization.NumberStyles.Float, invariant, out var number) && !double.IsInfinity(number);
    }

    /// <summary>The JSON Schema validation keywords of a value schema; <see langword="null"/> when it declares none.</summary>
    /// <param name="schema">The schema (resolved).</param>
    /// <param name="extensions">Where a Swagger 2.0 parameter's <c>multipleOf</c> was kept (see <see cref="Swagger2MultipleOfExtension"/>).</param>
    private ConstraintsModel? ConstraintsOf(IOpenApiSchema? schema, IDictionary<string, IOpenApiExtension>? extensions = null)
    {
        if (schema is null)
        {
            return null;
        }

        // An array that contains itself (Tree: items → Tree) is kept as JSON; its items are not walked forever.
        ConstraintsModel? items = null;
        if (IsArray(schema) && schema.Items is { } itemSchema && _constraining.Add(schema))
        {
            try
            {
                items = ConstraintsOf(Resolve(itemSchema), itemSchema.Extensions);
            }
            finally
            {
                _constraining.Remove(schema);
            }
        }

        // Microsoft.OpenApi reads 2.0/3.0's boolean exclusiveMinimum as 3.1's number: the bound itself, in place of minimum.
        var minimum = string.IsNullOrEmpty(schema.ExclusiveMinimum) ? schema.Minimum : schema.ExclusiveMinimum;
        var maximum = string.IsNullOrEmpty(schema.ExclusiveMaximum) ? schema.Maximum : schema.ExclusiveMaximum;
        var multipleOf = schema.MultipleOf?.ToString(System.Globalization.CultureInfo.InvariantCulture)
            ?? SwaggerMultipleOf(schema.Extensions) ?? SwaggerMultipleOf(extensions);
        var constraints = new ConstraintsModel(
            string.IsNullOrEmpty(minimum) ? null : minimum,
            !string.IsNullOrEmpty(schema.ExclusiveMinimum),
            string.IsNullOrEmpty(maximum) ? null : maximum,
            !string.IsNullOrEmpty(schema.ExclusiveMaximum),
            multipleOf,
            schema.MinLength,
            schema.MaxLength,
            string.IsNullOrEmpty(schema.Pattern) ? null : schema.Pattern,
            schema.MinItems,
            schema.MaxItems,
            schema.UniqueItems == true,
            items);
        return constraints == new ConstraintsModel(null, false, null, false, null, null, null, null, null, null, false, null) ? null : constraints;
    }

    private static string? SwaggerMultipleOf(IDictionary<string, IOpenApiExtension>? extensions) =>
        extensions is not null && extensions.TryGetValue(Swagger2MultipleOfExtension, out var extension) && extension is JsonNodeExtension json
            && json.Node is System.Text.Json.Nodes.JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.Number
            && decimal.TryParse(value.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? number.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : null;

    /// <summary><c>x-ms-enum.modelAsString: true</c>: the service may send values the enum does not list.</summary>
    private static bool IsModelAsString(IOpenApiSchema schema) =>
        Extension(schema, "x-ms-enum") is System.Text.Json.Nodes.JsonObject msEnum
        && msEnum["modelAsString"] is System.Text.Json.Nodes.JsonValue extensible
        && extensible.TryGetValue<bool>(out var modelAsString)
        && modelAsString;

    /// <summary>
    /// The type a constant is read and written as: a string constant stays the string it is whatever its
    /// <c>format</c> (a one-value <c>date</c> is sent exactly as written), numbers and booleans keep their type.
    /// </summary>
    private static string? ConstantType(IOpenApiSchema schema) =>
        ConstantJson(schema) is null
            ? null
            : ((schema.Type ?? 0) & ~JsonSchemaType.Null) switch
            {
                JsonSchemaType.String => "Edm.String",
                JsonSchemaType.Integer => schema.Format == "int32" ? "Edm.Int32" : "Edm.Int64",
                JsonSchemaType.Number => schema.Format switch
                {
                    "float" => "Edm.Single",
                    // Exact as any format: decimal value: a double literal could not hold every decimal constant.
                    "decimal" => OpenApiPrimitives.ExactDecimal,
                    _ => "Edm.Double",
                },
                _ => "Edm.Boolean",
            };

    /// <summary><c>x-ms-enum.name</c>: the enum's type name, used for inline enums.</summary>
    private static string? MsEnumName(IOpenApiSchema schema) =>
        Extension(schema, "x-ms-enum") is System.Text.Json.Nodes.JsonObject msEnum && Text(msEnum["name"]) is { Length: > 0 } name
            ? CSharpIdentifier.ToPascalCase(name)
            : null;

    private static System.Text.Json.Nodes.JsonNode? Extension(IOpenApiSchema schema, string name) =>
        schema.Extensions is { } extensions && extensions.TryGetValue(name, out var extension) && extension is JsonNodeExtension json ? json.Node : null;

    private static string? Text(System.Text.Json.Nodes.JsonNode? node) =>
        node is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>A dictionary: <c>additionalProperties</c> gives the value type (any JSON when it is just <c>true</c>).</summary>
    private TypeReference Map(IOpenApiSchema map, string inlineName, bool nullable)
    {
        var values = map.AdditionalProperties;
        if (values is null)
        {
            return new TypeReference("Edm.Untyped", false, nullable, IsMap: true);
        }

        if (!_expanding.Add(map))
        {
            // A map that (through $refs) contains itself has no finite C# type: from here down it stays raw JSON.
            ReportRawJson("A recursive map");
            return new TypeReference("Edm.Untyped", false, nullable, IsMap: true);
        }

        // Maps of arrays and maps of maps nest: IDictionary<string, IList<T>>, IDictionary<string, IDictionary<string, T>>.
        var value = Reference(values, inlineName + "Value", optional: false);
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

    private string DeclareInline(IOpenApiSchema schema, string preferredName)
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

        _types.Add(IsStringEnum(schema) ? EnumType(name, schema) : IsUnion(schema) ? UnionType(name, schema) : ObjectType(name, schema));
        return name;
    }

    private static TypeModel EnumType(string name, IOpenApiSchema schema)
    {
        var members = new List<EnumMemberModel>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var varNames = EnumVarNames(schema);
        var msValues = MsEnumValues(schema);
        var values = schema.Enum ?? new List<System.Text.Json.Nodes.JsonNode>();
        for (var index = 0; index < values.Count; index++)
        {
            if (values[index] is System.Text.Json.Nodes.JsonValue text && text.TryGetValue<string>(out var member) && seen.Add(member))
            {
                // x-ms-enum's values[].name, else x-enum-varnames by position; the JSON spelling stays the service's.
                msValues.TryGetValue(member, out var described);
                var csharpName = described.Name ?? (varNames is not null && index < varNames.Count ? varNames[index] : null);
                var documentation = string.IsNullOrWhiteSpace(described.Description) ? Documentation.None : new Documentation(described.Description!.Trim(), null);
                members.Add(new EnumMemberModel(member, members.Count, documentation, string.IsNullOrWhiteSpace(csharpName) ? null : csharpName));
            }
        }

        return TypeModel.Scalar(TypeKind.Enum, SchemaNamespace, name, "Edm.Int32", members.ToEquatableArray(), isFlags: false, Doc(schema)) with { IsExtensible = IsModelAsString(schema) };
    }

    /// <summary>The <c>Edm</c> primitive with the same meaning as a JSON Schema type and format.</summary>
    private static string? PrimitiveName(IOpenApiSchema schema)
    {
        var type = (schema.Type ?? 0) & ~JsonSchemaType.Null;
        var format = schema.Format ?? string.Empty;
        return type switch
        {
            JsonSchemaType.String => format switch
            {
                "date-time" => "Edm.DateTimeOffset",
                "date-time-rfc1123" => OpenApiPrimitives.DateTimeRfc1123,
                "base64url" => OpenApiPrimitives.Base64Url,
                "date" => "Edm.Date",
                "time" => "Edm.TimeOfDay",
                "duration" => "Edm.Duration",
                "uuid" => "Edm.Guid",
                "byte" or "binary" or "base64" => "Edm.Binary",
                _ => "Edm.String",
            },
            JsonSchemaType.Integer => format switch
            {
                "int32" => "Edm.Int32",
                "unixtime" => OpenApiPrimitives.UnixTime,
                _ => "Edm.Int64",
            },
            JsonSchemaType.Number => format switch
            {
                "float" => "Edm.Single",
                "decimal" => OpenApiPrimitives.ExactDecimal,
                "int32" => "Edm.Int32",
                "int64" => "Edm.Int64",
                _ => "Edm.Double",
            },
            JsonSchemaType.Boolean => "Edm.Boolean",
            _ => null,
        };
    }

    private static bool IsNullable(IOpenApiSchema schema) =>
        (schema.Type is { } type && (type & JsonSchemaType.Null) != 0) || (schema is OpenApiSchemaReference reference && reference.Target is { } target && target.Type is { } targetType && (targetType & JsonSchemaType.Null) != 0);

    private static bool IsArray(IOpenApiSchema schema) => schema.Type is { } type && (type & ~JsonSchemaType.Null) == JsonSchemaType.Array;

    private static bool IsStringEnum(IOpenApiSchema schema) =>
        schema.Enum is { Count: > 0 } values
        && (schema.Type is null || (schema.Type.Value & ~JsonSchemaType.Null) == JsonSchemaType.String)
        && values.All(value => value is null || (value is System.Text.Json.Nodes.JsonValue text && text.TryGetValue<string>(out _)))
        && values.Any(value => value is not null);

    /// <summary>An object with members of its own (or composed from <c>allOf</c>); free-form maps are not types.</summary>
    private static bool IsObject(IOpenApiSchema? schema) =>
        schema is not null
        && !IsArray(schema)
        && (schema.Properties is { Count: > 0 } || schema.AllOf is { Count: > 0 })
        && (schema.Type is null || (schema.Type.Value & JsonSchemaType.Object) != 0);

    private static bool IsInlineObject(IOpenApiSchema schema) => IsObject(schema) && schema is not OpenApiSchemaReference;

    private static string? ReferenceId(IOpenApiSchema schema) =>
        schema is OpenApiSchemaReference reference ? reference.Reference?.Id : null;

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

    /// <summary>Enters a place in the document until the result is disposed.</summary>
    private PointerScope At(params string[] segments)
    {
        foreach (var segment in segments)
        {
            _pointer.Add(segment.Replace("~", "~0").Replace("/", "~1"));
        }

        return new PointerScope(_pointer, segments.Length);
    }

    private void ReportRawJson(string construct)
    {
        var pointer = "#/" + string.Join("/", _pointer);
        Report(DiagnosticDescriptors.ConstructKeptAsJson, Tree.Locate(pointer), construct, pointer);
    }

    /// <summary>Leaves the place <see cref="At"/> entered.</summary>
    private readonly struct PointerScope : IDisposable
    {
        private readonly List<string> _pointer;
        private readonly int _count;

        public PointerScope(List<string> pointer, int count)
        {
            _pointer = pointer;
            _count = count;
        }

        public void Dispose() => _pointer.RemoveRange(_pointer.Count - _count, _count);
    }

    /// <summary>Positions for what is reported before the document is read (or instead of it).</summary>
    private SpecTextPositions Positions => _positions ??= _tree?.Positions ?? new SpecTextPositions(_file.Path, _file.Text);

    /// <summary>The document as read, once it is: every JSON pointer is located in it.</summary>
    private SpecTree Tree => _tree ?? throw new InvalidOperationException("The document is located only after it is read.");

    private static Documentation Doc(IOpenApiSchema schema) => DocumentationOf(schema.Description);

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, SpecPosition position, params string[] arguments) =>
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, position, arguments));
}
