using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using UiPathClients.Generator.Emit;
using UiPathClients.Generator.Model;
using UiPathClients.Generator.Naming;
using static UiPathClients.Generator.Emit.EmitContext;
using static UiPathClients.Generator.Emit.RuntimeNames;

namespace UiPathClients.Generator.Writers;

/// <summary>
/// Entity and complex types as classes (properties with their JSON names, keys, navigation, the tracker of what the
/// caller set), and plain enums with their converter: each built as a view that <see cref="ViewRenderer"/> prints.
/// </summary>
internal sealed class TypeWriter
{
    private readonly EmitContext _context;

    public TypeWriter(EmitContext context) => _context = context;

    /// <summary>The property every root entity and complex class has for what the client does not know.</summary>
    private const string AdditionalDataName = ReservedNames.AdditionalData;

    private static readonly string[] AdditionalDataDocLines =
    {
        "/// <summary>JSON members with no property here (added by a newer service, or annotations such as <c>@odata.etag</c>), kept so nothing is lost.</summary>",
    };

    private static readonly string[] AdditionalDataAttributes = { "global::System.Text.Json.Serialization.JsonExtensionData" };

    /// <summary>The root class's tracker of what the caller set, explicit so it takes no name from the service's properties.</summary>
    private static readonly string[] PropertyTrackerLines =
    {
        "        /// <inheritdoc />",
        "        " + RuntimeMetadata + "ODataPropertyTracker " + TrackedObjectInterface + ".PropertyTracker { get; } = new " + RuntimeMetadata + "ODataPropertyTracker();",
    };

    /// <summary>An entity or complex type's class file.</summary>
    public GeneratedFile WriteClass(TypeModel type) =>
        new(_context.HintName(type, type.Kind == TypeKind.Entity ? "Entities" : "ComplexTypes"), ViewRenderer.RenderClass(BuildClassView(type)));

    /// <summary>A plain (not extensible) enum's file, with its converter.</summary>
    public GeneratedFile WriteEnum(TypeModel type) =>
        new(_context.HintName(type, "Enums"), ViewRenderer.RenderEnum(BuildEnumView(type)));

