namespace UiPathClients.Generator.Readers;

/// <summary>
/// How large and how deep a spec may be. Specs come from elsewhere and are read inside the compiler (and the IDE):
/// beyond these limits the spec is refused with a located UIPC0014 instead of being read, so that no document can
/// exhaust the stack, the memory or the patience of a build. Every real spec we know of is far inside them
/// (src/UiPathClients.Generator/README.md, "Limits").
/// </summary>
internal static class SpecLimits
{
    /// <summary>The longest spec text read, in characters (64 Mi; Microsoft Graph's EDMX, the largest we know, is under 2 Mi).</summary>
    public const int MaxTextLength = 64 * 1024 * 1024;

    /// <summary>
    /// How deep arrays and objects (JSON) or sequences and mappings (YAML) may nest. The same as System.Text.Json's default,
    /// which Microsoft.OpenApi reads with, so a document read here is never refused later for its depth.
    /// </summary>
    public const int MaxJsonDepth = 64;

    /// <summary>How deep XML elements may nest in an EDMX document (CSDL's deepest shapes, nested annotation records, need about 20).</summary>
    public const int MaxXmlDepth = 128;

    /// <summary>
    /// How many nodes YAML aliases may copy into a document in all. An alias repeats its anchor's whole subtree, so a few
    /// hundred bytes of nested aliases ("billion laughs") would otherwise expand to gigabytes.
    /// </summary>
    public const int MaxYamlAliasNodes = 500_000;

    /// <summary>
    /// How many <c>$ref</c>s may name <c>$ref</c>s in a row (<c>A: {$ref: B}</c>, <c>B: {$ref: C}</c> …). Real specs alias a
    /// schema once or twice; Microsoft.OpenApi resolves the whole chain again at every use, so a long one costs its square.
    /// </summary>
    public const int MaxReferenceChain = 32;

    /// <summary>
    /// How many base types a type may have above it. Each level is a C# base class the compiler walks; a longer chain is cut
    /// here (the type at the limit loses its base) rather than handed to every later walk up the hierarchy.
    /// </summary>
    public const int MaxInheritanceDepth = 64;
}
