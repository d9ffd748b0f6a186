using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis.CSharp;
using UiPathClients.Generator.Conventions;
using UiPathClients.Generator.Model;
using UiPathClients.Generator.Naming;

namespace UiPathClients.Generator.Emit;

/// <summary>
/// Turns a <see cref="ClientModel"/> into source files: decides every C# name and type once,
/// builds logic-free views and renders them with the templates.
/// </summary>
internal sealed partial class ClientEmitter
{
    private const string RuntimeMetadata = "global::UiPathClients.Runtime.Metadata.";

    /// <summary>Members of <see cref="object"/> a property must not hide (<c>ReservedMemberNamesTests</c> keeps the list equal to them).</summary>
    internal static readonly string[] ObjectMemberNames =
    {
        "Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "Finalize", "ReferenceEquals",
    };

    /// <summary>The property every root entity and complex class has for what the client does not know.</summary>
    private const string AdditionalDataName = "AdditionalData";

    private static readonly string[] AdditionalDataDocLines =
    {
        "/// <summary>JSON members with no property here (added by a newer service, or annotations such as <c>@odata.etag</c>), kept so nothing is lost.</summary>",
    };

    private static readonly string[] AdditionalDataAttributes = { "global::System.Text.Json.Serialization.JsonExtensionData" };

    private const string TrackedObjectInterface = "global::UiPathClients.Runtime.Metadata.IODataTrackedObject";

    /// <summary>The root class's tracker of what the caller set, explicit so it takes no name from the service's properties.</summary>
    private static readonly string[] PropertyTrackerLines =
    {
        "        /// <inheritdoc />",
        "        global::UiPathClients.Runtime.Metadata.ODataPropertyTracker " + TrackedObjectInterface + ".PropertyTracker { get; } = new global::UiPathClients.Runtime.Metadata.ODataPropertyTracker();",
    };

    /// <summary>The compiler's name for an enum's value field.</summary>
    private static readonly string[] EnumReservedNames = { "value__" };

    private readonly ClientModel _model;
    private readonly string _generatorVersion;
    private readonly ModelTypes _types;
    private readonly IReadOnlyDictionary<string, TypeModel> _typesByQualifiedName;
    private readonly Dictionary<string, (string Namespace, string Name, string HintPrefix)> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _enumConverterNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _filterNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _entityClientNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _entitySetClassNames = new(StringComparer.Ordinal);
    private readonly EmitEnvironment _environment;
    private string _serviceClientName = "";
    private string _jsonMetadataName = "";
    private readonly Dictionary<string, Dictionary<string, string>> _propertyNamesByType = new(StringComparer.Ordinal);
    private readonly TypeMapper _typeMapper;
    private readonly IServiceConvention _convention;

    private ClientEmitter(ClientModel model, EmitEnvironment environment, string generatorVersion)
    {
        _model = model;
        _generatorVersion = generatorVersion;
        _environment = environment;
        _types = new ModelTypes(model);
        _typesByQualifiedName = _types.ByQualifiedName;
        _convention = ServiceConvention.For(model, _types);

        AssignTypeNames();
        _typeMapper = new TypeMapper(
            _names.ToDictionary(pair => pair.Key, pair => "global::" + pair.Value.Namespace + "." + pair.Value.Name, StringComparer.Ordinal),
            _typesByQualifiedName,
            environment);
    }

    public static EquatableArray<GeneratedFile> Emit(ClientModel model, EmitEnvironment environment, string generatorVersion, CancellationToken cancellationToken) =>
        new ClientEmitter(model, environment, generatorVersion).Emit(cancellationToken);