    private ClassView BuildClassView(TypeModel type)
    {
        var (@namespace, name, _) = _context.Names[type.QualifiedName];
        var propertyNames = _context.PropertyNames(type);

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

        if (_context.BaseOf(type) is null)
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
            GeneratorVersion = _context.GeneratorVersion,
            DocLines = DocComment.Lines(type.Documentation, remarks),
            Attributes = new[]
            {
                RuntimeMetadata + "ODataType(" + Literal(type.QualifiedName) + ", " + RuntimeMetadata + "ODataTypeKind." + (type.Kind == TypeKind.Entity ? "Entity" : "Complex") + ")",
            },
            Modifiers = type.IsAbstract ? "public abstract partial class" : "public partial class",
            Name = name,
            BaseType = _context.BaseOf(type) is not null
                ? _context.TypeMapper.MapSingle(type.BaseType!, isNullable: false)
                : _context.TracksSetProperties ? TrackedObjectInterface : RuntimeMetadata + "IODataObject",
            Properties = properties,
            ConstructorLines = DiscriminatorConstructor(type, name),
            LeadingLines = _context.TracksSetProperties && _context.BaseOf(type) is null ? PropertyTrackerLines : Array.Empty<string>(),
        };
    }

    /// <summary>
    /// For a type an OpenAPI discriminator selects, a constructor that sets the discriminator property to the value
    /// naming the type, so a new instance is written the way the service recognises it.
    /// </summary>
    private string[] DiscriminatorConstructor(TypeModel type, string name)
    {
        if (_context.Model.Style != ApiStyle.Rest)
        {
            return Array.Empty<string>();
        }

        for (var ancestor = _context.BaseOf(type); ancestor is not null; ancestor = _context.BaseOf(ancestor))
        {
            if (ancestor.Discriminator is not { } discriminator)
            {
                continue;
            }

            var value = ancestor.DiscriminatorValues.FirstOrDefault(candidate => candidate.Type == type.QualifiedName)?.Value;
            if (value is null || _context.FindProperty(ancestor, discriminator) is not { } found)
            {
                break;
            }

            var property = found.Model;
            var underlying = _context.Underlying(property.Type.QualifiedName);
            string? literal = null;
            if (underlying == "Edm.String")
            {
                literal = Literal(value);
            }
            else if (_context.TypesByQualifiedName.TryGetValue(underlying, out var enumType) && enumType.Kind == TypeKind.Enum && _context.EnumMemberNames(enumType).TryGetValue(value, out var member) && enumType.Members.Any(candidate => candidate.Name == value))
            {
                literal = _context.TypeFullName(underlying) + "." + member;
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
                ? "global::System.Collections.Generic.IList<" + _context.TypeMapper.MapSingle(property.Type.QualifiedName, isNullable: false) + ">?"
                : _context.TypeMapper.MapSingle(property.Type.QualifiedName, isNullable: true);
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
            type = _context.PropertyClrType(property);
            if (property.Constant is { } constant)
            {
                // The one value the schema allows: set from the start, so it is sent without the caller naming it.
                initializer = ConstantLiteral(constant, property.Type);
                remarks.Add($"A constant: always <c>{DocComment.Escape(constant)}</c>.");
            }
            else if (property.Type.IsCollection)
            {
                // An optional (OpenAPI) list has no initializer: it stays null until set.
                initializer = property.IsOptional ? null : "new " + _context.TypeMapper.MapCollectionImplementation(property.Type) + "()";
            }
            else if (property.Type.IsMap && !property.Type.IsNullable)
            {
                initializer = "new global::System.Collections.Generic.Dictionary<string, " + _context.TypeMapper.MapDictionaryValue(property.Type) + ">()";
            }
            else if (!property.Type.IsNullable && _context.TypeMapper.IsReferenceType(property.Type.QualifiedName))
            {
                // Declared non-null by the service; the deserializer fills it.
                initializer = "default!";
            }
        }

        if (property.IsComputed)
        {
            remarks.Add(_context.Model.Style == ApiStyle.Rest
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
            IsRequired = _context.IsRequiredMember(declaringType, property),
            BackingField = _context.TracksSetProperties ? "_" + name : null,
            AfterSet = _context.TracksSetProperties ? $"(({TrackedObjectInterface})this).PropertyTracker.MarkSet({Literal(property.Name)});" : null,
        };
    }

    private EnumView BuildEnumView(TypeModel type)
    {
        var (@namespace, name, _) = _context.Names[type.QualifiedName];
        var memberNames = _context.EnumMemberNames(type);
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
        if (_context.Model.Style == ApiStyle.Rest && !type.IsFlags)
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

        var converterName = _context.ConverterNames[type.QualifiedName];
        attributes.Add("global::System.Text.Json.Serialization.JsonConverter(typeof(global::" + @namespace + "." + converterName + "))");

        return new EnumView
        {
            Namespace = @namespace,
            GeneratorVersion = _context.GeneratorVersion,
            DocLines = DocComment.Lines(type.Documentation),
            Attributes = attributes,
            Name = name,
            UnderlyingType = _context.TypeMapper.MapSingle(type.UnderlyingType ?? "Edm.Int32", isNullable: false),
            FullName = "global::" + @namespace + "." + name,
            ConverterName = converterName,
            IsFlags = type.IsFlags ? "true" : "false",
            BaseArguments = baseArguments,
            Members = members,
        };
    }

    /// <summary>The key of the extra member REST enums get for values the client does not know.</summary>
    private const string UnknownEnumMemberKey = ClientNamer.UnknownEnumMember;

    private static readonly string[] UnknownEnumMemberDocLines =
    {
        "/// <summary>A value this client does not know (the service is newer than its spec); only ever read: writing it fails, as the service's spelling is not kept.</summary>",
    };

    /// <summary>The extra member's value: members count up from 0, so no declared member has it.</summary>
    private const string UnknownEnumValue = "-1";

}
