using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Xml;
using System.Xml.Linq;
using UiPathClients.Generator.Diagnostics;
using UiPathClients.Generator.Input;
using UiPathClients.Generator.Model;
using UiPathClients.Generator.Naming;

namespace UiPathClients.Generator.Readers.Edmx;

/// <summary>
/// Reads an OData v4 CSDL XML document (EDMX) into a <see cref="ClientModel"/>.
/// </summary>
/// <remarks>
/// Written on System.Xml rather than Microsoft.OData.Edm because the generator must run on
/// .NET Framework inside Visual Studio, and Microsoft.OData.Edm 8 is net8.0-only (DESIGN.md).
/// Tests hold this reader to Microsoft.OData.Edm's CsdlReader on every real document.
/// Problems in the spec never throw: each becomes a diagnostic and the offending element is left out.
/// </remarks>
internal sealed class EdmxReader
{
    private readonly SpecFile _file;
    private readonly SpecTextPositions _positions;
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly TypeNameResolver _resolver = new();
    private readonly AnnotationReader _annotations;

    private EdmxReader(SpecFile file)
    {
        _file = file;
        _positions = new SpecTextPositions(file.Path, file.Text);
        _annotations = new AnnotationReader(_resolver);
    }

    public static ReadResult Read(SpecFile file, CancellationToken cancellationToken) =>
        new EdmxReader(file).Read(cancellationToken);

    private ReadResult Read(CancellationToken cancellationToken)
    {
        var document = Parse();
        var model = document is null ? null : ReadDocument(document, cancellationToken);
        return new ReadResult(_file.Path, model, _diagnostics.ToEquatableArray());
    }

    private XDocument? Parse()
    {
        var settings = new XmlReaderSettings
        {
            // Specs come from anywhere: no DTDs, no external entities.
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
        };

        try
        {
            if (FirstElementTooDeep(settings) is { } tooDeep)
            {
                Report(DiagnosticDescriptors.SpecLimitExceeded, tooDeep, _file.Path, $"it nests XML elements deeper than {SpecLimits.MaxXmlDepth.ToString(System.Globalization.CultureInfo.InvariantCulture)} levels");
                return null;
            }

            using var reader = XmlReader.Create(new StringReader(_file.Text), settings);
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException exception)
        {
            var position = exception.LineNumber > 0
                ? _positions.At(exception.LineNumber, exception.LinePosition, 1)
                : SpecPosition.StartOf(_file.Path);
            Report(DiagnosticDescriptors.MalformedXml, position, _file.Path, exception.Message);
            return null;
        }
    }

