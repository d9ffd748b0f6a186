namespace UiPathClients.Generator.Input;

/// <summary>The format of a spec file.</summary>
internal enum SpecKind
{
    Edmx,
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
/// Per-file options from <c>AdditionalFiles</c> item metadata (<c>ClientName</c>, <c>Namespace</c>)
/// and the project's <c>RootNamespace</c>.
/// </summary>
internal sealed record SpecOptions(string? ClientName, string? Namespace, string? RootNamespace);
