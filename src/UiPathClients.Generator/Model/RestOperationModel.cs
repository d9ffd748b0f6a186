using UiPathClients.Runtime.Rest;

namespace UiPathClients.Generator.Model;

/// <summary>One operation of a REST API (an OpenAPI path item method).</summary>
/// <remarks>Holds only strings, enums, primitives and equatable arrays; see <see cref="ClientModel"/>.</remarks>
/// <param name="Group">The sub-client it belongs to: its first tag, else the first meaningful path segment.</param>
/// <param name="Name">The <c>operationId</c>, or a name made from the method and path when there is none.</param>
/// <param name="Method">The HTTP method in upper case.</param>
/// <param name="Path">The path template as declared, e.g. <c>/api/v1/datasets/{owner}/{dataset_name}</c>.</param>
/// <param name="Parameters">Path, query, header and cookie parameters (path-item parameters merged in), in declaration order.</param>
/// <param name="Body">The request body, when the operation takes one.</param>
/// <param name="Success">The success response the method returns (the first 2xx with a body, else the first 2xx).</param>
/// <param name="Errors">Error responses that declare a JSON body (<c>4XX</c>, <c>404</c>, <c>default</c> …).</param>
/// <param name="IsDeprecated">Whether the description marks the operation deprecated.</param>
/// <param name="Documentation">Summary and description.</param>
/// <param name="ExpectedStatuses">Declared statuses outside 2xx that are answers, not errors (a <c>HEAD</c>'s <c>404</c>): returned, not thrown.</param>
/// <param name="Paging">How the answer pages (<c>x-ms-pageable</c>), when it does.</param>
/// <param name="OtherSuccesses">Declared 2xx answers whose body is another type than <paramref name="Success"/>'s (201 → B beside 200 → A).</param>
internal sealed record RestOperationModel(
    string Group,
    string Name,
    string Method,
    string Path,
    EquatableArray<RestParameterModel> Parameters,
    RestBodyModel? Body,
    RestResponseModel? Success,
    EquatableArray<RestResponseModel> Errors,
    bool IsDeprecated,
    Documentation Documentation,
    EquatableArray<int> ExpectedStatuses = default,
    RestPagingModel? Paging = null,
    EquatableArray<RestResponseModel> OtherSuccesses = default)
{
    /// <summary>Where the path template names a path parameter (<c>{name}</c>): methods take path parameters in this order, so a call reads like the URL.</summary>
    public int PathPosition(string parameterName) => Path.IndexOf("{" + parameterName + "}", System.StringComparison.Ordinal);
}

/// <summary>An operation whose answer is one page of a list (AutoRest's <c>x-ms-pageable</c>).</summary>
/// <param name="ItemName">The answer's property holding the page's items (<c>itemName</c>, <c>value</c> by default).</param>
/// <param name="NextLinkName">The answer's property holding the next page's link; <see langword="null"/> when there is only ever one page.</param>
/// <param name="NextOperationName">The <c>operationId</c> that fetches the next pages (<c>operationName</c>), given the link; <see langword="null"/> to GET the link itself.</param>
internal sealed record RestPagingModel(string ItemName, string? NextLinkName, string? NextOperationName);

/// <summary>Where a parameter goes.</summary>
internal enum ParameterLocation
{
    Path,
    Query,
    Header,
    Cookie,

    /// <summary>A field of a form or multipart body.</summary>
    Field,
}

/// <summary>A parameter of a REST operation, or a field of a form/multipart body.</summary>
/// <param name="Name">The name on the wire.</param>
/// <param name="Location">Where it goes.</param>
/// <param name="Type">Its type; <c>Edm.Stream</c> for a file part of a multipart body.</param>
/// <param name="IsRequired">Whether callers must pass it.</param>
/// <param name="Style">How the value is serialized.</param>
/// <param name="Explode">Whether arrays and objects produce one entry per item.</param>
/// <param name="IsDeprecated">Whether the parameter is deprecated.</param>
/// <param name="Documentation">Its description.</param>
/// <param name="Constant">
/// A required parameter whose schema allows one value only (AutoRest's constant): that value as JSON. The client
/// sends it; the method does not ask for it.
/// </param>
/// <param name="Constraints">The value constraints its schema declares (checked only when the client opts in); <see langword="null"/> for none.</param>
/// <param name="SkipUrlEncoding">The value is already URL text and is sent as it is (<c>x-ms-skip-url-encoding</c>).</param>
/// <param name="IsClientRequestId">The header carries the request's own ID (<c>x-ms-client-request-id</c>): a fresh one is sent when the caller gives none.</param>
internal sealed record RestParameterModel(
    string Name,
    ParameterLocation Location,
    TypeReference Type,
    bool IsRequired,
    ParameterStyle Style,
    bool Explode,
    bool IsDeprecated,
    Documentation Documentation,
    string? Constant = null,
    ConstraintsModel? Constraints = null,
    bool SkipUrlEncoding = false,
    bool IsClientRequestId = false);

/// <summary>How a body is encoded.</summary>
internal enum BodyEncoding
{
    /// <summary><c>application/json</c> and <c>+json</c> types: the typed value as JSON.</summary>
    Json,

    /// <summary><c>application/x-www-form-urlencoded</c>: the object's properties as fields.</summary>
    Form,

    /// <summary><c>multipart/form-data</c>: fields and files.</summary>
    Multipart,

    /// <summary><c>text/plain</c>: a string.</summary>
    Text,

    /// <summary>Anything else (<c>application/octet-stream</c>, images, PDFs …): raw bytes as a stream.</summary>
    Binary,
}

/// <summary>A request body.</summary>
/// <param name="Encoding">How it is encoded.</param>
/// <param name="MediaType">The media type sent in <c>Content-Type</c>.</param>
/// <param name="Type">The JSON body's type; <see langword="null"/> for text, binary, form and multipart.</param>
/// <param name="Fields">Form and multipart only: the object's properties, each a method parameter.</param>
/// <param name="IsRequired">Whether the body must be sent.</param>
/// <param name="Documentation">Its description.</param>
/// <param name="Constant">A required JSON body whose schema allows one value only: that value as JSON, sent by the client.</param>
internal sealed record RestBodyModel(
    BodyEncoding Encoding,
    string MediaType,
    TypeReference? Type,
    EquatableArray<RestParameterModel> Fields,
    bool IsRequired,
    Documentation Documentation,
    string? Constant = null);

/// <summary>A declared response.</summary>
/// <param name="StatusCode">As declared: <c>200</c>, <c>2XX</c> or <c>default</c>.</param>
/// <param name="Encoding">How its body is encoded; <see langword="null"/> when it has none.</param>
/// <param name="Type">The JSON body's type; <see langword="null"/> when not JSON.</param>
/// <param name="Documentation">Its description.</param>
internal sealed record RestResponseModel(string StatusCode, BodyEncoding? Encoding, TypeReference? Type, Documentation Documentation);