    /// <summary>
    /// The first element nested deeper than <see cref="SpecLimits.MaxXmlDepth"/>, found by a forward-only read before any tree
    /// is built: a tree of 100,000 nested elements costs seconds to build and every recursive walk of it risks the stack.
    /// </summary>
    /// <exception cref="XmlException">The text is not well-formed (up to the point read).</exception>
    private SpecPosition? FirstElementTooDeep(XmlReaderSettings settings)
    {
        using var reader = XmlReader.Create(new StringReader(_file.Text), settings);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth >= SpecLimits.MaxXmlDepth)
            {
                var info = (IXmlLineInfo)reader;
                return _positions.At(info.LineNumber, info.LinePosition, reader.LocalName.Length);
            }
        }

        return null;
    }

    private ClientModel? ReadDocument(XDocument document, CancellationToken cancellationToken)
    {
        var root = document.Root!;
        if (root.Name != CsdlNames.Edmx + "Edmx")
        {
            var reason = root.Name.LocalName == "Edmx"
                ? $"the root element is in namespace '{root.Name.NamespaceName}'; only OData v4 ('{CsdlNames.Edmx.NamespaceName}') is supported"
                : $"the root element is '{root.Name.LocalName}', expected 'edmx:Edmx'";
            Report(DiagnosticDescriptors.NotAnEdmxDocument, _positions.Of(root), _file.Path, reason);
            return null;
        }

        var dataServices = root.Element(CsdlNames.Edmx + "DataServices");
        if (dataServices is null)
        {
            Report(DiagnosticDescriptors.NotAnEdmxDocument, _positions.Of(root), _file.Path, "it has no 'edmx:DataServices' element");
            return null;
        }

        foreach (var include in root.Elements(CsdlNames.Edmx + "Reference").Elements(CsdlNames.Edmx + "Include"))
        {
            var @namespace = (string?)include.Attribute("Namespace");
            if (@namespace is null)
            {
                continue;
            }

            _resolver.AddReferencedNamespace(@namespace);
            var alias = (string?)include.Attribute("Alias");
            if (alias is not null)
            {
                _resolver.AddAlias(alias, @namespace);
            }
        }

        var schemas = new List<(XElement Element, string Namespace)>();
        foreach (var schema in dataServices.Elements(CsdlNames.Edm + "Schema"))
        {
            var @namespace = (string?)schema.Attribute("Namespace");
            if (@namespace is null)
            {
                ReportMissing(schema, "Schema", "Namespace");
                continue;
            }

            schemas.Add((schema, @namespace));
            var alias = (string?)schema.Attribute("Alias");
            if (alias is not null)
            {
                _resolver.AddAlias(alias, @namespace);
            }
        }

        // First pass: every declaration and external annotation, so references may point forward.
        var declarations = new List<(XElement Element, string Namespace, TypeKind Kind)>();
        foreach (var (schema, @namespace) in schemas)
        {
            foreach (var element in schema.Elements())
            {
                var kind = DeclarationKind(element);
                if (kind is not null)
                {
                    var name = (string?)element.Attribute("Name");
                    if (name is null)
                    {
                        ReportMissing(element, element.Name.LocalName, "Name");
                    }
                    else if (_resolver.TryDeclare(@namespace + "." + name, kind.Value))
                    {
                        declarations.Add((element, @namespace, kind.Value));
                    }
                    else
                    {
                        Report(DiagnosticDescriptors.DuplicateTypeName, _positions.Of(element), @namespace + "." + name);
                    }
                }
                else if (element.Name == CsdlNames.Edm + "Annotations")
                {
                    _annotations.AddExternal(element);
                }
            }
        }

        cancellationToken.ThrowIfCancellationRequested();

        var types = new List<TypeModel>(declarations.Count);
        foreach (var (element, @namespace, kind) in declarations)
        {
            var type = kind switch
            {
                TypeKind.Enum => ReadEnumType(element, @namespace),
                TypeKind.TypeDefinition => ReadTypeDefinition(element, @namespace),
                _ => ReadStructuredType(element, @namespace, kind),
            };
            if (type is not null)
            {
                types.Add(type);
            }
        }

        BreakInheritanceCycles(types, declarations);
        DropInheritedDuplicates(types, declarations);
        cancellationToken.ThrowIfCancellationRequested();

        var operations = new List<OperationModel>();
        var entitySets = new List<EntitySetModel>();
        var imports = new List<OperationImportModel>();
        string? containerName = null;
        foreach (var (schema, @namespace) in schemas)
        {
            foreach (var element in schema.Elements())
            {
                var local = element.Name.LocalName;
                if (element.Name.Namespace != CsdlNames.Edm)
                {
                    continue;
                }

                if (local is "Action" or "Function")
                {
                    var operation = ReadOperation(element, @namespace);
                    if (operation is not null)
                    {
                        operations.Add(operation);
                    }
                }
                else if (local == "EntityContainer")
                {
                    if (containerName is not null)
                    {
                        Report(DiagnosticDescriptors.UnsupportedConstruct, _positions.Of(element), "A second EntityContainer", "a document has one entity container");
                        continue;
                    }

                    containerName = (string?)element.Attribute("Name") ?? "Container";
                    ReadContainer(element, @namespace + "." + containerName, entitySets, imports);
                }
                else if (DeclarationKind(element) is null && local is not ("Annotations" or "Annotation" or "Term"))
                {
                    // Terms define vocabularies and annotations on the schema document it: nothing to generate.
                    Report(DiagnosticDescriptors.UnsupportedConstruct, _positions.Of(element), $"Schema element '{local}'", "unknown CSDL element");
                }
            }
        }

        var clientName = SpecNaming.ClientName(_file);

        return new ClientModel(
            clientName,
            SpecNaming.Namespace(_file, clientName),
            NormalizeServicePath(_file.Options.ServicePath),
            ReadEnumLiteralStyle(),
            types.ToEquatableArray(),
            entitySets.ToEquatableArray(),
            operations.ToEquatableArray(),
            imports.ToEquatableArray());
    }

    /// <summary>
    /// A type that (indirectly) derives from itself cannot be emitted, nor can a chain of base types the compiler would walk
    /// for ever; the base type is dropped where either happens, so every later walk up the hierarchy ends soon.
    /// </summary>
    private void BreakInheritanceCycles(List<TypeModel> types, List<(XElement Element, string Namespace, TypeKind Kind)> declarations)
    {
        Dictionary<string, XElement>? elements = null;
        InheritanceChains.Bound(types, (index, problem) =>
        {
            elements ??= declarations
                .GroupBy(declaration => declaration.Namespace + "." + (string?)declaration.Element.Attribute("Name"), StringComparer.Ordinal)
                .ToDictionary(group => group.Key, group => group.First().Element, StringComparer.Ordinal);
            var element = elements[types[index].QualifiedName];
            var position = _positions.Of(element.Attribute("BaseType") ?? (XObject)element);
            if (problem == BrokenInheritance.Cycle)
            {
                Report(DiagnosticDescriptors.InheritanceCycle, position, types[index].QualifiedName);
            }
            else
            {
                Report(DiagnosticDescriptors.InheritanceTooDeep, position, types[index].QualifiedName, SpecLimits.MaxInheritanceDepth.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        });
    }

    /// <summary>
    /// A property that repeats one of a base type's would become a second C# member (<c>Id2</c>) for the JSON member the
    /// inherited one already reads; the base type's declaration is kept. Runs after <see cref="BreakInheritanceCycles"/>, so each walk up is short and ends.
    /// </summary>
    private void DropInheritedDuplicates(List<TypeModel> types, List<(XElement Element, string Namespace, TypeKind Kind)> declarations)
    {
        var byName = new Dictionary<string, TypeModel>(StringComparer.Ordinal);
        foreach (var type in types)
        {
            if (!byName.ContainsKey(type.QualifiedName))
            {
                byName.Add(type.QualifiedName, type);
            }
        }

        for (var i = 0; i < types.Count; i++)
        {
            var type = types[i];
            var inherited = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var ancestor = BaseOf(type); ancestor is not null; ancestor = BaseOf(ancestor))
            {
                foreach (var property in ancestor.Properties)
                {
                    if (!inherited.ContainsKey(property.Name))
                    {
                        inherited.Add(property.Name, ancestor.QualifiedName);
                    }
                }
            }

            if (!type.Properties.Any(property => inherited.ContainsKey(property.Name)))
            {
                continue;
            }

            var element = declarations.First(declaration => declaration.Namespace + "." + (string?)declaration.Element.Attribute("Name") == type.QualifiedName).Element;
            foreach (var property in type.Properties.Where(property => inherited.ContainsKey(property.Name)))
            {
                var declared = element.Elements().FirstOrDefault(child => (string?)child.Attribute("Name") == property.Name) ?? element;
                Report(DiagnosticDescriptors.DuplicateMemberName, _positions.Of(declared.Attribute("Name") ?? (XObject)declared), type.QualifiedName, property.Name, $"it repeats the property inherited from '{inherited[property.Name]}'");
            }

            types[i] = type with { Properties = type.Properties.Where(property => !inherited.ContainsKey(property.Name)).ToEquatableArray() };
            byName[type.QualifiedName] = types[i];
        }

        TypeModel? BaseOf(TypeModel type) => type.BaseType is not null && byName.TryGetValue(type.BaseType, out var baseType) ? baseType : null;
    }

    private static TypeKind? DeclarationKind(XElement element)
    {
        if (element.Name.Namespace != CsdlNames.Edm)
        {
            return null;
        }

        return element.Name.LocalName switch
        {
            "EntityType" => TypeKind.Entity,
            "ComplexType" => TypeKind.Complex,
            "EnumType" => TypeKind.Enum,
            "TypeDefinition" => TypeKind.TypeDefinition,
            _ => null,
        };
    }

    /// <summary>The client name when none is configured: the file name up to its first dot, e.g. <c>orchestrator.edmx</c> → <c>Orchestrator</c>.</summary>
    /// <summary>
    /// Qualified enum literals are standard OData 4; Orchestrator, like other ASP.NET OData services, also
    /// accepts the plain form. A value that is neither becomes a warning and the standard form.
    /// </summary>
    private bool ReadEnumLiteralStyle()
    {
        var style = _file.Options.EnumLiterals;
        if (string.IsNullOrWhiteSpace(style) || string.Equals(style, "Qualified", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (string.Equals(style, "Plain", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        Report(DiagnosticDescriptors.InvalidAttributeValue, SpecPosition.StartOf(_file.Path), "EnumLiterals", "the AdditionalFiles item", style!, "Qualified");
        return true;
    }

    /// <summary>Relative, ending in '/', or empty: "odata" and "/odata/" both become "odata/".</summary>
    private static string NormalizeServicePath(string? servicePath)
    {
        var trimmed = (servicePath ?? string.Empty).Trim().Trim('/');
        return trimmed.Length == 0 ? string.Empty : trimmed + "/";
    }

    private TypeModel? ReadStructuredType(XElement element, string @namespace, TypeKind kind)
    {
        var name = (string)element.Attribute("Name")!;
        var qualifiedName = @namespace + "." + name;

        string? baseType = null;
        var baseTypeAttribute = element.Attribute("BaseType");
        if (baseTypeAttribute is not null)
        {
            var resolved = _resolver.ResolveAlias(baseTypeAttribute.Value.Trim());
            if (_resolver.KindOf(resolved) == kind)
            {
                baseType = resolved;
            }
            else
            {
                Report(DiagnosticDescriptors.UnresolvedTypeReference, _positions.Of(baseTypeAttribute), $"The base type of '{qualifiedName}'", baseTypeAttribute.Value, "base type");
            }
        }

        var key = new List<string>();
        foreach (var propertyRef in element.Elements(CsdlNames.Edm + "Key").Elements(CsdlNames.Edm + "PropertyRef"))
        {
            var keyName = (string?)propertyRef.Attribute("Name");
            if (keyName is null)
            {
                ReportMissing(propertyRef, "PropertyRef", "Name");
            }
            else
            {
                key.Add(keyName);
            }
        }

        var properties = new List<PropertyModel>();
        foreach (var child in element.Elements())
        {
            var propertyKind = child.Name == CsdlNames.Edm + "Property" ? PropertyKind.Structural
                : child.Name == CsdlNames.Edm + "NavigationProperty" ? PropertyKind.Navigation
                : (PropertyKind?)null;
            if (propertyKind is null || ReadProperty(child, qualifiedName, propertyKind.Value) is not { } property)
            {
                continue;
            }

            // Two members of one name would not compile; CSDL forbids it, and the first is what a reader of the document sees.
            if (properties.Find(existing => existing.Name == property.Name) is { } first)
            {
                Report(DiagnosticDescriptors.DuplicateMemberName, _positions.Of(child.Attribute("Name")!), qualifiedName, property.Name, $"this {child.Name.LocalName} repeats the {(first.Kind == PropertyKind.Navigation ? "NavigationProperty" : "Property")} declared before it");
                continue;
            }

            properties.Add(property);
        }

        return new TypeModel(
            kind,
            @namespace,
            name,
            baseType,
            IsAbstract: ReadBoolean(element, "Abstract", false),
            IsOpen: ReadBoolean(element, "OpenType", false),
            HasStream: ReadBoolean(element, "HasStream", false),
            key.ToEquatableArray(),
            properties.ToEquatableArray(),
            EquatableArray<EnumMemberModel>.Empty,
            UnderlyingType: null,
            IsFlags: false,
            _annotations.Documentation(element, qualifiedName));
    }

    private PropertyModel? ReadProperty(XElement element, string declaringType, PropertyKind kind)
    {
        var name = (string?)element.Attribute("Name");
        if (name is null)
        {
            ReportMissing(element, element.Name.LocalName, "Name");
            return null;
        }

        var description = $"Property '{declaringType}/{name}'";
        var typeAttribute = element.Attribute("Type");
        if (typeAttribute is null)
        {
            ReportMissing(element, description, "Type");
            return null;
        }

        var isNullable = ReadBoolean(element, "Nullable", true);
        var type = ResolveType(typeAttribute, isNullable, description, "property");
        if (type is null)
        {
            return null;
        }

        // Edm.EntityType is the abstract "any entity" a vocabulary may point at.
        if (kind == PropertyKind.Navigation && _resolver.KindOf(type.QualifiedName) != TypeKind.Entity && type.QualifiedName != "Edm.EntityType")
        {
            Report(DiagnosticDescriptors.UnresolvedTypeReference, _positions.Of(typeAttribute), description, typeAttribute.Value + " (not an entity type)", "navigation property");
            return null;
        }

        var target = declaringType + "/" + name;
        return new PropertyModel(
            kind,
            name,
            type,
            ContainsTarget: kind == PropertyKind.Navigation && ReadBoolean(element, "ContainsTarget", false),
            Partner: (string?)element.Attribute("Partner"),
            IsComputed: _annotations.IsTagged(element, target, CsdlNames.ComputedTerm),
            IsImmutable: _annotations.IsTagged(element, target, CsdlNames.ImmutableTerm),
            Permissions: _annotations.Permissions(element, target),
            _annotations.Documentation(element, target));
    }

    private TypeModel? ReadEnumType(XElement element, string @namespace)
    {
        var name = (string)element.Attribute("Name")!;
        var qualifiedName = @namespace + "." + name;

        var underlyingType = "Edm.Int32";
        var underlyingAttribute = element.Attribute("UnderlyingType");
        if (underlyingAttribute is not null)
        {
            var resolved = _resolver.ResolveAlias(underlyingAttribute.Value.Trim());
            if (EdmPrimitiveTypes.EnumUnderlyingTypes.Contains(resolved))
            {
                underlyingType = resolved;
            }
            else
            {
                ReportInvalidValue(underlyingAttribute, $"enum type '{qualifiedName}'", "Edm.Int32");
            }
        }

        var members = new List<EnumMemberModel>();
        var memberNames = new HashSet<string>(StringComparer.Ordinal);
        long? nextValue = 0;
        foreach (var member in element.Elements(CsdlNames.Edm + "Member"))
        {
            var memberName = (string?)member.Attribute("Name");
            if (memberName is null)
            {
                ReportMissing(member, $"A member of enum type '{qualifiedName}'", "Name");
                continue;
            }

            if (!memberNames.Add(memberName))
            {
                Report(DiagnosticDescriptors.DuplicateMemberName, _positions.Of(member.Attribute("Name")!), qualifiedName, memberName, "this Member repeats the Member declared before it");
                continue;
            }

            var valueAttribute = member.Attribute("Value");
            if (valueAttribute is null && nextValue is null)
            {
                ReportMissing(member, $"Member '{memberName}' of enum type '{qualifiedName}' comes after the largest Edm.Int64 value, so it has no position, and", "Value");
                continue;
            }

            var value = nextValue ?? 0;
            if (valueAttribute is not null && !long.TryParse(valueAttribute.Value.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out value))
            {
                value = nextValue ?? 0;
                ReportInvalidValue(valueAttribute, $"enum member '{qualifiedName}/{memberName}'", value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            // CSDL: members without Value take their position, which is what nextValue tracks.
            nextValue = value == long.MaxValue ? null : value + 1;
            members.Add(new EnumMemberModel(memberName, value, _annotations.Documentation(member, qualifiedName + "/" + memberName)));
        }

        underlyingType = FittingUnderlyingType(element, qualifiedName, underlyingType, members);

        return TypeModel.Scalar(
            TypeKind.Enum,
            @namespace,
            name,
            underlyingType,
            members.ToEquatableArray(),
            ReadBoolean(element, "IsFlags", false),
            _annotations.Documentation(element, qualifiedName));
    }

    /// <summary>
    /// The declared underlying type when every member's value fits it; else (the C# enum would not compile) the narrowest
    /// signed type that holds them all, with a warning on the attribute — or on the first member out of range when the
    /// type was not declared.
    /// </summary>
    private string FittingUnderlyingType(XElement element, string qualifiedName, string underlyingType, List<EnumMemberModel> members)
    {
        var outOfRange = members.FirstOrDefault(member => !EdmPrimitiveTypes.FitsEnumUnderlyingType(underlyingType, member.Value));
        if (outOfRange is null)
        {
            return underlyingType;
        }

        var widened = EdmPrimitiveTypes.WidenEnumUnderlyingType(members.Min(member => member.Value), members.Max(member => member.Value));
        var reason = $"enum type '{qualifiedName}' (member '{outOfRange.Name}' = {outOfRange.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)} does not fit it)";
        if (element.Attribute("UnderlyingType") is { } declared)
        {
            ReportInvalidValue(declared, reason, widened);
        }
        else
        {
            var memberElement = element.Elements(CsdlNames.Edm + "Member").First(candidate => (string?)candidate.Attribute("Name") == outOfRange.Name);
            Report(DiagnosticDescriptors.InvalidAttributeValue, _positions.Of(memberElement), "Value", $"enum member '{qualifiedName}/{outOfRange.Name}'", outOfRange.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), widened + " as the underlying type of the enum");
        }

        return widened;
    }

    private TypeModel? ReadTypeDefinition(XElement element, string @namespace)
    {
        var name = (string)element.Attribute("Name")!;
        var qualifiedName = @namespace + "." + name;
        var underlyingAttribute = element.Attribute("UnderlyingType");
        if (underlyingAttribute is null)
        {
            ReportMissing(element, $"Type definition '{qualifiedName}'", "UnderlyingType");
            return null;
        }

        var underlying = _resolver.ResolveAlias(underlyingAttribute.Value.Trim());
        if (!EdmPrimitiveTypes.IsPrimitive(underlying))
        {
            Report(DiagnosticDescriptors.UnresolvedTypeReference, _positions.Of(underlyingAttribute), $"Type definition '{qualifiedName}'", underlyingAttribute.Value, "type definition");
            return null;
        }

        return TypeModel.Scalar(
            TypeKind.TypeDefinition,
            @namespace,
            name,
            underlying,
            EquatableArray<EnumMemberModel>.Empty,
            isFlags: false,
            _annotations.Documentation(element, qualifiedName));
    }

    private OperationModel? ReadOperation(XElement element, string @namespace)
    {
        var name = (string?)element.Attribute("Name");
        if (name is null)
        {
            ReportMissing(element, element.Name.LocalName, "Name");
            return null;
        }

        var kind = element.Name.LocalName == "Action" ? OperationKind.Action : OperationKind.Function;
        var qualifiedName = @namespace + "." + name;
        var description = $"{kind} '{qualifiedName}'";

        var parameters = new List<ParameterModel>();
        var signature = OverloadSignature(element, kind);
        foreach (var parameter in element.Elements(CsdlNames.Edm + "Parameter"))
        {
            var parameterName = (string?)parameter.Attribute("Name");
            var typeAttribute = parameter.Attribute("Type");
            if (parameterName is null || typeAttribute is null)
            {
                ReportMissing(parameter, $"A parameter of {description}", parameterName is null ? "Name" : "Type");
                return null;
            }

            var type = ResolveType(typeAttribute, ReadBoolean(parameter, "Nullable", true), $"Parameter '{parameterName}' of {description}", kind.ToString().ToLowerInvariant());
            if (type is null)
            {
                return null;
            }

            // Core.OptionalParameter may target every overload (Ns.Op/p) or one (Ns.Op(Ns.Binding,Edm.Int32)/p).
            var isOptional = _annotations.IsTagged(parameter, qualifiedName + "/" + parameterName, CsdlNames.OptionalParameterTerm)
                || (signature is not null && _annotations.IsTagged(parameter, qualifiedName + signature + "/" + parameterName, CsdlNames.OptionalParameterTerm));
            parameters.Add(new ParameterModel(parameterName, type, isOptional, _annotations.ParameterLocation(parameter, qualifiedName + "/" + parameterName)));
        }

        var isBound = ReadBoolean(element, "IsBound", false);
        if (isBound && parameters.Count == 0)
        {
            ReportMissing(element, $"Bound {description}", "binding Parameter");
            return null;
        }

        TypeReference? returnType = null;
        var returnElement = element.Element(CsdlNames.Edm + "ReturnType");
        if (returnElement is not null)
        {
            var typeAttribute = returnElement.Attribute("Type");
            if (typeAttribute is null)
            {
                ReportMissing(returnElement, $"The return type of {description}", "Type");
                return null;
            }

            returnType = ResolveType(typeAttribute, ReadBoolean(returnElement, "Nullable", true), $"The return type of {description}", kind.ToString().ToLowerInvariant());
            if (returnType is null)
            {
                return null;
            }
        }
        else if (kind == OperationKind.Function)
        {
            ReportMissing(element, description, "ReturnType");
            return null;
        }

        return new OperationModel(
            kind,
            @namespace,
            name,
            isBound,
            IsComposable: kind == OperationKind.Function && ReadBoolean(element, "IsComposable", false),
            EntitySetPath: (string?)element.Attribute("EntitySetPath"),
            parameters.ToEquatableArray(),
            returnType,
            _annotations.Documentation(element, qualifiedName));
    }

    /// <summary>
    /// The overload part of an annotation target, <c>(Ns.Binding,Edm.Int32)</c>: every parameter type of a function, only the
    /// binding parameter's type of an action (CSDL §14.2.1). Types are written as declared; aliases are resolved.
    /// </summary>
    private string? OverloadSignature(XElement element, OperationKind kind)
    {
        var types = new List<string>();
        var isBound = ReadBoolean(element, "IsBound", false);
        foreach (var parameter in element.Elements(CsdlNames.Edm + "Parameter"))
        {
            if (kind == OperationKind.Action && (!isBound || types.Count == 1))
            {
                break;
            }

            var type = (string?)parameter.Attribute("Type");
            if (type is null)
            {
                return null;
            }

            var (reference, _) = _resolver.Resolve(type, isNullable: true);
            types.Add(reference.IsCollection ? "Collection(" + reference.QualifiedName + ")" : reference.QualifiedName);
        }

        return "(" + string.Join(",", types) + ")";
    }

    private void ReadContainer(XElement container, string qualifiedContainerName, List<EntitySetModel> entitySets, List<OperationImportModel> imports)
    {
        var extends = container.Attribute("Extends");
        if (extends is not null)
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct, _positions.Of(extends), $"EntityContainer '{qualifiedContainerName}' extending '{extends.Value}'", "only the container's own members are generated");
        }

        // CSDL: entity sets, singletons and operation imports share one name space in their container.
        var memberNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in container.Elements())
        {
            if (element.Name.Namespace != CsdlNames.Edm)
            {
                continue;
            }

            if (element.Name.LocalName is "EntitySet" or "Singleton" or "ActionImport" or "FunctionImport"
                && element.Attribute("Name") is { } nameAttribute
                && !memberNames.Add(nameAttribute.Value))
            {
                Report(DiagnosticDescriptors.DuplicateMemberName, _positions.Of(nameAttribute), qualifiedContainerName, nameAttribute.Value, $"this {element.Name.LocalName} repeats a container member declared before it");
                continue;
            }

            switch (element.Name.LocalName)
            {
                case "EntitySet":
                case "Singleton":
                    var set = ReadEntitySet(element, qualifiedContainerName);
                    if (set is not null)
                    {
                        entitySets.Add(set);
                    }

                    break;
                case "ActionImport":
                case "FunctionImport":
                    var import = ReadOperationImport(element);
                    if (import is not null)
                    {
                        imports.Add(import);
                    }

                    break;
                case "Annotation":
                    break;
                default:
                    Report(DiagnosticDescriptors.UnsupportedConstruct, _positions.Of(element), $"Container element '{element.Name.LocalName}'", "unknown CSDL element");
                    break;
            }
        }
    }

    private EntitySetModel? ReadEntitySet(XElement element, string qualifiedContainerName)
    {
        var isSingleton = element.Name.LocalName == "Singleton";
        var typeAttributeName = isSingleton ? "Type" : "EntityType";
        var name = (string?)element.Attribute("Name");
        var typeAttribute = element.Attribute(typeAttributeName);
        if (name is null || typeAttribute is null)
        {
            ReportMissing(element, element.Name.LocalName, name is null ? "Name" : typeAttributeName);
            return null;
        }

        var entityType = _resolver.ResolveAlias(typeAttribute.Value.Trim());
        if (_resolver.KindOf(entityType) != TypeKind.Entity)
        {
            Report(DiagnosticDescriptors.UnresolvedTypeReference, _positions.Of(typeAttribute), $"{element.Name.LocalName} '{name}'", typeAttribute.Value, element.Name.LocalName.ToLowerInvariant());
            return null;
        }

        var bindings = element.Elements(CsdlNames.Edm + "NavigationPropertyBinding")
            .Select(binding => (Path: (string?)binding.Attribute("Path"), Target: (string?)binding.Attribute("Target")))
            .Where(binding => binding.Path is not null && binding.Target is not null)
            .Select(binding => new NavigationBindingModel(binding.Path!, binding.Target!))
            .ToEquatableArray();

        var target = qualifiedContainerName + "/" + name;
        return new EntitySetModel(name, entityType, isSingleton, bindings, _annotations.Documentation(element, target), _annotations.Capabilities(element, target));
    }

    private OperationImportModel? ReadOperationImport(XElement element)
    {
        var isAction = element.Name.LocalName == "ActionImport";
        var operationAttributeName = isAction ? "Action" : "Function";
        var name = (string?)element.Attribute("Name");
        var operation = (string?)element.Attribute(operationAttributeName);
        if (name is null || operation is null)
        {
            ReportMissing(element, element.Name.LocalName, name is null ? "Name" : operationAttributeName);
            return null;
        }

        return new OperationImportModel(
            isAction ? OperationKind.Action : OperationKind.Function,
            name,
            _resolver.ResolveAlias(operation.Trim()),
            (string?)element.Attribute("EntitySet"));
    }

    private TypeReference? ResolveType(XAttribute typeAttribute, bool isNullable, string owner, string memberKind)
    {
        var (reference, resolution) = _resolver.Resolve(typeAttribute.Value, isNullable);
        switch (resolution)
        {
            case TypeResolution.Resolved:
                return reference;
            case TypeResolution.External:
                // The type lives in a referenced document we do not have; keep the member, opaque.
                Report(DiagnosticDescriptors.UnsupportedConstruct, _positions.Of(typeAttribute), $"{owner} of type '{reference.QualifiedName}' from a referenced document", "its value is kept as untyped JSON");
                return reference with { QualifiedName = "Edm.Untyped" };
            default:
                Report(DiagnosticDescriptors.UnresolvedTypeReference, _positions.Of(typeAttribute), owner, typeAttribute.Value, memberKind);
                return null;
        }
    }

    private bool ReadBoolean(XElement element, string attributeName, bool defaultValue)
    {
        var attribute = element.Attribute(attributeName);
        if (attribute is null)
        {
            return defaultValue;
        }

        switch (attribute.Value.Trim())
        {
            case "true":
                return true;
            case "false":
                return false;
            default:
                ReportInvalidValue(attribute, $"'{element.Name.LocalName}' element", defaultValue ? "true" : "false");
                return defaultValue;
        }
    }

    private void ReportInvalidValue(XAttribute attribute, string owner, string fallback) =>
        Report(DiagnosticDescriptors.InvalidAttributeValue, _positions.Of(attribute), attribute.Name.LocalName, owner, attribute.Value, fallback);

    private void ReportMissing(XElement element, string owner, string attributeName) =>
        Report(DiagnosticDescriptors.MissingRequiredAttribute, _positions.Of(element), owner, attributeName);

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, SpecPosition position, params string[] arguments) =>
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, position, arguments));
}
