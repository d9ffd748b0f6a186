namespace UiPathClients.Generator.Input;

/// <summary>The format of a spec file.</summary>
internal enum SpecKind
{
    Edmx,
    OpenApiJson,
    OpenApiYaml,
}

/// <summary>
/// One spec file to generate a client from: its path, format, text and per-file options.
/// </summary>
/// <remarks>
/// The text is held as a string and compared by value; an unchanged file therefore compares
/// equal between runs and nothing downstream of it is re-read or re-emitted.
/// </remarks>
internal sealed record SpecFile(string Path, SpecKind Kind, string Text, SpecOptions Options);

/// <summary>
/// Per-file options from <c>AdditionalFiles</c> item metadata (<c>ClientName</c>, <c>Namespace</c>,
/// <c>ServicePath</c>) and the project's <c>RootNamespace</c>.
/// </summary>
/// <param name="ClientName">The client name, if set.</param>
/// <param name="Namespace">The C# namespace, if set.</param>
/// <param name="RootNamespace">The project's root namespace.</param>
/// <param name="ServicePath">The OData service root relative to the client's base address (e.g. <c>odata/</c>), if set.</param>
/// <param name="EnumLiterals">How enum members are written in URLs: <c>Qualified</c> (<c>NS.Type'Member'</c>, the default) or <c>Plain</c> (<c>'Member'</c>).</param>
/// <param name="Conventions">Service conventions to apply (<c>CommunicationsMining</c>), if set.</param>
internal sealed record SpecOptions(string? ClientName, string? Namespace, string? RootNamespace, string? ServicePath = null, string? EnumLiterals = null, string? Conventions = null);
