using System.Text.Json;

namespace UiPathClients.Runtime.Serialization;

/// <summary>
/// Base of the generated wrappers for OpenAPI <c>oneOf</c>/<c>anyOf</c>: a value that is one of several
/// types. The wrapper has one nullable property per alternative; reading sets the one that matched,
/// writing writes the one that is set.
/// </summary>
/// <remarks>
/// A wrapper rather than a common base class, because C# has single inheritance: real specs put the same
/// schema into several unions, mix objects with strings, numbers and arrays, and name schemas that already
/// have a base. A wrapper expresses all of them the same way and stays trim/AOT-safe: every alternative is
/// read and written through the generated <c>JsonTypeInfo</c>.
/// </remarks>
public abstract class JsonUnion
{
    /// <summary>The alternative that is set, or <see langword="null"/> when none is.</summary>
    public abstract object? Value { get; }

    /// <summary>
    /// The JSON value when no alternative matched it (for instance a discriminator value added by a newer
    /// service); kept so that nothing is lost, and written back unchanged when no alternative is set.
    /// </summary>
    public JsonElement? UnknownJson { get; set; }
}
