namespace UiPathClients.Runtime.Rest;

/// <summary>How a parameter value is written into the URL, a header or a cookie (OpenAPI <c>style</c>).</summary>
/// <remarks>
/// The generator compiles this same file (internal there) and writes members by name, so the names it emits are the
/// runtime's by construction.
/// </remarks>
#if UIPATHCLIENTS_GENERATOR
internal
#else
public
#endif
enum ParameterStyle
{
    /// <summary><c>a,b,c</c> — path and header default.</summary>
    Simple,

    /// <summary><c>.a.b.c</c> or <c>.a,b,c</c> (path).</summary>
    Label,

    /// <summary><c>;name=a;name=b</c> or <c>;name=a,b</c> (path).</summary>
    Matrix,

    /// <summary><c>name=a&amp;name=b</c> or <c>name=a,b</c> — query and cookie default.</summary>
    Form,

    /// <summary><c>name=a%20b</c> (query arrays).</summary>
    SpaceDelimited,

    /// <summary><c>name=a|b</c> (query arrays).</summary>
    PipeDelimited,

    /// <summary><c>name[key]=value</c> (query objects).</summary>
    DeepObject,

    /// <summary><c>name=a%09b</c> (query arrays): Swagger 2.0's <c>collectionFormat: tsv</c>, which OpenAPI 3 has no style for.</summary>
    TabDelimited,
}
