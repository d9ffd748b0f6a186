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
internal sealed partial class EdmxReader
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
            SpecOptionValues.ServicePath(_file.Options.ServicePath),
            ReadEnumLiteralStyle(),
            types.ToEquatableArray(),
            entitySets.ToEquatableArray(),
            operations.ToEquatableArray(),
            imports.ToEquatableArray());
    }

    /// <summary>
    /// Qualified enum literals are standard OData 4; Orchestrator, like other ASP.NET OData services, also
    /// accepts the plain form. A value that is neither becomes a warning and the standard form.
    /// </summary>
    private bool ReadEnumLiteralStyle()
    {
        if (!SpecOptionValues.TryChoose(_file.Options.EnumLiterals, true, out var qualified, ("Qualified", true), ("Plain", false)))
        {
            Report(DiagnosticDescriptors.InvalidAttributeValue, SpecPosition.StartOf(_file.Path), "EnumLiterals", "the AdditionalFiles item", _file.Options.EnumLiterals!, "Qualified");
        }

        return qualified;
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
