using System;

namespace UiPathClients.Runtime.Serialization;

/// <summary>The kinds of JSON value an alternative of a <c>JsonUnion</c> can be read from.</summary>
/// <remarks>
/// The generator compiles this same file (internal there) and writes members by name, so the names it emits are the
/// runtime's by construction.
/// </remarks>
[Flags]
#if UIPATHCLIENTS_GENERATOR
internal
#else
public
#endif
enum JsonUnionKinds
{
    /// <summary>No kind.</summary>
    None = 0,

    /// <summary>A JSON object.</summary>
    Objects = 1,

    /// <summary>A JSON array.</summary>
    Arrays = 2,

    /// <summary>A JSON string.</summary>
    Strings = 4,

    /// <summary>A JSON number.</summary>
    Numbers = 8,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Booleans = 16,

    /// <summary>Any JSON value (an untyped alternative).</summary>
    Any = Objects | Arrays | Strings | Numbers | Booleans,
}
