namespace UiPathClients.Generator.Model;

/// <summary>
/// OpenAPI formats with no <c>Edm</c> primitive of the same meaning. They are named in the <c>Edm.</c> space so that
/// everything treating <c>Edm.*</c> as "a primitive, not a declared type" keeps doing so; no EDMX reader produces them.
/// </summary>
internal static class OpenApiPrimitives
{
    /// <summary><c>format: decimal</c>: exact at any size and scale, which <c>System.Decimal</c> is not.</summary>
    public const string ExactDecimal = "Edm.OpenApiExactDecimal";

    /// <summary><c>format: date-time-rfc1123</c>: a <c>DateTimeOffset</c> written as RFC 1123 text.</summary>
    public const string DateTimeRfc1123 = "Edm.OpenApiDateTimeRfc1123";

    /// <summary><c>format: unixtime</c>: a <c>DateTimeOffset</c> written as whole seconds since the epoch.</summary>
    public const string UnixTime = "Edm.OpenApiUnixTime";

    /// <summary><c>format: base64url</c>: bytes written as RFC 4648 §5 text.</summary>
    public const string Base64Url = "Edm.OpenApiBase64Url";
}