    private EquatableArray<GeneratedFile> Emit(CancellationToken cancellationToken)
    {
        var files = new List<GeneratedFile>();
        foreach (var type in _model.Types)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (type.Kind)
            {
                case TypeKind.Entity:
                    files.Add(new GeneratedFile(HintName(type, "Entities"), TemplateRenderer.RenderClass(BuildClassView(type))));
                    break;
                case TypeKind.Complex:
                    files.Add(new GeneratedFile(HintName(type, "ComplexTypes"), TemplateRenderer.RenderClass(BuildClassView(type))));
                    break;
                case TypeKind.Enum when type.IsExtensible:
                    files.AddRange(EmitExtensibleEnum(type));
                    break;
                case TypeKind.Enum:
                    files.Add(new GeneratedFile(HintName(type, "Enums"), TemplateRenderer.RenderEnum(BuildEnumView(type))));
                    break;
                case TypeKind.Union:
                    files.AddRange(EmitUnion(type));
                    break;
            }
        }

        files.Add(EmitJsonMetadata());
        if (_model.Style == ApiStyle.OData)
        {
            files.AddRange(EmitFilterSurfaces(cancellationToken));
            files.AddRange(EmitServiceClient(cancellationToken));
        }
        else
        {
            files.AddRange(EmitRestClient(cancellationToken));
            files.AddRange(EmitConstraints());
        }

