using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis.CSharp;
using UiPathClients.Generator.Model;
using UiPathClients.Generator.Naming;
using UiPathClients.Generator.Plan;

namespace UiPathClients.Generator.Emit;

/// <summary>
/// Turns a <see cref="ClientModel"/> into source files: decides every C# name and type once,
/// builds logic-free views and renders them with the templates.
/// </summary>
internal sealed partial class ClientEmitter
{
    private const string RuntimeMetadata = "global::UiPathClients.Runtime.Metadata.";

    /// <summary>Members of <see cref="object"/> a generated member must not hide.</summary>
    private static readonly string[] ObjectMemberNames = ReservedNames.ObjectMembers;

    /// <summary>The property every root entity and complex class has for what the client does not know.</summary>
    private const string AdditionalDataName = ReservedNames.AdditionalData;

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

    private readonly ClientPlan _plan;
    private readonly ClientModel _model;
    private readonly string _generatorVersion;
    private readonly ModelTypes _types;
    private readonly IReadOnlyDictionary<string, TypeModel> _typesByQualifiedName;
    private readonly Dictionary<string, (string Namespace, string Name, string HintPrefix)> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _enumConverterNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _filterNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _entityClientNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _entitySetClassNames;
    private readonly Dictionary<string, string> _restGroupClassNames;
    private readonly Dictionary<string, Dictionary<string, string>> _memberNames = new(StringComparer.Ordinal);
    private readonly EmitEnvironment _environment;
    private readonly string _serviceClientName;
    private readonly string _jsonMetadataName;
    private readonly TypeMapper _typeMapper;

    private ClientEmitter(ClientPlan plan, EmitEnvironment environment, string generatorVersion)
    {
        _plan = plan;
        _model = plan.Model;
        _generatorVersion = generatorVersion;
        _environment = environment;
        _types = new ModelTypes(_model);
        _typesByQualifiedName = _types.ByQualifiedName;

        // The plan's names as lookups: dictionaries are built per emit and never cached, the plan's arrays are.
        var names = plan.Names;
        foreach (var type in names.Types)
        {
            _names[type.QualifiedName] = (type.Namespace, type.Name, type.HintPrefix);
            _memberNames[type.QualifiedName] = type.Members.ToDictionary(pair => pair.SpecName, pair => pair.CSharpName, StringComparer.Ordinal);
            if (type.ConverterName is { } converter)
            {
                _enumConverterNames[type.QualifiedName] = converter;
            }

            if (type.FilterName is { } filter)
            {
                _filterNames[type.QualifiedName] = filter;
            }

            if (type.EntityClientName is { } entityClient)
            {
                _entityClientNames[type.QualifiedName] = entityClient;
            }
        }

        _serviceClientName = names.ServiceClientName;
        _jsonMetadataName = names.JsonMetadataName;
        _constraintsName = names.ConstraintsName;
        _entitySetClassNames = names.EntitySetClasses.ToDictionary(pair => pair.SpecName, pair => pair.CSharpName, StringComparer.Ordinal);
        _restGroupClassNames = names.RestGroupClasses.ToDictionary(pair => pair.SpecName, pair => pair.CSharpName, StringComparer.Ordinal);
        _typeMapper = new TypeMapper(
            _names.ToDictionary(pair => pair.Key, pair => "global::" + pair.Value.Namespace + "." + pair.Value.Name, StringComparer.Ordinal),
            _typesByQualifiedName,
            environment);
    }

    public static EquatableArray<GeneratedFile> Emit(ClientPlan plan, EmitEnvironment environment, string generatorVersion, CancellationToken cancellationToken) =>
        new ClientEmitter(plan, environment, generatorVersion).Emit(cancellationToken);

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
                ServiceNameLiteral = Literal(member.Name),
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

        var serviceMembers = new List<EnumMemberView>(members);
        var baseArguments = "ServiceNames, isFlags: " + (type.IsFlags ? "true" : "false");
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
            baseArguments += ", unknownValue: " + UnknownEnumValue + "L";
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
            ServiceMembers = serviceMembers,
        };
    }

    /// <summary>C# names of a type's declared properties (or an enum's members), keyed by spec name.</summary>
    private Dictionary<string, string> PropertyNames(TypeModel type) => _memberNames[type.QualifiedName];

    /// <summary>C# names of an enum's members by service name, the unknown-value member under <see cref="ClientNamer.UnknownEnumMember"/>.</summary>
    private Dictionary<string, string> EnumMemberNames(TypeModel type) => _memberNames[type.QualifiedName];

    /// <summary>The key of the extra member REST enums get for values the client does not know.</summary>
    private const string UnknownEnumMemberKey = ClientNamer.UnknownEnumMember;

    private static readonly string[] UnknownEnumMemberDocLines =
    {
        "/// <summary>A value this client does not know (the service is newer than its spec); only ever read: writing it fails, as the service's spelling is not kept.</summary>",
    };

    /// <summary>The extra member's value: members count up from 0, so no declared member has it.</summary>
    private const string UnknownEnumValue = "-1";

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
