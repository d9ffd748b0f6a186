using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.OpenApi;
using UiPathClients.Generator.Diagnostics;
using UiPathClients.Generator.Input;
using UiPathClients.Generator.Model;

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

    /// <summary>Unresolved <c>$ref</c> values already reported: a schema is resolved more than once while it is mapped.</summary>
    private readonly HashSet<string> _unresolvedReported = new(StringComparer.Ordinal);

    /// <summary>Base types with a discriminator: the property and its explicit <c>mapping</c> (value → schema name), completed once every type is known.</summary>
    private readonly Dictionary<string, (string Property, List<KeyValuePair<string, string>> Mapping)> _discriminators = new(StringComparer.Ordinal);

    /// <summary>Inline enums named by <c>x-ms-enum</c>: the same name and values anywhere in the document is one type.</summary>
    private readonly Dictionary<string, string> _namedInlineEnums = new(StringComparer.Ordinal);

    /// <summary>Schemas whose single <c>oneOf</c>/<c>anyOf</c> alternative is being followed, to stop at a cycle.</summary>
    private readonly HashSet<IOpenApiSchema> _following = new();

    /// <summary>Schemas whose only <c>oneOf</c>/<c>anyOf</c> alternative is being followed, to stop at one that leads back to itself.</summary>
    private readonly HashSet<IOpenApiSchema> _followingAlternatives = new();

    /// <summary>Array schemas whose item constraints are being read, to stop at an array that contains itself.</summary>
    private readonly HashSet<IOpenApiSchema> _constraining = new();

    // The arrays and maps whose items or values are being read, to stop at one that contains itself.
    private readonly HashSet<IOpenApiSchema> _expanding = new();

    /// <summary>What each schema is (array, map, object, enum, union, constant, primitive), decided the first time it is asked.</summary>
    private readonly SchemaShapes _shapes = new();

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

    /// <summary>A construct kept as raw JSON, reported at the place it was met.</summary>
    private void ReportRawJson(string construct, DocumentPlace place)
    {
        var pointer = place.Pointer;
        Report(DiagnosticDescriptors.ConstructKeptAsJson, Tree.Locate(pointer), construct, pointer);
    }

    /// <summary>Positions for what is reported before the document is read (or instead of it).</summary>
    private SpecTextPositions Positions => _positions ??= _tree?.Positions ?? new SpecTextPositions(_file.Path, _file.Text);

    /// <summary>The document as read, once it is: every JSON pointer is located in it.</summary>
    private SpecTree Tree => _tree ?? throw new InvalidOperationException("The document is located only after it is read.");

    private static Documentation Doc(IOpenApiSchema schema) => DocumentationOf(schema.Description);

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, SpecPosition position, params string[] arguments) =>
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, position, arguments));
}