        return files.ToEquatableArray();
    }

    /// <summary>
    /// All types go into the client's namespace, except where two schemas declare the same name:
    /// then each of those types moves into a sub-namespace named after its schema, so nothing else
    /// moves when a spec gains a colliding type.
    /// </summary>
    private void AssignTypeNames()
    {
        var emitted = _model.Types.Where(type => type.Kind != TypeKind.TypeDefinition).ToList();
        var schemasByName = emitted
            .GroupBy(type => CSharpIdentifier.ToPascalCase(type.Name), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => group.Select(type => type.Namespace).Distinct().Count(), StringComparer.OrdinalIgnoreCase);

        var scopes = new Dictionary<string, NameScope>(StringComparer.Ordinal);
        NameScope ScopeOf(string @namespace)
        {
            if (!scopes.TryGetValue(@namespace, out var scope))
            {
                scope = new NameScope(comparer: StringComparer.OrdinalIgnoreCase);
                scopes.Add(@namespace, scope);
            }

            return scope;
        }

        // Types claim their names before any namespace segment below theirs: the client's namespace first, then the schemas'
        // sub-namespaces, shorter first. Each segment claims its name in its parent namespace's scope when first met
        // (CS0101 if a type there had it), so a type named like a schema's segment keeps its name and the segment yields.
        var segmentPaths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string SubNamespaceOf(string schemaNamespace)
        {
            var segments = CSharpIdentifier.ToPascalNamespaceSegments(schemaNamespace);
            var path = string.Empty;
            for (var count = 1; count <= segments.Length; count++)
            {
                var key = string.Join(".", segments, 0, count);
                if (!segmentPaths.TryGetValue(key, out var resolved))
                {
                    var parent = path.Length == 0 ? _model.Namespace : _model.Namespace + "." + path;
                    resolved = (path.Length == 0 ? string.Empty : path + ".") + ScopeOf(parent).Claim(segments[count - 1]);
                    segmentPaths.Add(key, resolved);
                }

                path = resolved;
            }

            return path;
        }

        void ClaimTypeName(TypeModel type, string? subNamespace)
        {
            var @namespace = subNamespace is null ? _model.Namespace : _model.Namespace + "." + subNamespace;
            var name = ScopeOf(@namespace).Claim(CSharpIdentifier.ToPascalCase(type.Name));
            _names[type.QualifiedName] = (@namespace, name, subNamespace is null ? string.Empty : subNamespace + ".");
        }

        bool InSubNamespace(TypeModel type) => schemasByName[CSharpIdentifier.ToPascalCase(type.Name)] > 1;
        foreach (var type in emitted.Where(type => !InSubNamespace(type)))
        {
            ClaimTypeName(type, null);
        }

        foreach (var schema in emitted.Where(InSubNamespace).GroupBy(type => type.Namespace, StringComparer.Ordinal)
            .OrderBy(schema => CSharpIdentifier.ToPascalNamespaceSegments(schema.Key).Length))
        {
            var subNamespace = SubNamespaceOf(schema.Key);
            foreach (var type in schema)
            {
                ClaimTypeName(type, subNamespace);
            }
        }

        // Helper types claim their names after every spec type, so a spec type never gets renamed for them.
        var filterable = TypesWithFilterSurface();
        foreach (var type in emitted)
        {
            var (@namespace, name, _) = _names[type.QualifiedName];
            switch (type.Kind)
            {
                case TypeKind.Enum:
                case TypeKind.Union:
                    _enumConverterNames[type.QualifiedName] = scopes[@namespace].Claim(name + "JsonConverter");
                    break;
                case TypeKind.Entity:
                    _filterNames[type.QualifiedName] = scopes[@namespace].Claim(name + "Filter");
                    _entityClientNames[type.QualifiedName] = scopes[@namespace].Claim(name + "Client");
                    break;
                case TypeKind.Complex when filterable.Contains(type.QualifiedName):
                    _filterNames[type.QualifiedName] = scopes[@namespace].Claim(name + "Filter");
                    break;
            }
        }

        if (!scopes.TryGetValue(_model.Namespace, out var clientScope))
        {
            clientScope = new NameScope(comparer: StringComparer.OrdinalIgnoreCase);
        }

        _serviceClientName = clientScope.Claim(CSharpIdentifier.ToPascalCase(_model.ClientName) + "Client");
        _jsonMetadataName = clientScope.Claim(CSharpIdentifier.ToPascalCase(_model.ClientName) + "JsonMetadata");
        if (HasConstraints)
        {
            _constraintsName = clientScope.Claim(CSharpIdentifier.ToPascalCase(_model.ClientName) + "Constraints");
        }

        foreach (var set in _model.EntitySets.Where(set => !set.IsSingleton))
        {
            _entitySetClassNames[set.Name] = clientScope.Claim(CSharpIdentifier.ToPascalCase(set.Name) + "Collection");
        }

        AssignRestNames(clientScope);
    }

    private string HintName(TypeModel type, string folder)
    {
        var (_, name, prefix) = _names[type.QualifiedName];
        return FileHint(folder, prefix + name);
    }

    /// <summary>The hint name of a generated file: <c>{Client}/{folder}/{name}.g.cs</c>, every segment made safe for a file name.</summary>
    private string FileHint(string? folder, string name) =>
        CSharpText.HintNameSegment(_model.ClientName) + "/" + (folder is null ? string.Empty : folder + "/") + CSharpText.HintNameSegment(name) + ".g.cs";

    private ClassView BuildClassView(TypeModel type)
    {
        var (@namespace, name, _) = _names[type.QualifiedName];
        var propertyNames = PropertyNames(type);

        var remarks = new List<string>();
        if (type.Key.Count > 0)
        {
            remarks.Add("Key: " + string.Join(", ", type.Key.Select(key => "<c>" + DocComment.Escape(key) + "</c>")) + ".");
        }

        if (type.IsOpen)
        {
            remarks.Add("An open type: the service may return properties that are not declared here.");
        }

        if (type.HasStream)
        {
            remarks.Add("A media entity: besides its properties it has a binary stream as its content.");
        }

        var properties = new List<PropertyView>();
        foreach (var property in type.Properties)
        {
            properties.Add(BuildPropertyView(type, property, propertyNames[property.Name]));
        }

        if (BaseOf(type) is null)
        {
            properties.Add(new PropertyView
            {
                DocLines = AdditionalDataDocLines,
                Attributes = AdditionalDataAttributes,
                Type = "global::System.Collections.Generic.IDictionary<string, global::System.Text.Json.JsonElement>?",
                Name = AdditionalDataName,
            });
        }

        return new ClassView
        {
            Namespace = @namespace,
            GeneratorVersion = _generatorVersion,
            DocLines = DocComment.Lines(type.Documentation, remarks),
            Attributes = new[]
            {
                RuntimeMetadata + "ODataType(" + Literal(type.QualifiedName) + ", " + RuntimeMetadata + "ODataTypeKind." + (type.Kind == TypeKind.Entity ? "Entity" : "Complex") + ")",
            },
            Modifiers = type.IsAbstract ? "public abstract partial class" : "public partial class",
            Name = name,
            BaseType = BaseOf(type) is not null
                ? _typeMapper.MapSingle(type.BaseType!, isNullable: false)
                : TracksSetProperties ? TrackedObjectInterface : "global::UiPathClients.Runtime.Metadata.IODataObject",
            Properties = properties,
            ConstructorLines = DiscriminatorConstructor(type, name),
            LeadingLines = TracksSetProperties && BaseOf(type) is null ? PropertyTrackerLines : Array.Empty<string>(),
        };
    }

    /// <summary>
    /// For a type an OpenAPI discriminator selects, a constructor that sets the discriminator property to the value
    /// naming the type, so a new instance is written the way the service recognises it.
    /// </summary>
    private string[] DiscriminatorConstructor(TypeModel type, string name)
    {
        if (_model.Style != ApiStyle.Rest)
        {
            return Array.Empty<string>();
        }

        for (var ancestor = BaseOf(type); ancestor is not null; ancestor = BaseOf(ancestor))
        {
            if (ancestor.Discriminator is not { } discriminator)
            {
                continue;
            }

            var value = ancestor.DiscriminatorValues.FirstOrDefault(candidate => candidate.Type == type.QualifiedName)?.Value;
            if (value is null || FindProperty(ancestor, discriminator) is not { } found)
            {
                break;
            }

            var property = found.Model;
            var underlying = Underlying(property.Type.QualifiedName);
            string? literal = null;
            if (underlying == "Edm.String")
            {
                literal = Literal(value);
            }
            else if (_typesByQualifiedName.TryGetValue(underlying, out var enumType) && enumType.Kind == TypeKind.Enum && EnumMemberNames(enumType).TryGetValue(value, out var member) && enumType.Members.Any(candidate => candidate.Name == value))
            {
                literal = TypeFullName(underlying) + "." + member;
            }

            if (literal is null || property.Type.IsCollection || property.Type.IsMap)
            {
                break;
            }

            return new[]
            {
                $"        /// <summary>Creates an instance with <c>{DocComment.Escape(discriminator)}</c> set to <c>{DocComment.Escape(value)}</c>, the value that names this type.</summary>",
                $"        public {name}()",
                "        {",
                $"            {found.CSharpName} = {literal};",
                "        }",
            };
        }

        return Array.Empty<string>();
    }

    private PropertyView BuildPropertyView(TypeModel declaringType, PropertyModel property, string name)
    {
        var attributes = new List<string> { "global::System.Text.Json.Serialization.JsonPropertyName(" + Literal(property.Name) + ")" };
        var keyOrder = declaringType.Key.AsImmutableArray().IndexOf(property.Name);
        if (keyOrder >= 0)
        {
            attributes.Add(RuntimeMetadata + "ODataKey(" + keyOrder.ToString(CultureInfo.InvariantCulture) + ")");
        }

        var remarks = new List<string>();
        string type;
        string? initializer = null;
        if (property.Kind == PropertyKind.Navigation)
        {
            // Navigation properties are absent unless the request expands them: always nullable.
            type = property.Type.IsCollection
                ? "global::System.Collections.Generic.IList<" + _typeMapper.MapSingle(property.Type.QualifiedName, isNullable: false) + ">?"
                : _typeMapper.MapSingle(property.Type.QualifiedName, isNullable: true);
            var navigationArguments = new List<string>();
            if (property.ContainsTarget)
            {
                navigationArguments.Add("ContainsTarget = true");
            }

            if (property.Partner is not null)
            {
                navigationArguments.Add("Partner = " + Literal(property.Partner));
            }

            attributes.Add(RuntimeMetadata + "ODataNavigation" + (navigationArguments.Count == 0 ? string.Empty : "(" + string.Join(", ", navigationArguments) + ")"));
            remarks.Add("A navigation property: present only when the request expands it with <c>$expand</c>.");
        }
        else
        {
            type = PropertyClrType(property);
            if (property.Constant is { } constant)
            {
                // The one value the schema allows: set from the start, so it is sent without the caller naming it.
                initializer = ConstantLiteral(constant, property.Type);
                remarks.Add($"A constant: always <c>{DocComment.Escape(constant)}</c>.");
            }
            else if (property.Type.IsCollection)
            {
                // An optional (OpenAPI) list has no initializer: it stays null until set.
                initializer = property.IsOptional ? null : "new " + _typeMapper.MapCollectionImplementation(property.Type) + "()";
            }
            else if (property.Type.IsMap && !property.Type.IsNullable)
            {
                initializer = "new global::System.Collections.Generic.Dictionary<string, " + _typeMapper.MapDictionaryValue(property.Type) + ">()";
            }
            else if (!property.Type.IsNullable && _typeMapper.IsReferenceType(property.Type.QualifiedName))
            {
                // Declared non-null by the service; the deserializer fills it.
                initializer = "default!";
            }
        }

        if (property.IsComputed)
        {
            remarks.Add(_model.Style == ApiStyle.Rest
                ? "Read-only: set by the service and read from its responses, never sent in a request."
                : "Computed by the service: sent only when set here, never because it was read.");
        }

        if (property.IsImmutable)
        {
            remarks.Add("Immutable: can be set on create only.");
        }

        if (property.IsWriteOnly)
        {
            remarks.Add("Write-only: sent to the service, never read from its responses (a value in a response is ignored).");
        }

        if (property.Permissions is not null)
        {
            remarks.Add("Permissions: " + DocComment.Escape(property.Permissions) + ".");
        }

        return new PropertyView
        {
            DocLines = DocComment.Lines(property.Documentation, remarks),
            Attributes = attributes,
            Type = type,
            Name = name,
            Initializer = initializer,
            // C# names are unique within a class, so "_" + name is too; properties are PascalCase, so no property is called that.
            IsRequired = IsRequiredMember(declaringType, property),
            BackingField = TracksSetProperties ? "_" + name : null,
            AfterSet = TracksSetProperties ? $"(({TrackedObjectInterface})this).PropertyTracker.MarkSet({Literal(property.Name)});" : null,
        };
    }

    private EnumView BuildEnumView(TypeModel type)
    {
        var (@namespace, name, _) = _names[type.QualifiedName];
        var memberNames = EnumMemberNames(type);
        var members = new List<EnumMemberView>();
        foreach (var member in type.Members)
        {
            var memberName = memberNames[member.Name];
            members.Add(new EnumMemberView
            {
                DocLines = DocComment.Lines(member.Documentation),
                // Keeps the service's spelling for serializers when the C# name had to change.
                Attributes = memberName == member.Name
                    ? Array.Empty<string>()
                    : new[] { "global::System.Runtime.Serialization.EnumMember(Value = " + Literal(member.Name) + ")" },
                Name = memberName,
                Value = member.Value.ToString(CultureInfo.InvariantCulture),
            });
        }

        var attributes = new List<string>
        {
            RuntimeMetadata + "ODataType(" + Literal(type.QualifiedName) + ", " + RuntimeMetadata + "ODataTypeKind.Enum)",
        };
        if (type.IsFlags)
        {
            attributes.Add("global::System.Flags");
        }

        // The member table as two one-line arrays (names, values): the runtime converts values for any underlying type.
        var baseArguments = "new string[] { " + string.Join(", ", type.Members.Select(member => Literal(member.Name)))
            + " }, new long[] { " + string.Join(", ", type.Members.Select(member => member.Value.ToString(CultureInfo.InvariantCulture)))
            + " }, isFlags: " + (type.IsFlags ? "true" : "false");
        if (_model.Style == ApiStyle.Rest && !type.IsFlags)
        {
            // REST services add enum values without a new contract; one new value must not make a response unreadable.
            var unknownName = memberNames[UnknownEnumMemberKey];
            members.Add(new EnumMemberView
            {
                DocLines = UnknownEnumMemberDocLines,
                Name = unknownName,
                Value = UnknownEnumValue,
            });
            baseArguments += ", unknownValue: " + UnknownEnumValue;
        }

        var converterName = _enumConverterNames[type.QualifiedName];
        attributes.Add("global::System.Text.Json.Serialization.JsonConverter(typeof(global::" + @namespace + "." + converterName + "))");

        return new EnumView
        {
            Namespace = @namespace,
            GeneratorVersion = _generatorVersion,
            DocLines = DocComment.Lines(type.Documentation),
            Attributes = attributes,
            Name = name,
            UnderlyingType = _typeMapper.MapSingle(type.UnderlyingType ?? "Edm.Int32", isNullable: false),
            FullName = "global::" + @namespace + "." + name,
            ConverterName = converterName,
            IsFlags = type.IsFlags ? "true" : "false",
            BaseArguments = baseArguments,
            Members = members,
        };
    }

    /// <summary>
    /// C# names of a type's declared properties, keyed by spec name. Names of inherited properties,
    /// the type's own name (CS0542) and members of <see cref="object"/> are reserved first.
    /// </summary>
    private Dictionary<string, string> PropertyNames(TypeModel type)
    {
        if (_propertyNamesByType.TryGetValue(type.QualifiedName, out var cached))
        {
            return cached;
        }

        var typeName = _names[type.QualifiedName].Name;
        var reserved = new List<string>(ObjectMemberNames) { typeName, AdditionalDataName };
        if (type.Kind == TypeKind.Union)
        {
            reserved.AddRange(UnionReservedNames);
        }

        // The reader breaks inheritance cycles, so this walk ends.
        for (var ancestor = BaseOf(type); ancestor is not null; ancestor = BaseOf(ancestor))
        {
            reserved.AddRange(PropertyNames(ancestor).Values);
        }

        var scope = new NameScope(reserved);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);

        // Spec names that are already valid PascalCase claim first, so of "id" and "Id" the latter keeps "Id".
        var ordered = type.Properties
            .Select(property => (property.Name, Preferred: CSharpIdentifier.ToPascalCase(property.Name)))
            .OrderBy(candidate => candidate.Preferred == candidate.Name ? 0 : 1);
        foreach (var (specName, preferred) in ordered)
        {
            if (!names.ContainsKey(specName))
            {
                var collidesWithReserved = preferred == typeName || Array.IndexOf(ObjectMemberNames, preferred) >= 0;
                names.Add(specName, scope.Claim(collidesWithReserved ? preferred + "Value" : preferred));
            }
        }

        _propertyNamesByType[type.QualifiedName] = names;
        return names;
    }

    /// <summary>The key of the extra member REST enums get for values the client does not know.</summary>
    private const string UnknownEnumMemberKey = "\0unknown";

    private static readonly string[] UnknownEnumMemberDocLines =
    {
        "/// <summary>A value this client does not know (the service is newer than its spec); only ever read: writing it fails, as the service's spelling is not kept.</summary>",
    };

    /// <summary>The extra member's value: members count up from 0, so no declared member has it.</summary>
    private const string UnknownEnumValue = "-1";

    /// <summary>
    /// C# names of an enum's members by service name: the spec's own C# name (<c>x-enum-varnames</c>, <c>x-ms-enum</c>)
    /// when it gives one, else the service name in PascalCase; for REST enums also the unknown-value member, named last.
    /// An extensible enum is a struct: a name its own members or the struct have (CS0542) gets <c>Value</c> appended,
    /// as a property named like a member of <see cref="object"/> does.
    /// </summary>
    private Dictionary<string, string> EnumMemberNames(TypeModel type)
    {
        var memberReserved = type.IsExtensible
            ? new HashSet<string>(ExtensibleEnumReservedNames, StringComparer.Ordinal) { _names[type.QualifiedName].Name }
            : new HashSet<string>(StringComparer.Ordinal);
        var scope = new NameScope(EnumReservedNames.Concat(memberReserved));
        var names = new Dictionary<string, string>(StringComparer.Ordinal);

        // As for properties, names the spec gives as C# (x-enum-varnames) or already spells as C# claim first: of "active"
        // and "Active" the latter keeps "Active".
        var ordered = type.Members
            .Select(member => (member.Name, Preferred: CSharpIdentifier.ToPascalCase(member.CSharpName ?? member.Name), IsExplicit: member.CSharpName is not null))
            .OrderBy(candidate => candidate.IsExplicit || candidate.Preferred == candidate.Name ? 0 : 1);
        foreach (var (serviceName, preferred, _) in ordered)
        {
            if (!names.ContainsKey(serviceName))
            {
                names.Add(serviceName, scope.Claim(memberReserved.Contains(preferred) ? preferred + "Value" : preferred));
            }
        }

        names[UnknownEnumMemberKey] = scope.Claim("Unknown");
        return names;
    }

    /// <summary>
    /// An OpenAPI <c>required</c> property becomes a C# <c>required</c> member where the consumer's compiler allows it, so
    /// a request object without it does not compile. Not for <c>readOnly</c> values (the service sets them) nor for a
    /// discriminator (the derived type's constructor sets it).
    /// </summary>
    private bool IsRequiredMember(TypeModel declaringType, PropertyModel property) =>
        _environment.HasRequiredMembers
        && _model.Style == ApiStyle.Rest
        && property.Kind == PropertyKind.Structural
        && !property.IsOptional
        && !property.IsComputed
        && property.Constant is null
        && !SelfAndAncestors(declaringType).Any(type => type.Discriminator == property.Name);

    /// <summary>The C# literal of a constant (its JSON text) as a value of <paramref name="type"/>.</summary>
    internal static string ConstantLiteral(string json, TypeReference type)
    {
        var value = (System.Text.Json.Nodes.JsonValue)System.Text.Json.Nodes.JsonNode.Parse(json)!;
        if (value.TryGetValue<string>(out var text))
        {
            return Literal(text);
        }

        if (value.TryGetValue<bool>(out var flag))
        {
            return flag ? "true" : "false";
        }

        return PrimitiveTypes.Find(type.QualifiedName) switch
        {
            { ConstantParsesText: true } primitive => primitive.ClrType + ".Parse(" + Literal(json) + ")",
            { } primitive => json + primitive.ConstantSuffix,
            null => json,
        };
    }

    /// <summary>The type and its base types, nearest first.</summary>
    private IEnumerable<TypeModel> SelfAndAncestors(TypeModel type) => _types.SelfAndAncestors(type);

    /// <summary>Every property of a type, inherited ones included (nearest declaration first), with its C# name.</summary>
    private IEnumerable<NamedProperty> AllProperties(TypeModel type) =>
        SelfAndAncestors(type).SelectMany(declaring => declaring.Properties.Select(property => new NamedProperty(property, PropertyNames(declaring)[property.Name])));

    /// <summary>A property by its spec name, declared on the type or inherited.</summary>
    private NamedProperty? FindProperty(TypeModel type, string specName) =>
        AllProperties(type).FirstOrDefault(property => property.Model.Name == specName);

    /// <summary>A property with the C# name its declaring class gives it.</summary>
    private sealed record NamedProperty(PropertyModel Model, string CSharpName);

    private TypeModel? BaseOf(TypeModel type) => _types.BaseOf(type);

    private static string Literal(string value) => CSharpText.StringLiteral(value);
}
