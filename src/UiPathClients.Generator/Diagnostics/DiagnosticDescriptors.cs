using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace UiPathClients.Generator.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports. IDs are stable: once shipped, an ID keeps its meaning
/// (see AnalyzerReleases.*.md), because users suppress and search for them.
/// </summary>
/// <remarks>
/// Severity rule: a problem that stops a whole spec from generating is an error; a problem that
/// leaves one element out while the rest generates is a warning, so a client can still be built
/// from a real-world spec with a flaw (Microsoft Graph's own metadata has some) and the user can
/// decide with <c>.editorconfig</c> how strict to be.
/// </remarks>
internal static class DiagnosticDescriptors
{
    private const string Category = "UiPathClients.Generator";
    private const string HelpLinkBase = "https://github.com/uipathclients/uipathclients/blob/main/docs/diagnostics.md#";

    public static readonly DiagnosticDescriptor MalformedXml = Create(
        "UIPC0001",
        "Spec file is not well-formed XML",
        "'{0}' is not well-formed XML: {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor NotAnEdmxDocument = Create(
        "UIPC0002",
        "Spec file is not an OData v4 EDMX document",
        "'{0}' is not an OData v4 EDMX document: {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnresolvedTypeReference = Create(
        "UIPC0003",
        "Type reference cannot be resolved",
        "{0} refers to type '{1}', which is not declared in the document; the {2} is left out of the generated code",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor DuplicateTypeName = Create(
        "UIPC0004",
        "Type is declared more than once",
        "Type '{0}' is declared more than once; only the first declaration is generated",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnsupportedConstruct = Create(
        "UIPC0005",
        "Construct is not supported",
        "{0} is not supported yet and is left out of the generated code: {1}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidAttributeValue = Create(
        "UIPC0006",
        "Attribute has an invalid value",
        "Attribute '{0}' of {1} has the invalid value '{2}'; {3} is used instead",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor DuplicateClientName = Create(
        "UIPC0007",
        "Two specs produce the same client",
        "'{0}' and '{1}' both produce the client '{2}'; '{0}' is not generated. Give one of them a different ClientName metadata value",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor MissingRequiredAttribute = Create(
        "UIPC0008",
        "Required attribute is missing",
        "{0} has no '{1}' attribute and is left out of the generated code",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InheritanceCycle = Create(
        "UIPC0009",
        "Type derives from itself",
        "Type '{0}' derives from itself through its base types; it is generated without a base type",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidOpenApiDocument = Create(
        "UIPC0010",
        "OpenAPI document is invalid",
        "'{0}' is not a valid OpenAPI document: {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor OpenApiWarning = Create(
        "UIPC0011",
        "OpenAPI document has a problem",
        "'{0}': {1}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ConstructKeptAsJson = Create(
        "UIPC0012",
        "Construct is kept as raw JSON",
        "{0} at '{1}' has no typed C# form here; its values are JsonElement",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor LanguageVersionTooOld = Create(
        "UIPC0013",
        "The project's C# version is too old for generated code",
        "'{0}' is not generated: generated clients need C# {1} or later and this project compiles C# {2}. Set <LangVersion>{1}</LangVersion> (or latest) in the project file; projects targeting netstandard2.0 or .NET Framework default to C# 7.3",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor SpecLimitExceeded = Create(
        "UIPC0014",
        "Spec is beyond the generator's limits",
        "'{0}' is not generated: {1}. The generator refuses specs beyond its documented limits so that no file can exhaust the build's stack or memory",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DuplicateMemberName = Create(
        "UIPC0015",
        "Member is declared more than once",
        "Type '{0}' has more than one member named '{1}' ({2}); only the first is generated",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InheritanceTooDeep = Create(
        "UIPC0016",
        "Inheritance chain is too deep",
        "Type '{0}' would have more than {1} base types above it; it is generated without a base type",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnknownSelectedName = Create(
        "UIPC0017",
        "Selected name is not in the spec",
        "'{0}' in {1} is not {2} of {3}{4}; it is left out of the generated client",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor SelectionNotApplicable = Create(
        "UIPC0018",
        "Selection does not apply to this kind of spec",
        "{0} is ignored for {1}: {2}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor GeneratorFailure = Create(
        "UIPC0099",
        "The generator failed on a spec",
        "The generator failed while processing '{0}': {1}. This is a bug in UiPathClients; please report it with the spec file",
        DiagnosticSeverity.Error);

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = new[]
    {
        MalformedXml, NotAnEdmxDocument, UnresolvedTypeReference, DuplicateTypeName, UnsupportedConstruct,
        InvalidAttributeValue, DuplicateClientName, MissingRequiredAttribute, InheritanceCycle, InvalidOpenApiDocument,
        OpenApiWarning, ConstructKeptAsJson, LanguageVersionTooOld, SpecLimitExceeded, DuplicateMemberName, InheritanceTooDeep,
        UnknownSelectedName, SelectionNotApplicable, GeneratorFailure,
    }.ToDictionary(d => d.Id);

    /// <summary>All descriptors, for tests and documentation.</summary>
    public static IReadOnlyCollection<DiagnosticDescriptor> All => ById.Values;

    /// <summary>Looks up a descriptor by ID; diagnostics travel through the pipeline as IDs so step outputs stay plain values.</summary>
    public static DiagnosticDescriptor Get(string id) => ById[id];

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id.ToLowerInvariant());
}
